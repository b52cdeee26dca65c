// Property-based bad input for every public endpoint (contract 6): whatever arrives — any JSON value,
// a wrong type or hostile value in any field, malformed or oversize text, a wrong key — the answer is
// a 4xx naming the problem or a contract-valid 200, never a 500, and a refused request changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { callRoute } from "@/tests/helpers/call-route";
import { anyJsonBody, badValue, hostileString, malformedText, toJsonText } from "@/tests/reliability/kit/bad-values";
import { changedTables, fingerprint } from "@/tests/reliability/kit/db-fingerprint";
import { errorCode, namedFields, publicEndpoints, type Endpoint } from "@/tests/reliability/kit/endpoints";
import { fcParams, RUNS, timeoutFor } from "@/tests/reliability/kit/runs";

const MAX_BODY = 64 * 1024;
let endpoints: Endpoint[] = [];

beforeAll(async () => {
  endpoints = await publicEndpoints();
});

type Sent = { endpoint: Endpoint; text: string; headers?: Record<string, string> };

/** Sends the text, with the fingerprint of every table before and after. */
async function send({ endpoint, text, headers }: Sent) {
  const before = await fingerprint();
  const res = await callRoute(endpoint.handler, { url: `http://localhost${endpoint.path}`, rawBody: text, headers: headers ?? endpoint.auth });
  const after = await fingerprint();
  const shown = `${endpoint.name} ← ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text}\n→ ${res.status} ${res.text.slice(0, 300)}`;
  return { res, changed: changedTables(before, after), shown };
}

/** The rules every answer obeys: no 5xx; 200 matches the contract; a refusal names a field and changes nothing. */
function expectSound(endpoint: Endpoint, { res, changed, shown }: Awaited<ReturnType<typeof send>>) {
  expect(res.status, `server error for ${shown}`).toBeLessThan(500);
  if (res.status === 200) {
    if (endpoint.answer) expect(endpoint.answer.safeParse(res.json).success, `answer off-contract: ${shown}`).toBe(true);
    return;
  }
  expect(res.status, shown).toBeGreaterThanOrEqual(400);
  expect(namedFields(endpoint, res.json).length, `refusal names no field: ${shown}`).toBeGreaterThan(0);
  expect(changed, `refused request wrote to ${changed.join(", ")}: ${shown}`).toEqual([]);
}

const byteLength = (s: string) => Buffer.byteLength(s, "utf8");
// HTTP servers refuse other bytes in a header before the app sees them.
const headerValue = fc.oneof(hostileString, fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 300 })).filter((k) => /^[\x21-\x7e][\x20-\x7e]*$/.test(k));

describe("bad input on every public endpoint: never a 500, never a partial write", () => {
  it("the catalogue covers every public POST endpoint, and each valid request is accepted", async () => {
    expect(endpoints.map((e) => e.path).sort()).toEqual(
      [
        "/api/imshop/offers",
        "/api/imshop/orders/cancel",
        "/api/imshop/scans",
        "/api/imshop/scans/history",
        "/api/offers/redeem",
        "/api/orders",
        "/api/orders/status",
        "/integration/general/bonuses/hold",
        "/integration/general/bonuses/release",
        "/integration/general/client",
        "/integration/general/recalc",
        "/integration/general/retail",
      ].sort(),
    );
    // Without this the properties below could pass by refusing everything.
    for (const endpoint of endpoints) {
      const sent = await send({ endpoint, text: JSON.stringify(endpoint.valid()) });
      expect(sent.res.status, sent.shown).toBe(200);
      expectSound(endpoint, sent);
    }
  });

  for (const name of ENDPOINT_NAMES()) {
    describe(name, () => {
      const endpoint = () => endpoints.find((e) => e.name === name)!;

      it(`any JSON value as the body (${RUNS} runs)`, { timeout: timeoutFor(150) }, async () => {
        await fc.assert(
          fc.asyncProperty(anyJsonBody, async (body) => {
            expectSound(endpoint(), await send({ endpoint: endpoint(), text: toJsonText(body) }));
          }),
          fcParams(),
        );
      });

      it(`one field missing, mistyped, hostile, huge or deeply nested (${RUNS} runs)`, { timeout: timeoutFor(150) }, async () => {
        const e = endpoint();
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...e.fields), fc.option(badValue, { nil: undefined, freq: 8 }), async (field, value) => {
            const body = { ...e.valid() };
            if (value === undefined) delete body[field];
            else body[field] = value;
            const text = toJsonText(body);
            const sent = await send({ endpoint: e, text });
            expectSound(e, sent);
            if (byteLength(text) > MAX_BODY) expect(sent.res.status, sent.shown).toBe(413);
            // A schema refusal names the very field that was wrong.
            if (e.errorFormat === "default" && errorCode(sent.res.json) === "validation") {
              expect(namedFields(e, sent.res.json).some((f) => f === field || f.startsWith(`${field}.`)), sent.shown).toBe(true);
            }
          }),
          fcParams(),
        );
      });

      it(`malformed, truncated or oversize JSON text (${RUNS} runs)`, { timeout: timeoutFor(150) }, async () => {
        const e = endpoint();
        await fc.assert(
          fc.asyncProperty(malformedText(JSON.stringify(e.valid())), async (text) => {
            const sent = await send({ endpoint: e, text });
            expectSound(e, sent);
            expect([400, 413, 422], sent.shown).toContain(sent.res.status);
            if (byteLength(text) > MAX_BODY) expect(sent.res.status, sent.shown).toBe(413);
          }),
          fcParams(),
        );
      });

      it(`unknown extra fields, whatever they hold, are ignored (${RUNS} runs)`, { timeout: timeoutFor(150) }, async () => {
        const e = endpoint();
        const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !e.fields.includes(k) && k !== "key" && k !== "__proto__");
        await fc.assert(
          fc.asyncProperty(fc.dictionary(extraKey, badValue, { minKeys: 1, maxKeys: 4 }), async (extra) => {
            const text = toJsonText({ ...extra, ...e.valid() });
            const sent = await send({ endpoint: e, text });
            expectSound(e, sent);
            expect(sent.res.status, sent.shown).toBe(byteLength(text) > MAX_BODY ? 413 : 200);
          }),
          fcParams(),
        );
      });

      it(`a missing or wrong key is 401 and changes nothing (${Math.ceil(RUNS / 5)} runs)`, { timeout: timeoutFor(30) }, async () => {
        const e = endpoint();
        await fc.assert(
          fc.asyncProperty(fc.option(headerValue, { nil: null }), async (key) => {
            const sent = await send({ endpoint: e, text: JSON.stringify(e.valid()), headers: e.wrongAuth(key) });
            expect(sent.res.status, sent.shown).toBe(401);
            expect(sent.changed, sent.shown).toEqual([]);
          }),
          fcParams(Math.ceil(RUNS / 5)),
        );
      });
    });
  }

  it(`GET /api/health answers ok whatever headers and query come with it (${RUNS} runs)`, { timeout: timeoutFor(30) }, async () => {
    const header = fc.constantFrom("content-type", "x-forwarded-for", "accept", "authorization", "x-request-id", "cookie");
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(header, fc.string({ unit: "grapheme-ascii", maxLength: 200 })),
        fc.string({ unit: "grapheme-ascii", maxLength: 100 }),
        async (headers, query) => {
          const res = await callRoute(healthRoute as never, { method: "GET", url: `http://localhost/api/health?${encodeURIComponent(query)}`, headers });
          expect(res.status).toBe(200);
          expect(res.json).toMatchObject({ status: "ok", database: "ok" });
        },
      ),
      fcParams(),
    );
  });
});

// The describe blocks are declared before beforeAll builds the fixtures, so they are named up front.
function ENDPOINT_NAMES() {
  return [
    "IMSHOP scans",
    "IMSHOP scans/history",
    "IMSHOP offers",
    "IMSHOP orders/cancel",
    "loyalty client",
    "loyalty recalc",
    "loyalty bonuses/hold",
    "loyalty bonuses/release",
    "loyalty retail",
    "merchant orders",
    "merchant orders/status",
    "merchant offers/redeem",
  ];
}
