import { inTransaction, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import { AppError, type MessageRef } from "@/lib/http/app-error";
import { zodFields } from "@/lib/http/zod-fields";
import { ensureImshopSettings, invalidateImshopSettings } from "@/lib/imshop/imshop-settings";
import { imshopSettingsSchema, type ImshopSettingsInput } from "@/lib/imshop/settings.schema";
import type { ImshopSettings } from "@/lib/generated/prisma/client";
import { nudgeDeliverJobs } from "@/lib/outbox/outbox-jobs";
import { pushUrlProblem, pushUrlProblemCode } from "@/lib/imshop/url-guard";

/** What the audit log and the page may show: never a key, only its hint. */
export function publicSettings(s: ImshopSettings) {
  return {
    scanStatusUrl: s.scanStatusUrl,
    orderStatusUrl: s.orderStatusUrl,
    outboundKeyHint: s.outboundKeyHint,
    outboundKeyHeader: s.outboundKeyHeader,
    inboundKeyHint: s.inboundKeyHint,
    inboundKeyPreviousUntil: s.inboundKeyPreviousUntil,
    allowedIps: s.allowedIps,
    timeoutMs: s.timeoutMs,
    maxAttempts: s.maxAttempts,
    backoffBaseMs: s.backoffBaseMs,
    backoffMaxMs: s.backoffMaxMs,
    circuitFailureThreshold: s.circuitFailureThreshold,
    circuitProbeAfterMs: s.circuitProbeAfterMs,
    deliveryLogRetentionDays: s.deliveryLogRetentionDays,
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Field errors for push URLs the SSRF guard refuses (private addresses, http in production). */
function urlProblems(v: { scanStatusUrl: string; orderStatusUrl: string }): AppError | null {
  const fields: Record<string, string> = {};
  const fieldMessages: Record<string, MessageRef> = {};
  for (const name of ["scanStatusUrl", "orderStatusUrl"] as const) {
    const code = v[name] ? pushUrlProblemCode(v[name]) : null;
    if (code) {
      fields[name] = pushUrlProblem(v[name]) ?? code;
      fieldMessages[name] = { key: code };
    }
  }
  return Object.keys(fields).length ? new AppError("validation", "The settings are not valid", { fields, fieldMessages }) : null;
}

/**
 * Saves the IMSHOP connection. When the URLs, key or header change, the configuration alerts are
 * cleared and every waiting push is tried again now, through a probe if a circuit is open.
 */
export async function updateImshopSettings({ actor, input, tx }: { actor: Actor; input: ImshopSettingsInput; tx?: Tx }) {
  const parsed = imshopSettingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "The settings are not valid", { fields: zodFields(parsed.error) });
  const v = parsed.data;
  const urlError = urlProblems(v);
  if (urlError) throw urlError;
  const result = await inTransaction(tx, async (tx) => {
    const before = await ensureImshopSettings(tx);
    const key = v.clearOutboundKey ? null : v.outboundKey || undefined;
    // Sending the stored key to a new host must be a decision of someone who knows the key: otherwise
    // whoever can edit the URL could collect it on a host of their own.
    const hostChanged = hostOf(v.scanStatusUrl) !== hostOf(before.scanStatusUrl) || hostOf(v.orderStatusUrl) !== hostOf(before.orderStatusUrl);
    const newHost = (u: string) => u !== "" && hostOf(u) !== hostOf(before.scanStatusUrl) && hostOf(u) !== hostOf(before.orderStatusUrl);
    if (hostChanged && before.outboundKeyEncrypted && key === undefined && (newHost(v.scanStatusUrl) || newHost(v.orderStatusUrl))) {
      throw new AppError("validation", "The push URL's host changed: enter the outbound key again", {
        fields: { outboundKey: "The push URL's host changed: enter the outbound key again" },
        fieldMessages: { outboundKey: { key: "urlHostChanged" } },
      });
    }
    const updated = await tx.imshopSettings.update({
      where: { id: 1 },
      data: {
        scanStatusUrl: v.scanStatusUrl || null,
        orderStatusUrl: v.orderStatusUrl || null,
        ...(key === null ? { outboundKeyEncrypted: null, outboundKeyHint: null } : {}),
        ...(key ? { outboundKeyEncrypted: encryptSecret(key), outboundKeyHint: secretHint(key) } : {}),
        outboundKeyHeader: v.outboundKeyHeader,
        allowedIps: v.allowedIps,
        timeoutMs: v.timeoutMs,
        maxAttempts: v.maxAttempts,
        backoffBaseMs: v.backoffBaseMs,
        backoffMaxMs: v.backoffMaxMs,
        circuitFailureThreshold: v.circuitFailureThreshold,
        circuitProbeAfterMs: v.circuitProbeAfterMs,
        deliveryLogRetentionDays: v.deliveryLogRetentionDays,
        updatedById: actor.id ?? null,
      },
    });
    const connectionChanged =
      before.scanStatusUrl !== updated.scanStatusUrl ||
      before.orderStatusUrl !== updated.orderStatusUrl ||
      before.outboundKeyEncrypted !== updated.outboundKeyEncrypted ||
      before.outboundKeyHeader !== updated.outboundKeyHeader;
    if (connectionChanged) {
      const now = new Date();
      await tx.circuit.updateMany({ data: { configAlert: null } });
      await tx.circuit.updateMany({ where: { mode: { in: ["open", "half_open"] } }, data: { probeAt: now } });
      await nudgeDeliverJobs(tx, "scan_status");
      await nudgeDeliverJobs(tx, "order_status");
    }
    await recordAudit({
      actor,
      action: "imshop.settings_update",
      entityType: "imshop_settings",
      entityId: "1",
      before: publicSettings(before),
      after: { ...publicSettings(updated), outboundKeyChanged: before.outboundKeyEncrypted !== updated.outboundKeyEncrypted },
      tx,
    });
    return updated;
  });
  invalidateImshopSettings();
  return publicSettings(result);
}
