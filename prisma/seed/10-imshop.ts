import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";

// The IMSHOP connection row (push URLs and keys from IMSHOP_* when set) and one breaker per endpoint.
// Later seed parts that change statuses queue their pushes through the outbox like the app does.
export async function seed(prisma: PrismaClient) {
  await ensureImshopSettings(prisma);
  for (const kind of ["scan_status", "order_status"] as const) {
    await prisma.circuit.upsert({ where: { kind }, update: {}, create: { kind } });
  }
}
