import { rows, UsageError, type CommandGroup } from "./cli";

// `npm run portal -- deliveries …`: the outbox of pushes to IMSHOP.

const KINDS = ["scan_status", "order_status"] as const;
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "2026-12-01T10:00:00Z", "2026-12-01", or a span back from now: "90m", "6h", "7d". */
export function parseSince(value: string | boolean | undefined, now = Date.now()): Date {
  if (typeof value !== "string" || !value.trim()) throw new UsageError("--since is required (e.g. 6h, 7d or 2026-12-01T10:00:00Z)");
  const span = value.trim().match(/^(\d+)([mhd])$/);
  const at = span ? new Date(now - Number(span[1]) * UNITS[span[2]]) : new Date(value.trim());
  if (Number.isNaN(at.getTime())) throw new UsageError(`--since: "${value}" is neither a date-time nor a span like 6h or 7d`);
  return at;
}

export const deliveriesCommands: CommandGroup = {
  name: "deliveries",
  summary: "The outbox of status pushes to IMSHOP: what is waiting or failed, and replaying dead letters.",
  commands: {
    stats: {
      summary: "Counts deliveries by endpoint and state, the oldest waiting one, and each circuit breaker.",
      usage: "[--json]",
      details: "pending = waiting or being retried; dead = retries exhausted (replayable); failed = IMSHOP refused it (400/404).",
      run: async ({ print }) => {
        const { deliveryStats } = await import("@/lib/outbox/delivery-stats");
        const stats = await deliveryStats();
        print(stats, (d) =>
          rows(
            d.kinds.map((k) => [
              k.kind,
              ...Object.entries(k.states).map(([state, n]) => `${state} ${n}`),
              `oldest pending ${k.oldestPendingAt ?? "none"}`,
              `circuit ${k.circuit}${k.circuitError ? ` (${k.circuitError})` : ""}`,
            ]),
          ),
        );
      },
    },
    replay: {
      summary: "Replays dead letters created since a time: each gets a fresh cycle of attempts.",
      usage: "--since <time> [--kind scan_status|order_status] [--state dead|failed] [--json]",
      details: `Options:
  --since <time>   2026-12-01T10:00:00Z, 2026-12-01, or a span back from now: 90m, 6h, 7d
  --kind <kind>    only scan_status or only order_status pushes
  --state <state>  dead (retries exhausted; the default) or failed (refused by IMSHOP with 400/404)
At most 1000 per run (run again while it says "more"). A delivery whose entity has a newer status is
skipped: replaying it would send an older status after a newer one. One audit entry records the run.`,
      options: { since: { type: "string" }, kind: { type: "string" }, state: { type: "string" } },
      run: async ({ values, actor, print }) => {
        const since = parseSince(values.since);
        const kind = values.kind;
        if (kind !== undefined && !(KINDS as readonly unknown[]).includes(kind)) throw new UsageError(`--kind: expected ${KINDS.join(" or ")}`);
        const state = values.state ?? "dead";
        if (state !== "dead" && state !== "failed") throw new UsageError("--state: expected dead or failed");
        const { replayDeadDeliveries } = await import("@/lib/outbox/replay-deliveries");
        const result = await replayDeadDeliveries({ filter: { since, state, ...(kind ? { kind: kind as (typeof KINDS)[number] } : {}) }, actor });
        print({ since: since.toISOString(), kind: kind ?? null, state, ...result }, (d) =>
          `replayed ${d.replayed}, skipped ${d.skipped} (newer status exists)${d.more ? "; more remain: run again" : ""}\n`,
        );
      },
    },
  },
};
