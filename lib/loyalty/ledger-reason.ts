// The ledger keeps the reason the system wrote (English, for the API and old rows alike); staff see
// those fixed reasons through the catalogue (`loyalty.ledger.reasons.*`). A reason a person typed, for
// a manual adjustment or a refund, is theirs and is shown as written.

export type SystemLedgerReason = "scanCredit" | "scanDenied" | "importOpeningBalance" | "refund";

/** The catalogue key for a reason the system wrote, or null for one a person typed. */
export function systemLedgerReason(reason: string | null, scanId: string | null): SystemLedgerReason | null {
  if (reason === null) return null;
  if (scanId && reason === `scan ${scanId}`) return "scanCredit";
  if (scanId && reason === `scan ${scanId} denied`) return "scanDenied";
  if (reason === "CSV import: opening balance") return "importOpeningBalance";
  if (reason === "refund") return "refund";
  return null;
}
