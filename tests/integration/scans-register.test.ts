import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as register } from "@/app/api/imshop/scans/route";
import { scanAnswerSchema } from "@/lib/scans/scans.schema";
import { callRoute } from "@/tests/helpers/call-route";
import {
  GS,
  auth,
  base64,
  freshGtin,
  ledgerFor,
  makeCampaign,
  milkCode,
  phoneUser,
  serial,
  setInboundKey,
  shoeCode,
  uid,
} from "@/tests/helpers/scans-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let ts = 1_700_000_000;
const nextTs = () => ++ts;

async function send(body: Record<string, unknown>) {
  const res = await callRoute(register, { body, headers: auth });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  // The exact wire shape: Latin "success", no extra fields.
  expect(scanAnswerSchema.safeParse(res.json).success, JSON.stringify(res.json)).toBe(true);
  return res.json as { success: boolean; id: string; status: string; alertTitle?: string; alertMessage?: string; statusMessage?: string };
}

beforeAll(async () => {
  await setInboundKey();
});

describe("POST /api/imshop/scans: the seed's example", () => {
  it("answers the example request with a denied text code and stores the attempt", async () => {
    const body = { barcode: "YXNkYXNkIGpha2RzIGxha2RzYWE=", userId: "79991234567", timestamp: 1662660581, data: { customField1: "value1" } };
    const res = await callRoute(register, { body, headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(Object.keys(res.json)).toContain("success");
    expect(res.text).not.toContain("sucсess"); // the seed's Cyrillic typo
    expect(res.json).toEqual({
      success: false,
      id: expect.stringMatching(UUID),
      status: "denied",
      alertTitle: "Ошибка",
      alertMessage: "Не удалось распознать код. Отсканируйте код маркировки «Честный ЗНАК» на упаковке товара",
      statusMessage: "Код не распознан",
    });
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(scan).toMatchObject({
      userId: "79991234567",
      barcode: body.barcode,
      timestamp: 1662660581,
      code: body.barcode, // base64 of plain text stays as sent (contract 1.1)
      codeKind: "text",
      gtin: null,
      status: "denied",
      reason: "unparseable",
      success: false,
      registeredCode: null,
      campaignId: null,
      data: { customField1: "value1" },
      version: 1,
    });
  });
});

describe("POST /api/imshop/scans: decisions", () => {
  it("puts an eligible marking code in processing and stores its decoded parts", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin], bonusPoints: 150 });
    const code = shoeCode(gtin);
    const userId = phoneUser();
    const answer = await send({ barcode: code.text, userId, timestamp: nextTs() });
    expect(answer).toEqual({
      success: true,
      id: expect.stringMatching(UUID),
      status: "processing",
      alertTitle: "Код принят",
      alertMessage: "Код отправлен на проверку. Бонусы будут начислены после проверки",
      statusMessage: "На проверке",
    });
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } });
    expect(scan).toMatchObject({
      barcode: code.text,
      codeKind: "gs1",
      gtin,
      serial: code.serial,
      code: `(01)${gtin}(21)${code.serial}(91)EE06(92)${code.crypto}`,
      registeredCode: `(01)${gtin}(21)${code.serial}`,
      status: "processing",
      reason: "eligible",
      campaignId: campaign.id,
      bonusPoints: 150,
      data: null,
    });
    expect((scan.decoded as { encoding: string }).encoding).toBe("text");
    // Nothing is credited before staff approve.
    expect((await ledgerFor(userId)).entries).toHaveLength(0);
  });

  it("decodes a base64 DataMatrix (GS separators are binary) to the same code", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin] });
    const code = milkCode(gtin);
    const barcode = base64(code.text);
    const answer = await send({ barcode, userId: phoneUser(), timestamp: nextTs() });
    expect(answer.status).toBe("processing");
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } });
    expect(scan).toMatchObject({ barcode, gtin, serial: code.serial, codeKind: "gs1" });
    expect((scan.decoded as { encoding: string }).encoding).toBe("base64");
  });

  it("approves at once and credits points when the campaign auto-approves, creating the loyalty client", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 50, autoApprove: true });
    const userId = phoneUser();
    const answer = await send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() });
    expect(answer).toMatchObject({ success: true, status: "approved", alertTitle: "Бонусы начислены", statusMessage: "Начислено 50 бонусов" });
    expect(answer.alertMessage).toBe("Начислено 50 бонусов за сканирование кода");
    const { client, entries, balance } = await ledgerFor(userId);
    expect(client).not.toBeNull();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "scan_credit", amount: 50, scanId: answer.id });
    expect(balance).toBe(50);
    const stored = await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: client!.id }, include: { level: true } });
    expect(stored.phone).toBe(userId);
    // The level new clients get: the one marked default, else the lowest (other test files may add levels).
    const expectedLevel = await prisma.loyaltyLevel.findFirstOrThrow({ orderBy: [{ isDefault: "desc" }, { sortOrder: "asc" }, { createdAt: "asc" }] });
    expect(stored.levelId).toBe(expectedLevel.id);
  });

  it("credits an existing client found by phone (8… form) and links it to the IMSHOP user", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], bonusPoints: 30, autoApprove: true });
    const phone = phoneUser();
    const level = await prisma.loyaltyLevel.findFirstOrThrow();
    const existing = await prisma.loyaltyClient.create({ data: { phone, name: "Existing", levelId: level.id } });
    const userId = `8${phone.slice(1)}`;
    const answer = await send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() });
    expect(answer.status).toBe("approved");
    const linked = await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: existing.id } });
    expect(linked.imshopUserId).toBe(userId);
    const entries = await prisma.ledgerEntry.findMany({ where: { clientId: existing.id } });
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([["scan_credit", 30]]);
  });

  it("reads a plain EAN-13 of a campaign product", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin] });
    const answer = await send({ barcode: gtin.slice(1), userId: phoneUser(), timestamp: nextTs() });
    expect(answer.status).toBe("processing");
    expect(await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ codeKind: "ean13", gtin });
  });

  it("denies a product that is in no campaign", async () => {
    const answer = await send({ barcode: shoeCode(freshGtin()).text, userId: phoneUser(), timestamp: nextTs() });
    expect(answer).toEqual({
      success: false,
      id: expect.stringMatching(UUID),
      status: "denied",
      alertTitle: "Ошибка",
      alertMessage: "Товар не участвует в бонусной акции",
      statusMessage: "Начисление бонусов по данному коду невозможно",
    });
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } });
    expect(scan).toMatchObject({ reason: "no_campaign", registeredCode: null, campaignId: null, success: false });
  });

  it("denies a code whose campaign has ended, with the 'expired' text, and keeps the campaign link", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({
      gtins: [gtin],
      startsAt: new Date(Date.now() - 20 * 86_400_000),
      endsAt: new Date(Date.now() - 86_400_000),
    });
    const answer = await send({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs() });
    expect(answer).toMatchObject({ success: false, status: "denied", alertMessage: "Срок начисления бонусов по данному коду истек" });
    expect(await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      reason: "expired",
      campaignId: campaign.id,
      registeredCode: null,
    });
  });

  it("denies codes of a switched-off or not yet started campaign", async () => {
    const off = freshGtin();
    const later = freshGtin();
    await makeCampaign({ gtins: [off], active: false });
    await makeCampaign({ gtins: [later], startsAt: new Date(Date.now() + 86_400_000) });
    for (const gtin of [off, later]) {
      const answer = await send({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs() });
      expect(answer).toMatchObject({ status: "denied", alertMessage: "Товар не участвует в бонусной акции" });
      expect((await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } })).reason).toBe("no_campaign");
    }
  });

  it("denies a marking code with a wrong GTIN check digit as unparseable", async () => {
    const gtin = freshGtin();
    const wrong = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
    const answer = await send({ barcode: `01${wrong}21${serial()}${GS}93abcd`, userId: phoneUser(), timestamp: nextTs() });
    expect(answer).toMatchObject({ status: "denied", statusMessage: "Код не распознан" });
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } });
    expect(scan).toMatchObject({ codeKind: "unparseable", reason: "unparseable", gtin: null });
    expect((scan.decoded as { error: string }).error).toMatch(/check digit/);
  });

  it("uses the campaign's own texts over the defaults, and English when the form asks for it", async () => {
    const gtin = freshGtin();
    await makeCampaign({
      gtins: [gtin],
      bonusPoints: 200,
      name: "Весенняя акция",
      texts: {
        processing: { ru: { alertTitle: "Спасибо!", statusMessage: "Проверяем ({campaign})" }, en: { alertTitle: "Thanks!" } },
      },
    });
    const ru = await send({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs() });
    expect(ru).toMatchObject({
      alertTitle: "Спасибо!",
      alertMessage: "Код отправлен на проверку. Бонусы будут начислены после проверки",
      statusMessage: "Проверяем (Весенняя акция)",
    });
    const en = await send({ barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs(), data: { locale: "en" } });
    expect(en).toMatchObject({ alertTitle: "Thanks!", statusMessage: "Under review" });
  });
});

describe("POST /api/imshop/scans: repeats and duplicates", () => {
  it("answers an exact repeat with the stored answer and creates nothing", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], autoApprove: true, bonusPoints: 10 });
    const body = { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs() };
    const first = await send(body);
    const scans = await prisma.scan.count();
    const again = await send(body);
    const third = await send({ ...body, data: { other: true }, key: undefined });
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    expect(await prisma.scan.count()).toBe(scans);
    expect((await ledgerFor(body.userId)).balance).toBe(10);
  });

  it("denies the same code registered again by the same user (new timestamp) and by another user", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin] });
    const code = shoeCode(gtin);
    const userId = phoneUser();
    const first = await send({ barcode: code.text, userId, timestamp: nextTs() });
    expect(first.status).toBe("processing");
    const expected = {
      success: false,
      status: "denied",
      alertTitle: "Код уже зарегистрирован",
      alertMessage: "Этот код уже был зарегистрирован ранее",
      statusMessage: "Код уже зарегистрирован",
    };
    const sameUser = await send({ barcode: code.text, userId, timestamp: nextTs() });
    expect(sameUser).toMatchObject(expected);
    expect(sameUser.id).not.toBe(first.id);
    // Another user, and the same code written another way (base64 of the bytes, ]d2 prefix, brackets).
    for (const barcode of [code.text, base64(code.text), `]d2${code.text}`, `(01)${gtin}(21)${code.serial}(91)EE06(92)${code.crypto}`]) {
      const other = await send({ barcode, userId: phoneUser(), timestamp: nextTs() });
      expect(other, barcode).toMatchObject(expected);
      const stored = await prisma.scan.findUniqueOrThrow({ where: { id: other.id } });
      expect(stored).toMatchObject({ reason: "duplicate", registeredCode: null, status: "denied" });
      expect((stored.decoded as { duplicateOfId: string }).duplicateOfId).toBe(first.id);
    }
  });

  it("lets exactly one of several simultaneous registrations of one code win", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], autoApprove: true, bonusPoints: 5 });
    const code = shoeCode(gtin).text;
    const users = Array.from({ length: 6 }, phoneUser);
    const answers = await Promise.all(users.map((userId) => send({ barcode: code, userId, timestamp: nextTs() })));
    expect(answers.filter((a) => a.status === "approved")).toHaveLength(1);
    expect(answers.filter((a) => a.status === "denied" && a.statusMessage === "Код уже зарегистрирован")).toHaveLength(5);
    expect(await prisma.scan.count({ where: { gtin } })).toBe(6);
    expect(await prisma.ledgerEntry.count({ where: { scanId: { in: answers.map((a) => a.id) } } })).toBe(1);
  });

  it("answers simultaneous exact repeats with one scan", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], autoApprove: true, bonusPoints: 7 });
    const body = { barcode: shoeCode(gtin).text, userId: phoneUser(), timestamp: nextTs() };
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.every((a) => a.status === "approved")).toBe(true);
    expect(await prisma.scan.count({ where: { userId: body.userId } })).toBe(1);
    expect((await ledgerFor(body.userId)).balance).toBe(7);
  });
});

describe("POST /api/imshop/scans: per-user daily limit", () => {
  it("denies scans over the campaign's daily limit; denied scans do not count", async () => {
    const gtin = freshGtin();
    const campaign = await makeCampaign({ gtins: [gtin], perUserDailyLimit: 2 });
    const userId = phoneUser();
    const first = await send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() });
    // A duplicate (denied) does not use up the limit.
    await send({ barcode: (await prisma.scan.findUniqueOrThrow({ where: { id: first.id } })).barcode, userId, timestamp: nextTs() });
    const second = await send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() });
    const third = await send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() });
    expect([first.status, second.status, third.status]).toEqual(["processing", "processing", "denied"]);
    expect(third).toMatchObject({
      success: false,
      alertTitle: "Лимит исчерпан",
      statusMessage: "Превышен дневной лимит сканирований",
    });
    const stored = await prisma.scan.findUniqueOrThrow({ where: { id: third.id } });
    expect(stored).toMatchObject({ reason: "limit", campaignId: campaign.id, registeredCode: null });
    // Another user is not affected, and the limited code stays free to register.
    expect((await send({ barcode: stored.barcode, userId: phoneUser(), timestamp: nextTs() })).status).toBe("processing");
  });

  it("holds the limit under simultaneous scans by one user", async () => {
    const gtin = freshGtin();
    await makeCampaign({ gtins: [gtin], perUserDailyLimit: 3 });
    const userId = phoneUser();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => send({ barcode: shoeCode(gtin).text, userId, timestamp: nextTs() })),
    );
    expect(answers.filter((a) => a.status === "processing")).toHaveLength(3);
  });
});

describe("POST /api/imshop/scans: authentication", () => {
  const body = () => ({ barcode: shoeCode(freshGtin()).text, userId: uid("auth"), timestamp: nextTs() });

  it("rejects a missing or wrong key with 401 and stores nothing", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-key" }, { authorization: "Basic Zm9vOmJhcg==" }]) {
      const b = body();
      const res = await callRoute(register, { body: b, headers });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ success: false, error: { code: "unauthorized" } });
      expect(await prisma.scan.count({ where: { userId: b.userId } })).toBe(0);
    }
    const b = body();
    expect((await callRoute(register, { body: { ...b, key: "wrong" } })).status).toBe(401);
    expect(await prisma.scan.count({ where: { userId: b.userId } })).toBe(0);
  });

  it("accepts the key in the body", async () => {
    const { INBOUND_KEY } = await import("@/tests/helpers/scans-kit");
    const res = await callRoute(register, { body: { ...body(), key: INBOUND_KEY } });
    expect(res.status).toBe(200);
    expect(scanAnswerSchema.safeParse(res.json).success).toBe(true);
  });

  it("answers 401 for a wrong key even when the body is also broken", async () => {
    const res = await callRoute(register, { rawBody: "{not json", headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
  });

  it("closes the endpoint when no key is configured", async () => {
    await setInboundKey(null);
    try {
      const res = await callRoute(register, { body: body(), headers: auth });
      expect(res.status).toBe(401);
    } finally {
      await setInboundKey();
    }
  });
});

describe("POST /api/imshop/scans: bad input", () => {
  it("answers malformed JSON with 400 naming the body", async () => {
    const res = await callRoute(register, { rawBody: '{"barcode": "x", ', headers: auth });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual({ body: "Malformed JSON" });
  });

  it.each([
    ["barcode missing", { userId: "u", timestamp: 1 }, "barcode", "Required"],
    ["barcode a number", { barcode: 4601234567893, userId: "u", timestamp: 1 }, "barcode", "Expected a string (text or base64)"],
    ["barcode empty", { barcode: "", userId: "u", timestamp: 1 }, "barcode", "Must not be empty"],
    ["userId missing", { barcode: "x", timestamp: 1 }, "userId", "Required"],
    ["userId a number", { barcode: "x", userId: 79991234567, timestamp: 1 }, "userId", "Expected a string"],
    ["userId blank", { barcode: "x", userId: "  ", timestamp: 1 }, "userId", "Must not be empty"],
    ["timestamp missing", { barcode: "x", userId: "u" }, "timestamp", "Required"],
    ["timestamp a string", { barcode: "x", userId: "u", timestamp: "1662660581" }, "timestamp", "Expected an integer (Unix seconds)"],
    ["timestamp fractional", { barcode: "x", userId: "u", timestamp: 1662660581.5 }, "timestamp", "Expected an integer (Unix seconds)"],
    ["timestamp in milliseconds", { barcode: "x", userId: "u", timestamp: 1662660581000 }, "timestamp", "Expected Unix seconds, not milliseconds"],
    ["timestamp negative", { barcode: "x", userId: "u", timestamp: -1 }, "timestamp", "Must not be negative"],
    ["data an array", { barcode: "x", userId: "u", timestamp: 1, data: [1] }, "data", "Expected an object"],
    ["data a string", { barcode: "x", userId: "u", timestamp: 1, data: "x" }, "data", "Expected an object"],
  ])("answers 422 when %s", async (_name, body, field, message) => {
    const before = await prisma.scan.count();
    const res = await callRoute(register, { body, headers: auth });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ success: false, error: { code: "validation" } });
    expect(res.json.error.fields[field]).toBe(message);
    expect(await prisma.scan.count()).toBe(before);
  });

  it("answers 422 for a JSON value that is not an object", async () => {
    for (const rawBody of ["[]", "null", '"text"', "42"]) {
      const res = await callRoute(register, { rawBody, headers: auth });
      expect(res.status, rawBody).toBe(422);
    }
  });

  it("answers 413 for a body over 64 KiB", async () => {
    const res = await callRoute(register, {
      body: { barcode: "x", userId: uid("big"), timestamp: 1, data: { blob: "a".repeat(70 * 1024) } },
      headers: auth,
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
  });

  it("ignores unknown fields and accepts data: null", async () => {
    const userId = uid("extra");
    const answer = await send({ barcode: "hello", userId, timestamp: nextTs(), data: null, unknownField: { deep: 1 }, platform: "ios" });
    expect(answer.status).toBe("denied");
    expect(await prisma.scan.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ data: null, code: "hello" });
  });
});
