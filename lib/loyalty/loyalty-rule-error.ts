import { AppError, type ErrorCode } from "@/lib/http/app-error";

// Refusals the dashboard explains in the user's language: the key picks messages/<locale>/loyalty.json → errors.<key>.
const RULES = {
  phoneTaken: { code: "conflict", field: "phone", message: "Another client has this phone" },
  cardNumberTaken: { code: "conflict", field: "cardNumber", message: "Another client has this card number" },
  appCodeTaken: { code: "conflict", field: "appCode", message: "Another client has this app code" },
  phoneInvalid: { code: "validation", field: "phone", message: "Not a Russian phone number" },
  levelNotFound: { code: "unprocessable", field: "levelId", message: "Level not found" },
  levelInUse: { code: "conflict", field: "form", message: "Clients are on this level: move them to another level first" },
  defaultLevelRequired: { code: "unprocessable", field: "isDefault", message: "One level must stay the default: make another level the default instead" },
  pointNotFound: { code: "not_found", field: "form", message: "Point not found" },
  clientNotFound: { code: "not_found", field: "form", message: "Client not found" },
  operationNotFound: { code: "not_found", field: "form", message: "Operation not found" },
  alreadyRefunded: { code: "conflict", field: "form", message: "This operation has already been refunded" },
  refundTooMuch: { code: "unprocessable", field: "form", message: "The client has already used these points: only {available} can be taken back" },
  importEmpty: { code: "validation", field: "file", message: "The file has no rows" },
  importNoIdentifier: { code: "validation", field: "file", message: "The file needs a phone, card_number or app_code column" },
  importTooLarge: { code: "payload_too_large", field: "file", message: "At most {max} rows per file" },
  deductTooMuch: { code: "unprocessable", field: "amount", message: "Only {available} points can be deducted now" },
} as const satisfies Record<string, { code: ErrorCode; field: string; message: string }>;

export type LoyaltyRuleKey = keyof typeof RULES;

/** An AppError with a stable key and values, so the dashboard can say it in the user's language. */
export class LoyaltyRuleError extends AppError {
  readonly key: LoyaltyRuleKey;
  readonly values: Record<string, string | number>;

  constructor(key: LoyaltyRuleKey, values: Record<string, string | number> = {}) {
    const rule = RULES[key];
    const message = rule.message.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ""));
    super(rule.code, message, { fields: { [rule.field]: message } });
    this.key = key;
    this.values = values;
  }

  get field(): string {
    return RULES[this.key].field;
  }
}
