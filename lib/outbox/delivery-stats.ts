import { prisma } from "@/lib/db";
import { DELIVERY_KINDS, DELIVERY_STATES } from "@/lib/outbox/outbox.schema";

export type DeliveryStats = {
  kinds: {
    kind: (typeof DELIVERY_KINDS)[number];
    states: Record<(typeof DELIVERY_STATES)[number], number>;
    oldestPendingAt: string | null;
    circuit: string;
    circuitError: string | null;
  }[];
};

/** The outbox at a glance for operators (`npm run portal -- deliveries stats`): counts by state, backlog age, breakers. */
export async function deliveryStats(): Promise<DeliveryStats> {
  const [groups, oldest, circuits] = await Promise.all([
    prisma.delivery.groupBy({ by: ["kind", "state"], _count: { _all: true } }),
    prisma.delivery.groupBy({ by: ["kind"], where: { state: "pending" }, _min: { createdAt: true } }),
    prisma.circuit.findMany({ select: { kind: true, mode: true, lastError: true, configAlert: true } }),
  ]);
  return {
    kinds: DELIVERY_KINDS.map((kind) => {
      const states = Object.fromEntries(
        DELIVERY_STATES.map((state) => [state, groups.find((g) => g.kind === kind && g.state === state)?._count._all ?? 0]),
      ) as DeliveryStats["kinds"][number]["states"];
      const circuit = circuits.find((c) => c.kind === kind);
      return {
        kind,
        states,
        oldestPendingAt: oldest.find((o) => o.kind === kind)?._min.createdAt?.toISOString() ?? null,
        circuit: circuit?.mode ?? "closed",
        circuitError: circuit?.configAlert ?? circuit?.lastError ?? null,
      };
    }),
  };
}
