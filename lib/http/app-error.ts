// One error class for every layer; the code decides the HTTP status (see error-status.ts).
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** A message of the `validation` catalogue, for texts staff see in the dashboard. */
export type MessageRef = { key: string; values?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field name → message, for errors a caller can fix field by field. */
  readonly fields?: Record<string, string>;
  /** The same field errors as catalogue messages: the dashboard shows these, the API the English `fields`. */
  readonly fieldMessages?: Record<string, MessageRef>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: Record<string, string>; fieldMessages?: Record<string, MessageRef>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.fieldMessages = opts.fieldMessages;
    this.headers = opts.headers;
  }
}

/**
 * A business rule refused one field: the loyalty API answers these as `{field: message}` with 422; with
 * `messageKey` (a key of the `validation` catalogue) the dashboard shows it in the staff's language.
 */
export function fieldError(field: string, message: string, messageKey?: MessageRef): AppError {
  return new AppError("unprocessable", message, { fields: { [field]: message }, fieldMessages: messageKey && { [field]: messageKey } });
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
