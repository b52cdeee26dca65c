import { NextResponse } from "next/server";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

// Liveness: the process answers. No dependency is checked, so a database outage does not get healthy
// processes restarted; /api/health/ready says whether to send traffic.
export function GET() {
  return NextResponse.json({ status: "ok", version: pkg.version }, { headers: { "cache-control": "no-store" } });
}
