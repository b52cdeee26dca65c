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
