import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv, toCsvLine } from "@/lib/loyalty/csv";

describe("csv", () => {
  it("parses quoted fields, doubled quotes and both line endings", () => {
    const text = 'phone,name\r\n79201234567,"Иванов, Иван"\n79201234568,"say ""hi"""\n\n';
    expect(parseCsv(text)).toEqual([
      ["phone", "name"],
      ["79201234567", "Иванов, Иван"],
      ["79201234568", 'say "hi"'],
    ]);
  });

  it("keeps line breaks inside quotes and empty fields", () => {
    expect(parseCsv('a;b;c\n"x\ny";;z')).toEqual([
      ["a", "b", "c"],
      ["x\ny", "", "z"],
    ]);
  });

  it("detects the delimiter from the header and drops a BOM", () => {
    expect(detectDelimiter("phone;name;email\n1,2;3")).toBe(";");
    expect(detectDelimiter("phone,name\n")).toBe(",");
    expect(parseCsv("\uFEFFphone;name\n7920;Ann")).toEqual([
      ["phone", "name"],
      ["7920", "Ann"],
    ]);
  });

  it("writes lines that parse back to the same values", () => {
    const values = ["Иван; Петров", 'He said "no"', "multi\nline", "plain", 42, null];
    const line = toCsvLine(values);
    expect(parseCsv(line, ";")[0]).toEqual(["Иван; Петров", 'He said "no"', "multi\nline", "plain", "42", ""]);
  });

  it("defuses spreadsheet formulas", () => {
    expect(toCsvLine(["=HYPERLINK(\"x\")", "+7920", "@cmd"])).toBe(`"'=HYPERLINK(""x"")";'+7920;'@cmd`);
  });
});
