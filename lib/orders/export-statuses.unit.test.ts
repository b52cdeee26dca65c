import { describe, expect, it } from "vitest";
import { statusesToCsv, statusesToJson, type ExportedStatus } from "@/lib/orders/export-statuses";

const rows: ExportedStatus[] = [
  { code: "new", description: "Новый", buyerText: "Принят", imshopStatus: "new", cancellable: true, final: false, cancelTargetCode: "cancelled" },
  { code: "odd", description: 'Says "hi", then\nleaves', buyerText: "=SUM(A1)", imshopStatus: null, cancellable: false, final: true, cancelTargetCode: null },
];

describe("status export", () => {
  it("writes CSV with a BOM, a header, quoting and formula-safe cells", () => {
    const csv = statusesToCsv(rows);
    expect(csv.startsWith("\uFEFFcode,description,buyerText,imshopStatus,cancellable,final,cancelTargetCode\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe("new,Новый,Принят,new,true,false,cancelled");
    // The shared escaper (lib/csv/csv-cell.ts) guards the formula; the apostrophe alone needs no quotes.
    expect(lines[2]).toBe('odd,"Says ""hi"", then\nleaves",\'=SUM(A1),,false,true,');
    expect(lines[3]).toBe("");
  });

  it("writes JSON with every field", () => {
    expect(JSON.parse(statusesToJson(rows))).toEqual({ statuses: rows });
  });
});
