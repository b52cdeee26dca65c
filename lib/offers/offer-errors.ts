import { AppError, type ErrorCode } from "@/lib/http/app-error";

export type OfferRuleKey =
  | "offerNotFound"
  | "offerExists"
  | "offerNotCurrent"
  | "userNotTargeted"
  | "wrongCode"
  | "noCodeForUser"
  | "codeNotUsersCode"
  | "promocodeNotEncodable"
  | "codesNotEncodable"
  | "notPool"
  | "badLines"
  | "unknownSegments"
  | "segmentNotFound"
  | "segmentExists"
  | "segmentInUse"
  | "nothingImported";

const RULES: Record<OfferRuleKey, { code: ErrorCode; field: string; message: string }> = {
  offerNotFound: { code: "not_found", field: "offerId", message: "Offer not found" },
  offerExists: { code: "conflict", field: "id", message: "An offer with this id already exists" },
  offerNotCurrent: { code: "unprocessable", field: "offerId", message: "The offer is not running now (inactive, not started or expired)" },
  userNotTargeted: { code: "unprocessable", field: "userId", message: "The offer is not targeted at this user" },
  wrongCode: { code: "unprocessable", field: "code", message: "The code is not this offer's promocode" },
  noCodeForUser: { code: "unprocessable", field: "userId", message: "This user has not been given a code from the pool yet" },
  codeNotUsersCode: { code: "unprocessable", field: "code", message: "The code is not the one given to this user" },
  promocodeNotEncodable: { code: "validation", field: "promocode", message: "The promocode cannot be drawn in this barcode type" },
  codesNotEncodable: { code: "validation", field: "csv", message: "Some codes cannot be drawn in this offer's barcode type" },
  notPool: { code: "unprocessable", field: "offerId", message: "The offer uses one shared promocode, not a pool" },
  badLines: { code: "validation", field: "csv", message: "Some lines cannot be imported" },
  unknownSegments: { code: "validation", field: "segmentIds", message: "Unknown segments" },
  segmentNotFound: { code: "not_found", field: "segmentId", message: "Segment not found" },
  segmentExists: { code: "conflict", field: "id", message: "A segment with this id already exists" },
  segmentInUse: { code: "conflict", field: "segmentId", message: "Offers target this segment: remove it from them first" },
  nothingImported: { code: "validation", field: "csv", message: "The file holds no values" },
};

/**
 * A refusal with a stable key (the dashboard shows it in the user's language) and an English message
 * naming the field (what the API answers). `detail` adds the specifics: which segments, which lines.
 */
export class OfferRuleError extends AppError {
  readonly key: OfferRuleKey;
  readonly detail?: string;

  constructor(key: OfferRuleKey, detail?: string) {
    const rule = RULES[key];
    const message = detail ? `${rule.message}: ${detail}` : rule.message;
    super(rule.code, message, { fields: { [rule.field]: message } });
    this.key = key;
    this.detail = detail;
  }
}
