import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemActorMessage } from "@/lib/audit/audit-labels";
import { systemLedgerReason } from "@/lib/loyalty/ledger-reason";

const catalogue = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, `${ns}.json`), "utf8"));
const scanId = "7751d7cd-5a35-4bb8-9f43-0d8a3a9e4c10";

describe("texts the system wrote, shown through the catalogue", () => {
  it("names the system's ledger reasons and leaves a person's reason alone", () => {
    expect(systemLedgerReason(`scan ${scanId}`, scanId)).toBe("scanCredit");
    expect(systemLedgerReason(`scan ${scanId} denied`, scanId)).toBe("scanDenied");
    expect(systemLedgerReason("CSV import: opening balance", null)).toBe("importOpeningBalance");
    expect(systemLedgerReason("refund", null)).toBe("refund");
    expect(systemLedgerReason("Подарок на день рождения", null)).toBeNull();
    // Typed by a person about another scan: theirs, not the system's.
    expect(systemLedgerReason(`scan ${scanId}`, "another")).toBeNull();
    expect(systemLedgerReason(null, scanId)).toBeNull();
  });

  it("names the system's audit actors and shows people as they are", () => {
    expect(systemActorMessage("system:ADMIN_EMAIL")).toEqual({ key: "adminEmail" });
    expect(systemActorMessage("IMSHOP: cancelled in the app")).toEqual({ key: "imshopCancel" });
    expect(systemActorMessage("cli:ops")).toEqual({ key: "cli", values: { name: "ops" } });
    expect(systemActorMessage("admin@example.com")).toBeNull();
  });

  it("has every key it names in both languages", () => {
    for (const locale of ["ru", "en"]) {
      const loyalty = catalogue(locale, "loyalty");
      for (const key of ["scanCredit", "scanDenied", "importOpeningBalance", "refund"]) expect(loyalty.ledger.reasons).toHaveProperty([key]);
      const audit = catalogue(locale, "audit");
      for (const label of ["system:ADMIN_EMAIL", "sign-in throttle", "IMSHOP: cancelled in the app", "system:secrets rotate", "system:demo remove", "cli:x"]) {
        expect(audit.actors).toHaveProperty([systemActorMessage(label)!.key]);
      }
    }
  });
});
