import { AppError } from "@/lib/http/app-error";

// Refusals the dashboard translates for staff; the API answers them with their English message.

/** An order in a final status never moves again (contract 2.2). */
export class FinalStatusError extends AppError {
  readonly reason = "final" as const;
  constructor(
    readonly statusCode: string,
    readonly statusLabel: string,
  ) {
    const message = `The order is in the final status "${statusLabel}" (${statusCode}) and its status cannot change`;
    super("conflict", message, { fields: { code: message } });
  }
}

/** Staff pick from the status list; only merchant systems may send codes nobody has described yet. */
export class UnknownStatusError extends AppError {
  readonly reason = "unknown_status" as const;
  constructor(readonly statusCode: string) {
    const message = `Unknown status code "${statusCode}": add it to the status list first`;
    super("validation", message, { fields: { code: message } });
  }
}

export class OrderNotFoundError extends AppError {
  readonly reason = "not_found" as const;
  constructor(field: string, value: string) {
    const message = `Order "${value}" not found`;
    super("not_found", message, { fields: { [field]: message } });
  }
}

export type StatusRuleKey = "codeExists" | "statusNotFound" | "unknownCancelTarget" | "statusInUse" | "statusIsCancelTarget";

/** A refused edit of the status list; `key` and `params` let the dashboard say it in the user's language. */
export class StatusRuleError extends AppError {
  constructor(
    readonly key: StatusRuleKey,
    readonly field: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    const code = key === "statusNotFound" ? "not_found" : key === "unknownCancelTarget" ? "validation" : "conflict";
    super(code, message, { fields: { [field]: message } });
  }
}
