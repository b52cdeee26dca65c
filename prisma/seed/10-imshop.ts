import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/crypto/hash-token";
import { secretHint } from "@/lib/crypto/secret-box";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
// Demo only (README): lets a newcomer call the webhooks right after `npm start`. An admin rotates it away.
import { DEMO_WEBHOOK_KEY } from "@/lib/demo/demo-credentials";


// The IMSHOP connection row (push URLs and keys from IMSHOP_* when set) and one breaker per endpoint.
// Later seed parts that change statuses queue their pushes through the outbox like the app does.
export async function seed(prisma: PrismaClient) {
  const settings = await ensureImshopSettings(prisma);
  if (!settings.inboundKeyHash) {
    await prisma.imshopSettings.update({
      where: { id: 1 },
      data: { inboundKeyHash: sha256Hex(DEMO_WEBHOOK_KEY), inboundKeyHint: secretHint(DEMO_WEBHOOK_KEY) },
    });
  }
  for (const kind of ["scan_status", "order_status"] as const) {
    await prisma.circuit.upsert({ where: { kind }, update: {}, create: { kind } });
  }
}
