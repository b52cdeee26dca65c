import { describe, expect, it } from "vitest";
import { csvCell, stripFormulaGuard, toCsvLine } from "@/lib/csv/csv-cell";
import { parseCsv } from "@/lib/loyalty/csv";
import { parseCsvColumn } from "@/lib/offers/parse-csv-column";
import { statusesToCsv } from "@/lib/orders/export-statuses";

describe("csvCell, the one CSV escaper", () => {
  it("guards every formula start, tab and carriage return included", () => {
    for (const text of ["=1+1", "+7", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd"]) expect(csvCell(text, ",").replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("plain", ",")).toBe("plain");
    expect(csvCell('say "hi"', ",")).toBe('"say ""hi"""');
    expect(csvCell("a,b", ",")).toBe('"a,b"');
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("order status export uses it: a tab-led description is guarded", () => {
    const csv = statusesToCsv([
      { code: "\t=HYPERLINK(1)", description: "\r=cmd", buyerText: "ok", imshopStatus: null, cancellable: false, final: false, cancelTargetCode: null },
    ]);
    expect(csv).not.toMatch(/(^|,)"?[\t\r]=/m);
  });

  it("an import reads back what an export wrote", () => {
    const values = ["=1+1", "-5 points", "@home", "plain; text", 'quote "q"'];
    const line = toCsvLine(values, ";");
    expect(parseCsv(`a;b;c;d;e\r\n${line}\r\n`)[1]).toEqual(values);
    expect(stripFormulaGuard("'=x")).toBe("=x");
    expect(stripFormulaGuard("'plain")).toBe("'plain");
    expect(parseCsvColumn(`code\n${csvCell("=PROMO", ",")}\n`, { headers: ["code"], maxLength: 50 }).values.map((v) => v.value)).toEqual(["=PROMO"]);
  });
});
