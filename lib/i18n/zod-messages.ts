import type { z } from "zod";
import type { MessageRef } from "@/lib/http/app-error";

// Staff read zod's refusals in the dashboard; the API keeps zod's English for integrators. One table,
// by issue code, turns an issue into a message of the `validation` catalogue, whatever English message a
// schema attached (those stay for the API).

type Issue = z.core.$ZodIssue & { input?: unknown; params?: Record<string, unknown> };

/** Params for a custom issue that names its own catalogue message (see `issueMessage`). */
export const messageParams = (key: string, values?: MessageRef["values"]): { i18n: MessageRef } => ({ i18n: { key, values } });

const FORMATS: Record<string, string> = {
  email: "email",
  url: "url",
  date: "date",
  datetime: "datetime",
  uuid: "uuid",
  guid: "uuid",
};

const isBlank = (v: unknown) => v === undefined || v === null || v === "";
const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/** The catalogue message (a key of `validation`) for one zod issue; parse with `reportInput: true`. */
export function issueMessage(issue: Issue): MessageRef {
  switch (issue.code) {
    case "invalid_type":
      if (isBlank(issue.input)) return { key: "required" };
      if (issue.expected === "int") return { key: "notInteger" };
      if (issue.expected === "number" || issue.expected === "bigint") return { key: "notNumber" };
      if (issue.expected === "boolean") return { key: "notBoolean" };
      return { key: "invalidType" };
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? { key: "required" } : { key: "tooShort", values: { minimum } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooFewItems", values: { minimum } };
      if (issue.origin === "date") return { key: "dateTooEarly" };
      return issue.inclusive === false ? { key: "greaterThan", values: { minimum } } : { key: "atLeast", values: { minimum } };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return { key: "tooLong", values: { maximum } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooManyItems", values: { maximum } };
      if (issue.origin === "date") return { key: "dateTooLate" };
      return issue.inclusive === false ? { key: "lessThan", values: { maximum } } : { key: "atMost", values: { maximum } };
    }
    case "invalid_format":
      if (isBlank(issue.input)) return { key: "required" };
      if (issue.format === "starts_with" && "prefix" in issue) return { key: "startsWith", values: { prefix: String(issue.prefix) } };
      if (issue.format === "ends_with" && "suffix" in issue) return { key: "endsWith", values: { suffix: String(issue.suffix) } };
      return { key: FORMATS[issue.format] ?? "format" };
    case "invalid_value":
      return { key: "oneOf", values: { values: list(issue.values) } };
    case "not_multiple_of":
      return { key: "multipleOf", values: { divisor: Number(issue.divisor) } };
    case "unrecognized_keys":
      return { key: "unknownFields", values: { keys: issue.keys.join(", ") } };
    case "custom": {
      const ref = issue.params?.i18n as MessageRef | undefined;
      return ref && typeof ref.key === "string" ? ref : { key: "invalid" };
    }
    default:
      return { key: "invalid" };
  }
}

type Translate = (key: string, values?: MessageRef["values"]) => string;

/** The issue in the user's language; `t` is the `validation` namespace's translator. */
export const zodIssueText = (issue: Issue, t: Translate): string => {
  const { key, values } = issueMessage(issue);
  return t(key, values);
};
