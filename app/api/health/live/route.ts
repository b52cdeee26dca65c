import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/**
 * Liveness only: the process answers HTTP. It touches no database, so an orchestrator does not restart
 * a healthy server during a database outage (/api/health reports that). The bench uses it as the
 * framework's floor: what a route costs in Next.js before any application code runs.
 */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
