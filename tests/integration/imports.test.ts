import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { exportClients } from "@/lib/loyalty/export-clients";
import { createImport } from "@/lib/imports/create-import";
import { reverseImport } from "@/lib/imports/reverse-import";
import { failImport, runImport } from "@/lib/imports/run-import";
import { errorReport, importNow, importsKey, status, storedCounts, upload } from "@/tests/helpers/imports-kit";
import { freshPhone, ledgerSum, makeApiKey, makeLevel, uid } from "@/tests/helpers/loyalty-kit";

let key: string;
beforeAll(async () => {
  key = await importsKey();
});

const actor = { id: null, label: "imports-test" };
const clientByPhone = (phone: string) => prisma.loyaltyClient.findUnique({ where: { phone } });

describe("clients import (background job)", () => {
  it("imports valid rows with opening balances as ledger entries of the import, and reports the others", async () => {
    const level = await makeLevel({ title: uid("Gold") });
    const [p1, p2, p3] = [freshPhone(), freshPhone(), freshPhone()];
    const card = uid("CARD");
    // ";" with a BOM and quotes, as Russian Excel writes it; the name holds the separator.
    const file =
      "\uFEFFphone;name;email;birthday;card_number;level;balance\r\n" +
      `+7 ${p1.slice(1, 4)} ${p1.slice(4)};"Иванов; Иван";ivan@example.com;29.03.1990;${card};${level.title};150\r\n` +
      `${p2};Пётр;not-an-email;;;;\r\n` +
      `${p3};"Анна ""А""";;;;;0\r\n` +
      `12345;Bad phone;;;;;\r\n` +
      `${freshPhone()};Bad level;;;;No such level;\r\n`;
    const done = await importNow(key, "clients", file);
    expect(done).toMatchObject({ state: "done", total: 5, processed: 5, created: 2, updated: 0, failed: 3 });
    expect(done.rowsPerSecond).toBeGreaterThan(0);

    const ivan = await clientByPhone(p1);
    expect(ivan).toMatchObject({ name: "Иванов; Иван", email: "ivan@example.com", cardNumber: card, levelId: level.id });
    expect(ivan!.birthday!.toISOString().slice(0, 10)).toBe("1990-03-29");
    expect(await ledgerSum(ivan!.id)).toBe(150);
    expect(await prisma.ledgerEntry.findMany({ where: { clientId: ivan!.id } })).toEqual([expect.objectContaining({ importId: done.id, kind: "adjustment", amount: 150 })]);
    expect((await clientByPhone(p3))?.name).toBe('Анна "А"');
    expect(await clientByPhone(p2)).toBeNull();

    const ru = await errorReport(key, done.id, "ru");
    expect(ru.status).toBe(200);
    expect(ru.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parse(ru.text, { delimiter: ";", bom: true }) as string[][];
    expect(rows).toEqual([
      ["Строка", "Колонка", "Причина"],
      ["3", "email", "Не адрес электронной почты"],
      ["5", "phone", "Не российский номер телефона"],
      ["6", "level", "Нет такого уровня"],
    ]);
    const en = parse((await errorReport(key, done.id, "en-GB,en;q=0.9")).text, { delimiter: ";", bom: true }) as string[][];
    expect(en[0]).toEqual(["Row", "Column", "Reason"]);
    expect(en[1]).toEqual(["3", "email", "Not an e-mail address"]);
  });

  it("recognises a Windows-1251 file and decodes it", async () => {
    const phone = freshPhone();
    const bytes = iconv.encode(`телефон;имя;баланс\r\n${phone};Ёжиков Семён;10\r\n`, "win1251");
    const done = await importNow(key, "clients", bytes);
    expect(done).toMatchObject({ state: "done", created: 1, failed: 0 });
    expect((await clientByPhone(phone))?.name).toBe("Ёжиков Семён");
  });

  it("creates nothing when the same file is imported twice, and an export imported back changes nothing", async () => {
    const phones = Array.from({ length: 30 }, () => freshPhone());
    const file = `phone,name,balance\n${phones.map((p, i) => `${p},Client ${i},${i + 1}`).join("\n")}\n`;
    const first = await importNow(key, "clients", file, "", 7);
    expect(first).toMatchObject({ state: "done", created: 30, updated: 0, failed: 0 });
    const entries = await prisma.ledgerEntry.count();
    const clients = await prisma.loyaltyClient.count();
    const second = await importNow(key, "clients", file, "", 7);
    expect(second).toMatchObject({ state: "done", processed: 30, created: 0, updated: 0, failed: 0 });
    expect(await prisma.ledgerEntry.count()).toBe(entries);
    expect(await prisma.loyaltyClient.count()).toBe(clients);

    const someone = (await clientByPhone(phones[0]))!;
    let exported = "";
    for await (const chunk of exportClients({ q: someone.phone!, actor })) exported += chunk;
    expect(exported.split("\r\n").filter(Boolean)).toHaveLength(2);
    const before = await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: someone.id } });
    const back = await importNow(key, "clients", exported);
    expect(back).toMatchObject({ state: "done", processed: 1, created: 0, updated: 0, failed: 0 });
    expect(await prisma.loyaltyClient.findUniqueOrThrow({ where: { id: someone.id } })).toEqual(before);
  });

  it("updates a known client's filled-in cells and refuses a row naming two different clients", async () => {
    const [a, b] = [freshPhone(), freshPhone()];
    const cardB = uid("CB");
    await importNow(key, "clients", `phone,card_number,name\n${a},,A\n${b},${cardB},B\n`);
    const renamed = await importNow(key, "clients", `phone,card_number,name\n${a},,A renamed\n${b},,\n`);
    expect(renamed).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect((await clientByPhone(a))?.name).toBe("A renamed");
    expect((await clientByPhone(b))?.name).toBe("B");
    const done = await importNow(key, "clients", `phone,card_number,name\n${a},${cardB},Conflict\n`);
    expect(done).toMatchObject({ created: 0, updated: 0, failed: 1 });
    const report = parse((await errorReport(key, done.id, "en")).text, { delimiter: ";", bom: true }) as string[][];
    expect(report[1][2]).toMatch(/different clients/);
  });

  it("refuses an identifier repeated within the file: the first row is imported, the repeat reported", async () => {
    const phone = freshPhone();
    const done = await importNow(key, "clients", `phone;name\n${phone};First\n+7${phone.slice(1)};Again\n`);
    expect(done).toMatchObject({ created: 1, failed: 1 });
    expect((await clientByPhone(phone))?.name).toBe("First");
    const report = parse((await errorReport(key, done.id, "en")).text, { delimiter: ";", bom: true }) as string[][];
    expect(report[1]).toEqual(["3", "phone", "The same identifier appears again in the file"]);
  });

  it("reverses an import's opening balances as a whole, audited, once", async () => {
    const phones = [freshPhone(), freshPhone()];
    const done = await importNow(key, "clients", `phone;balance\n${phones[0]};100\n${phones[1]};40\n`);
    const result = await reverseImport({ id: done.id, actor });
    expect(result).toEqual({ entries: 2, points: 140 });
    for (const p of phones) expect(await ledgerSum((await clientByPhone(p))!.id)).toBe(0);
    const reversals = await prisma.ledgerEntry.findMany({ where: { importId: done.id, kind: "reversal" } });
    expect(reversals).toHaveLength(2);
    expect(await prisma.auditLog.count({ where: { action: "import.reverse", entityId: done.id } })).toBe(1);
    await expect(reverseImport({ id: done.id, actor })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.ledgerEntry.count({ where: { importId: done.id } })).toBe(4);
  });

  it("is marked failed when its job gives up, and a finished import stays as it was", async () => {
    const up = await upload(key, "clients", `phone\n${freshPhone()}\n`);
    await failImport({ importId: up.json.id, failure: "crashed" });
    expect((await status(key, up.json.id)).json).toMatchObject({ state: "failed", failure: "crashed" });
    const done = await importNow(key, "clients", `phone\n${freshPhone()}\n`);
    await failImport({ importId: done.id, failure: "crashed" });
    expect((await status(key, done.id)).json).toMatchObject({ state: "done", failure: null });
  });

  it("fails as a whole, naming why, when the header has no identifier column", async () => {
    const done = await importNow(key, "clients", "name;email\nAnn;ann@example.com\n");
    expect(done).toMatchObject({ state: "failed", failure: "noIdentifierColumn", created: 0 });
  });
});

describe("storing an upload", () => {
  it("keeps every byte when the request stream reuses one buffer for each read, in 1 MB chunks", async () => {
    const cards = Array.from({ length: 40_000 }, (_, i) => `${uid("RB")}-${i}`);
    const bytes = Buffer.from(`card_number;name\n${cards.map((c) => `${c};Имя`).join("\n")}\n`);
    const shared = new Uint8Array(4096);
    async function* reused() {
      for (let at = 0; at < bytes.length; at += shared.length) {
        const n = bytes.copy(shared, 0, at, at + shared.length);
        yield shared.subarray(0, n);
      }
    }
    const { id } = await createImport({ kind: "clients", body: reused(), actor });
    const job = await prisma.import.findUniqueOrThrow({ where: { id } });
    expect(Number(job.bytes)).toBe(bytes.length);
    expect(job.lines).toBe(40_001);
    expect(await prisma.importChunk.count({ where: { importId: id } })).toBe(Math.ceil(bytes.length / (1024 * 1024)));
    await runImport({ importId: id });
    expect(await prisma.import.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "done", total: 40_000, created: 40_000, failed: 0 });
  });
});

describe("POST /api/imports/{kind}: bad input gets a 4xx naming the problem, and nothing is stored", () => {
  it("refuses an unknown kind, an empty or unreadable body, another content type, a missing or unknown target, a wrong scope", async () => {
    const before = await storedCounts();
    const unknown = await upload(key, "cars", "a\n1\n");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/Unknown import kind "cars"/);
    const empty = await upload(key, "clients", "");
    expect(empty.status).toBe(422);
    expect(empty.json.error.fields).toHaveProperty("body");
    const blank = await upload(key, "clients", "\uFEFF\r\n\r\n");
    expect(blank.status).toBe(422);
    // A spreadsheet's zip (xlsx) or UTF-16 text: not CSV text.
    const binary = await upload(key, "clients", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]));
    expect(binary.status).toBe(415);
    expect(binary.json.error.message).toMatch(/not readable CSV/);
    const json = await upload(key, "clients", "phone\n79990000000\n", "", { "content-type": "application/json" });
    expect(json.status).toBe(415);
    const noTarget = await upload(key, "offer-codes", "code\nA1\n");
    expect(noTarget.status).toBe(422);
    expect(noTarget.json.error.fields).toHaveProperty("target");
    const badTarget = await upload(key, "campaign-gtins", "4601234567893\n", "?target=nope");
    expect(badTarget.status).toBe(404);
    const loyaltyKey = (await makeApiKey({ scopes: ["loyalty"] })).value;
    const wrongScope = await upload(loyaltyKey, "clients", "phone\n79990000000\n");
    expect(wrongScope.status).toBe(401);
    expect((await status(loyaltyKey, "anything")).status).toBe(401);
    expect(await storedCounts()).toEqual(before);
  });

  it("answers 404 for an unknown import id", async () => {
    expect((await status(key, "no-such-import")).status).toBe(404);
    expect((await errorReport(key, "no-such-import")).status).toBe(404);
  });
});
