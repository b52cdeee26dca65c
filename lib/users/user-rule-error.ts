import { AppError, type ErrorCode } from "@/lib/http/app-error";
import type { UserRuleKey } from "@/lib/users/users.schema";

const RULES: Record<UserRuleKey, { code: ErrorCode; field: string; message: string }> = {
  emailTaken: { code: "conflict", field: "email", message: "A user with this e-mail already exists" },
  selfDisable: { code: "unprocessable", field: "disabled", message: "You cannot disable your own account" },
  selfDemote: { code: "unprocessable", field: "role", message: "You cannot take the admin role from yourself" },
  lastAdmin: { code: "unprocessable", field: "role", message: "At least one active admin must remain" },
  notFound: { code: "not_found", field: "userId", message: "User not found" },
};

/** An AppError that also carries a stable key, so the dashboard can show it in the user's language. */
export class UserRuleError extends AppError {
  readonly key: UserRuleKey;

  constructor(key: UserRuleKey, field?: string) {
    const rule = RULES[key];
    super(rule.code, rule.message, { fields: { [field ?? rule.field]: rule.message } });
    this.key = key;
  }
}
