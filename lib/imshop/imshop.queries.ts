import { ensureImshopSettings } from "@/lib/imshop/imshop-settings";

/** What the settings page shows: every value except the keys, which appear only as hints. */
export type ImshopSettingsView = {
  scanStatusUrl: string;
  orderStatusUrl: string;
  outboundKeyHint: string | null;
  outboundKeyHeader: string;
  inboundKeyHint: string | null;
  inboundKeyPreviousUntil: string | null;
  allowedIps: string;
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  circuitFailureThreshold: number;
  circuitProbeAfterMs: number;
  deliveryLogRetentionDays: number;
  updatedAt: string;
};

export async function getImshopSettingsView(): Promise<ImshopSettingsView> {
  const s = await ensureImshopSettings();
  const previousValid = s.inboundKeyPreviousHash && s.inboundKeyPreviousUntil && s.inboundKeyPreviousUntil > new Date();
  return {
    scanStatusUrl: s.scanStatusUrl ?? "",
    orderStatusUrl: s.orderStatusUrl ?? "",
    outboundKeyHint: s.outboundKeyHint,
    outboundKeyHeader: s.outboundKeyHeader,
    inboundKeyHint: s.inboundKeyHint,
    inboundKeyPreviousUntil: previousValid ? s.inboundKeyPreviousUntil!.toISOString() : null,
    allowedIps: s.allowedIps.join("\n"),
    timeoutMs: s.timeoutMs,
    maxAttempts: s.maxAttempts,
    backoffBaseMs: s.backoffBaseMs,
    backoffMaxMs: s.backoffMaxMs,
    circuitFailureThreshold: s.circuitFailureThreshold,
    circuitProbeAfterMs: s.circuitProbeAfterMs,
    deliveryLogRetentionDays: s.deliveryLogRetentionDays,
    updatedAt: s.updatedAt.toISOString(),
  };
}
