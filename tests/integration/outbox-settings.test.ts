import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { rotateWebhookKey } from "@/lib/imshop/rotate-webhook-key";
import { sendTestRequest } from "@/lib/imshop/send-test-request";
import { updateImshopSettings } from "@/lib/imshop/update-imshop-settings";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { OUTBOUND_KEY, withOutboxFake } from "@/tests/helpers/outbox-kit";

const fake = withOutboxFake();
const admin = { id: null, label: "admin@test" };

const form = (over: Record<string, unknown> = {}) => ({
  scanStatusUrl: `${fake.url}/scan-status`,
  orderStatusUrl: `${fake.url}/order-status`,
  outboundKey: "",
  clearOutboundKey: false,
  outboundKeyHeader: "Authorization",
  allowedIps: "",
  timeoutMs: 5000,
  maxAttempts: 10,
  backoffBaseMs: 1000,
  backoffMaxMs: 60000,
  circuitFailureThreshold: 5,
  circuitProbeAfterMs: 30000,
  deliveryLogRetentionDays: 14,
  ...over,
});

const settings = () => prisma.imshopSettings.findUniqueOrThrow({ where: { id: 1 } });
const webhookCall = (key: string) =>
  imshopWebhookAuth(new Request("http://localhost/api/imshop/scans", { method: "POST", headers: { authorization: `Bearer ${key}` } }), {});

describe("IMSHOP settings", () => {
  it("saves every field; an empty key field keeps the stored key; a new key is stored encrypted", async () => {
    await updateImshopSettings({ actor: admin, input: form({ allowedIps: "10.0.0.1\n2001:db8::1, 192.168.1.7" }) });
    let s = await settings();
    expect(s).toMatchObject({ timeoutMs: 5000, maxAttempts: 10, deliveryLogRetentionDays: 14, allowedIps: ["10.0.0.1", "2001:db8::1", "192.168.1.7"] });
    expect(decryptSecret(s.outboundKeyEncrypted!)).toBe(OUTBOUND_KEY);

    await updateImshopSettings({ actor: admin, input: form({ outboundKey: "brand-new-secret-9876", outboundKeyHeader: "X-Api-Key" }) });
    s = await settings();
    expect(decryptSecret(s.outboundKeyEncrypted!)).toBe("brand-new-secret-9876");
    expect(s.outboundKeyEncrypted).not.toContain("brand-new");
    expect(s.outboundKeyHint).toBe("••••9876");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "imshop.settings_update" }, orderBy: { id: "desc" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("brand-new-secret");
    expect(audit.after).toMatchObject({ outboundKeyChanged: true, outboundKeyHint: "••••9876" });

    await updateImshopSettings({ actor: admin, input: form({ clearOutboundKey: true }) });
    expect((await settings()).outboundKeyEncrypted).toBeNull();
  });

  it("rejects bad values field by field and changes nothing", async () => {
    const before = await settings();
    const attempt = updateImshopSettings({
      actor: admin,
      input: form({ scanStatusUrl: "ftp://nope", backoffBaseMs: 5000, backoffMaxMs: 10, allowedIps: "10.0.0.1 not-an-ip", outboundKeyHeader: "Bad Header", timeoutMs: "abc" }),
    });
    await expect(attempt).rejects.toMatchObject({ code: "validation" });
    const fields = await attempt.catch((e) => e.fields as Record<string, string>);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["scanStatusUrl", "outboundKeyHeader", "timeoutMs"]));
    expect(Object.keys(fields).some((k) => k.startsWith("allowedIps"))).toBe(true);
    expect((await settings()).updatedAt).toEqual(before.updatedAt);
  });

  it("clears configuration alerts when the connection changes", async () => {
    await prisma.circuit.create({ data: { kind: "scan_status", configAlert: "IMSHOP answered 401" } });
    await updateImshopSettings({ actor: admin, input: form({ outboundKey: "another-key-1234" }) });
    expect((await prisma.circuit.findUniqueOrThrow({ where: { kind: "scan_status" } })).configAlert).toBeNull();
  });

  it("rotates the inbound key: shown once, stored hashed, the old one valid for the chosen period", async () => {
    const first = await rotateWebhookKey({ actor: admin, previousValidHours: 0 });
    expect(first.key).toMatch(/^iwk_/);
    expect(await webhookCall(first.key)).toEqual({ keySlot: "current" });
    const s1 = await settings();
    expect(s1.inboundKeyHash).not.toContain(first.key);

    const second = await rotateWebhookKey({ actor: admin, previousValidHours: 24 });
    expect(await webhookCall(second.key)).toEqual({ keySlot: "current" });
    expect(await webhookCall(first.key)).toEqual({ keySlot: "previous" });
    expect(second.previousValidUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const third = await rotateWebhookKey({ actor: admin, previousValidHours: 0 });
    expect(await webhookCall(third.key)).toEqual({ keySlot: "current" });
    await expect(webhookCall(second.key)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(webhookCall(first.key)).rejects.toMatchObject({ code: "unauthorized" });
    const audit = await prisma.auditLog.findMany({ where: { action: "imshop.webhook_key_rotate" } });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(third.key);
  });

  it("sends a test request with the saved URL and key and shows IMSHOP's answer", async () => {
    fake.respondWith({ status: 404, body: { error: "scan not found" } }, "/scan-status");
    const result = await sendTestRequest({ kind: "scan_status", actor: admin });
    expect(result).toMatchObject({ status: 404, error: null, url: `${fake.url}/scan-status` });
    expect(result.body).toContain("scan not found");
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const req = fake.requests[fake.requests.length - 1];
    expect(req.headers.authorization).toBe(`Bearer ${OUTBOUND_KEY}`);
    // Nothing was queued: a test request is not a delivery.
    expect(await prisma.delivery.count()).toBe(0);

    const order = await sendTestRequest({ kind: "order_status", actor: admin });
    expect(order.status).toBe(200);
    expect(JSON.parse(order.body!)).toMatchObject({ success: true, imshopStatus: "ready_for_pickup" });
  });
});
