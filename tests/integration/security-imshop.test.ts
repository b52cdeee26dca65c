import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { sendImshopPush } from "@/lib/imshop/client";
import { invalidateImshopSettings } from "@/lib/imshop/imshop-settings";
import { updateImshopSettings } from "@/lib/imshop/update-imshop-settings";
import { guardedLookup, isPublicAddress, pushUrlProblem } from "@/lib/imshop/url-guard";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { addressInRanges, clientAddress, markSocketStampInstalled, SOCKET_ADDRESS_HEADER } from "@/lib/http/client-address";
import { setImshopInboundKey } from "@/tests/helpers/imshop-inbound-key";
import { OUTBOUND_KEY, withOutboxFake } from "@/tests/helpers/outbox-kit";
import { getDelivery } from "@/lib/outbox/outbox.queries";

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
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e: { fields?: Record<string, string> }) => e.fields ?? {});

// vitest.config sets IMSHOP_ALLOW_PRIVATE_URLS=true for the fake IMSHOP; these tests turn it off.
const restore = { allow: env.IMSHOP_ALLOW_PRIVATE_URLS, hops: env.TRUSTED_PROXY_HOPS };
afterEach(() => {
  env.IMSHOP_ALLOW_PRIVATE_URLS = restore.allow;
  env.TRUSTED_PROXY_HOPS = restore.hops;
});
beforeAll(() => markSocketStampInstalled());

describe("client address (TRUSTED_PROXY_HOPS)", () => {
  const headers = (xff: string | null, socket = "192.0.2.10") =>
    new Headers({ [SOCKET_ADDRESS_HEADER]: socket, ...(xff ? { "x-forwarded-for": xff } : {}) });

  it("with no trusted proxy, ignores X-Forwarded-For and takes the socket's address", () => {
    expect(clientAddress(headers("10.0.0.1"), 0)).toBe("192.0.2.10");
    expect(clientAddress(headers(null, "::ffff:192.0.2.11"), 0)).toBe("192.0.2.11");
  });

  it("with n trusted proxies, takes the entry n places from the right", () => {
    expect(clientAddress(headers("10.0.0.1, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(headers("10.0.0.1, 198.51.100.7, 172.16.0.2"), 2)).toBe("198.51.100.7");
    // Fewer entries than trusted hops: the request did not come through the proxies.
    expect(clientAddress(headers("198.51.100.7"), 2)).toBeNull();
    expect(clientAddress(headers("not-an-address"), 1)).toBeNull();
  });

  it("matches CIDR ranges and single addresses, IPv4 and IPv6", () => {
    expect(addressInRanges("10.1.2.3", ["10.0.0.0/8"])).toBe(true);
    expect(addressInRanges("11.1.2.3", ["10.0.0.0/8"])).toBe(false);
    expect(addressInRanges("2001:db8::5", ["2001:db8::/32"])).toBe(true);
    expect(addressInRanges("192.0.2.1", ["192.0.2.1"])).toBe(true);
    expect(addressInRanges("192.0.2.1", ["::ffff:192.0.2.0/120"])).toBe(true);
    expect(addressInRanges(null, ["0.0.0.0/0"])).toBe(false);
  });

  it("the webhook allow-list takes CIDR ranges and cannot be passed with a forged X-Forwarded-For", async () => {
    await setImshopInboundKey("allow-list-key");
    await updateImshopSettings({ actor: admin, input: form({ allowedIps: "203.0.113.0/24\n2001:db8::/32" }) });
    const call = (socket: string, xff?: string) =>
      imshopWebhookAuth(
        new Request("http://localhost/api/imshop/scans", {
          method: "POST",
          headers: { authorization: "Bearer allow-list-key", [SOCKET_ADDRESS_HEADER]: socket, ...(xff ? { "x-forwarded-for": xff } : {}) },
        }),
        {},
      );
    env.TRUSTED_PROXY_HOPS = 0;
    await expect(call("203.0.113.9")).resolves.toEqual({ keySlot: "current" });
    await expect(call("2001:db8::9")).resolves.toEqual({ keySlot: "current" });
    // The old code took the first X-Forwarded-For entry, which the caller writes.
    await expect(call("198.51.100.1", "203.0.113.9")).rejects.toMatchObject({ code: "unauthorized" });
    env.TRUSTED_PROXY_HOPS = 1;
    await expect(call("10.0.0.2", "198.51.100.1, 203.0.113.9")).resolves.toEqual({ keySlot: "current" });
    await expect(call("10.0.0.2", "203.0.113.9, 198.51.100.1")).rejects.toMatchObject({ code: "unauthorized" });
    await prisma.imshopSettings.update({ where: { id: 1 }, data: { allowedIps: [] } });
    invalidateImshopSettings();
  });
});

describe("SSRF guard for IMSHOP push URLs", () => {
  it("knows public from loopback, private, link-local, CGNAT, ULA and unspecified addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["8.8.8.8", "93.184.216.34", "2606:4700::1111"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses private hosts and plain http in production unless IMSHOP_ALLOW_PRIVATE_URLS is set", () => {
    const strict = { allowPrivate: false, production: true };
    expect(pushUrlProblem("http://imshop.example/x", strict)).toMatch(/https/);
    expect(pushUrlProblem("https://169.254.169.254/latest/meta-data", strict)).toMatch(/private/);
    expect(pushUrlProblem("https://[::1]/x", strict)).toMatch(/private/);
    expect(pushUrlProblem("https://localhost/x", strict)).toMatch(/private/);
    expect(pushUrlProblem("https://user:pw@imshop.example/x", strict)).toMatch(/user name/);
    expect(pushUrlProblem("https://imshop.example/x", strict)).toBeNull();
    expect(pushUrlProblem("http://127.0.0.1:4010/x", { allowPrivate: true, production: true })).toBeNull();
  });

  it("refuses a name that resolves to a private address at connection time", async () => {
    const lookup = guardedLookup({ allowPrivate: false });
    const err = await new Promise<Error | null>((resolve) => lookup("localhost", { all: true }, (e) => resolve(e)));
    expect(err?.message).toMatch(/loopback, private/);
    const allowed = guardedLookup({ allowPrivate: true });
    const ok = await new Promise<Error | null>((resolve) => allowed("localhost", { all: true }, (e) => resolve(e)));
    expect(ok).toBeNull();
  });

  it("never sends the key to a private address, even with the URL already stored", async () => {
    env.IMSHOP_ALLOW_PRIVATE_URLS = false;
    const before = fake.requests.length;
    const res = await sendImshopPush({ url: `${fake.url}/scan-status`, body: { id: "1" }, key: OUTBOUND_KEY, header: "Authorization", timeoutMs: 2000 });
    expect(res.status).toBeNull();
    expect(res.error).toMatch(/refused/);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses saving a private push URL", async () => {
    env.IMSHOP_ALLOW_PRIVATE_URLS = false;
    const fields = await fieldsOf(updateImshopSettings({ actor: admin, input: form({ scanStatusUrl: "https://169.254.169.254/x", orderStatusUrl: "https://10.0.0.5/y" }) }));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["scanStatusUrl", "orderStatusUrl"]));
  });

  it("a URL on a new host needs the outbound key entered again", async () => {
    const otherHost = fake.url.replace("127.0.0.1", "localhost");
    const fields = await fieldsOf(updateImshopSettings({ actor: admin, input: form({ scanStatusUrl: `${otherHost}/scan-status` }) }));
    expect(fields).toHaveProperty("outboundKey");
    await expect(
      updateImshopSettings({ actor: admin, input: form({ scanStatusUrl: `${otherHost}/scan-status`, outboundKey: "re-entered-key-1234" }) }),
    ).resolves.toMatchObject({ scanStatusUrl: `${otherHost}/scan-status` });
    // The same host with another path does not ask for the key.
    await expect(updateImshopSettings({ actor: admin, input: form({ scanStatusUrl: `${otherHost}/other-path` }) })).resolves.toBeTruthy();
  });

  it("the key travels only in one of a short list of headers", async () => {
    expect(await fieldsOf(updateImshopSettings({ actor: admin, input: form({ outboundKeyHeader: "Cookie" }) }))).toHaveProperty("outboundKeyHeader");
    await expect(updateImshopSettings({ actor: admin, input: form({ outboundKeyHeader: "x-api-key" }) })).resolves.toMatchObject({ outboundKeyHeader: "X-Api-Key" });
  });
});

describe("IMSHOP answers in the delivery log", () => {
  it("are shown to admins only: staff see status codes and errors, not what answered at the URL", async () => {
    const delivery = await prisma.delivery.create({
      data: { kind: "scan_status", entityId: `ssrf-${Date.now()}`, entityVersion: 1, payload: { id: "1" }, response: { secret: "from-the-url" } },
    });
    await prisma.deliveryAttempt.create({
      data: { deliveryId: delivery.id, attemptNo: 1, url: "https://imshop.example/x", requestBody: {}, responseStatus: 200, responseBody: "metadata-token", latencyMs: 5 },
    });
    const staffView = await getDelivery(delivery.id);
    expect(staffView!.response).toBeNull();
    expect(staffView!.attemptLog[0]).toMatchObject({ responseStatus: 200, responseBody: null });
    const adminView = await getDelivery(delivery.id, { withResponses: true });
    expect(adminView!.response).toContain("from-the-url");
    expect(adminView!.attemptLog[0].responseBody).toBe("metadata-token");
  });
});
