import { describe, expect, it } from "vitest";
import { hasIdentifierColumn, mapHeader, readClientRow, readDate } from "@/lib/loyalty/import-rows";

const levels = [
  { id: "lvl_base", title: "Базовый" },
  { id: "lvl_gold", title: "Золотой" },
];

/** A whole table through readClientRow, as the import job reads it batch by batch. */
function readImportRows(table: string[][], lv: typeof levels) {
  const columns = mapHeader(table[0]);
  const read = table.slice(1).map((cells, i) => readClientRow(cells, i + 2, columns, lv));
  return { rows: read.map((r) => r.row), errors: read.flatMap((r) => r.errors) };
}

describe("readClientRow", () => {
  it("maps exported and Russian column names, ignoring unknown ones", () => {
    expect(mapHeader(["id", "Phone", "card_number", "Уровень", "created_at"])).toEqual({ phone: 1, cardNumber: 2, level: 3 });
  });

  it("reads a good row with every field", () => {
    const { rows, errors } = readImportRows(
      [
        ["phone", "name", "email", "birthday", "card_number", "app_code", "level", "balance"],
        ["8 920 123-45-67", "Анна", "anna@example.com", "29.03.1990", "CARD-1", "APP-1", "золотой", "150"],
      ],
      levels,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      phone: "79201234567",
      name: "Анна",
      email: "anna@example.com",
      birthday: new Date("1990-03-29T00:00:00Z"),
      cardNumber: "CARD-1",
      appCode: "APP-1",
      levelId: "lvl_gold",
      balance: 150,
    });
  });

  it("reports every bad cell with its line", () => {
    const { errors } = readImportRows(
      [
        ["phone", "email", "birthday", "level", "balance"],
        ["12345", "not-mail", "2020-02-30", "Платиновый", "-5"],
        ["", "", "", "", ""],
      ],
      levels,
    );
    expect(errors).toEqual([
      { line: 2, column: "phone", problem: "phoneInvalid" },
      { line: 2, column: "email", problem: "emailInvalid" },
      { line: 2, column: "birthday", problem: "birthdayInvalid" },
      { line: 2, column: "level", problem: "levelUnknown" },
      { line: 2, column: "balance", problem: "balanceInvalid" },
      { line: 3, column: "phone", problem: "noIdentifier" },
    ]);
  });

  it("knows a header without any identifier column", () => {
    expect(hasIdentifierColumn(mapHeader(["name", "email"]))).toBe(false);
    expect(hasIdentifierColumn(mapHeader(["Телефон", "name"]))).toBe(true);
  });

  it("undoes the formula guard the export adds", () => {
    const { rows } = readImportRows([["card", "name"], ["C1", "'=Ann"]], levels);
    expect(rows[0].name).toBe("=Ann");
  });
});

describe("readDate", () => {
  it("reads ISO and Russian dates and refuses impossible ones", () => {
    expect(readDate("1990-03-29")?.toISOString()).toBe("1990-03-29T00:00:00.000Z");
    expect(readDate("29.03.1990")?.toISOString()).toBe("1990-03-29T00:00:00.000Z");
    expect(readDate("31.02.1990")).toBeUndefined();
    expect(readDate("3/29/1990")).toBeUndefined();
    expect(readDate("2999-01-01")).toBeUndefined();
  });
});
