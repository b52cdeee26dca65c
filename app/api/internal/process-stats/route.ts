import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { matchesSecret } from "@/lib/crypto/hash-token";

export const dynamic = "force-dynamic";

/**
 * The server process's CPU time and memory, for the bench (CPU per request = the difference across a
 * scenario ÷ its requests). Closed unless INTERNAL_STATS_TOKEN is set, and then only for a caller that
 * sends it as `x-internal-token`: a public endpoint would tell anyone how busy the server is. Anything
 * else hears 404, as if the route did not exist.
 */
export function GET(req: Request) {
  // The project's one constant-time comparison: digests have one length, so no input can make it throw.
  if (!matchesSecret(req.headers.get("x-internal-token"), env.INTERNAL_STATS_TOKEN)) {
    return new NextResponse(null, { status: 404 });
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return NextResponse.json(
    { pid: process.pid, cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, rssBytes: mem.rss, heapUsedBytes: mem.heapUsed },
    { headers: { "cache-control": "no-store" } },
  );
}
