import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DeliveryKind } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { sendImshopPush } from "@/lib/imshop/client";
import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";
import { pushUrlFor } from "@/lib/outbox/start-attempt";

export type TestRequestResult = {
  url: string;
  requestBody: unknown;
  status: number | null;
  body: string | null;
  latencyMs: number;
  error: string | null;
};

/**
 * Sends one push-shaped request with the saved URL and key, outside the outbox (nothing is queued
 * or retried), and returns IMSHOP's answer as is. IMSHOP will usually answer 404 (no such scan or
 * order): that still proves the URL and the key, which a 401/403 would not.
 */
export async function sendTestRequest({ kind, actor }: { kind: DeliveryKind; actor: Actor }): Promise<TestRequestResult> {
  const settings = await ensureImshopSettings();
  const url = pushUrlFor(settings, kind);
  if (!url) {
    const field = kind === "scan_status" ? "scanStatusUrl" : "orderStatusUrl";
    throw new AppError("validation", "The push URL is not set", { fields: { [field]: "Set the URL first" }, fieldMessages: { [field]: { key: "urlFirst" } } });
  }
  let key: string | null = null;
  if (settings.outboundKeyEncrypted) {
    try {
      key = decryptSecret(settings.outboundKeyEncrypted);
    } catch {
      throw new AppError("validation", "The stored outbound key cannot be decrypted; enter it again", { fields: { outboundKey: "Enter the key again" } });
    }
  }
  const now = Math.floor(Date.now() / 1000);
  const requestBody =
    kind === "scan_status"
      ? { id: `test-${now}`, userId: "test", code: "TEST", timestamp: now, status: "processing", statusMessage: "imshop-connect test request" }
      : { id: `test-${now}`, code: "test", message: "imshop-connect test request" };
  const res = await sendImshopPush({ url, body: requestBody, key, header: settings.outboundKeyHeader, timeoutMs: settings.timeoutMs });
  await recordAudit({
    actor,
    action: "imshop.test_request",
    entityType: "imshop_settings",
    entityId: "1",
    after: { kind, url, status: res.status, error: res.error, latencyMs: res.latencyMs },
  });
  return { url, requestBody, status: res.status, body: res.body, latencyMs: res.latencyMs, error: res.error };
}
