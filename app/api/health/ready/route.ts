import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/check-readiness";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and orchestrators: 503 names the failing checks. */
export async function GET() {
  const answer = await checkReadiness();
  if (answer.status !== "ok") logger.warn({ checks: answer.checks }, "readiness check failed");
  return NextResponse.json(answer, { status: answer.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
