import { z } from "zod";
import { normalizePhone } from "@/lib/loyalty/phone";

// Column names a file may use (export's names first), matched without case, spaces or underscores.
const COLUMNS = {
  phone: ["phone", "телефон"],
  name: ["name", "имя", "фио"],
  email: ["email", "e-mail", "почта"],
  birthday: ["birthday", "датарождения", "деньрождения"],
  cardNumber: ["cardnumber", "card", "карта", "номеркарты"],
  appCode: ["appcode", "code", "кодприложения"],
  level: ["level", "уровень"],
  balance: ["balance", "баланс"],
} as const;

type Column = keyof typeof COLUMNS;

export type ImportProblem =
  | "phoneInvalid"
  | "emailInvalid"
  | "birthdayInvalid"
  | "levelUnknown"
  | "balanceInvalid"
  | "noIdentifier"
  | "duplicateInFile"
  | "tooLong"
  | "conflict";

export type ImportRow = {
  line: number;
  phone?: string;
  name?: string;
  email?: string;
  birthday?: Date;
  cardNumber?: string;
  appCode?: string;
  levelId?: string;
  balance?: number;
};

type RowError = { line: number; column: string; problem: ImportProblem };

// Built once: a schema made per row would cost more than the rest of the row's checks.
const emailSchema = z.email();

const squash = (s: string) => s.trim().toLowerCase().replace(/[\s_]/g, "");

/** Which file column holds which field; unknown columns (an exported id, created_at…) are ignored. */
export function mapHeader(header: string[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  header.forEach((name, index) => {
    const key = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(squash(name)));
    if (key && map[key] === undefined) map[key] = index;
  });
  return map;
}

export type ClientColumns = Partial<Record<Column, number>>;

/** True when the header names at least one column a client can be matched by. */
export const hasIdentifierColumn = (columns: ClientColumns) =>
  columns.phone !== undefined || columns.cardNumber !== undefined || columns.appCode !== undefined;

/**
 * Reads and checks one data row; an empty cell means "not given". Duplicates within the file are the
 * import job's business (lib/imports/clients-handler.ts sees the batch).
 */
export function readClientRow(cells: string[], line: number, columns: ClientColumns, levels: { id: string; title: string }[]) {
  const errors: RowError[] = [];
  const cell = (c: Column) => {
    const index = columns[c];
    const value = index === undefined ? "" : (cells[index] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
    return value === "" ? undefined : value;
  };
  const fail = (column: string, problem: ImportProblem) => errors.push({ line, column, problem });
  const row: ImportRow = { line, name: cell("name"), cardNumber: cell("cardNumber"), appCode: cell("appCode") };
  const phone = cell("phone");
  if (phone) row.phone = normalizePhone(phone) ?? void fail("phone", "phoneInvalid");
  const email = cell("email");
  if (email) row.email = emailSchema.safeParse(email).success ? email : void fail("email", "emailInvalid");
  const birthday = cell("birthday");
  if (birthday) row.birthday = readDate(birthday) ?? void fail("birthday", "birthdayInvalid");
  const level = cell("level");
  if (level) row.levelId = levels.find((l) => l.id === level || squash(l.title) === squash(level))?.id ?? void fail("level", "levelUnknown");
  const balance = cell("balance");
  if (balance) row.balance = /^\d{1,9}$/.test(balance) ? Number(balance) : void fail("balance", "balanceInvalid");
  if ((row.name?.length ?? 0) > 200 || (row.cardNumber?.length ?? 0) > 64 || (row.appCode?.length ?? 0) > 100) fail("name", "tooLong");
  if (!row.phone && !row.cardNumber && !row.appCode && !phone) fail("phone", "noIdentifier");
  return { row, errors };
}

/** YYYY-MM-DD or the Russian DD.MM.YYYY, as a UTC date; nonsense such as 31.02 is refused. */
export function readDate(text: string): Date | undefined {
  const m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? text.match(/^(\d{2})\.(\d{2})\.(\d{4})$/);
  if (!m) return undefined;
  const [y, mo, d] = text.includes(".") ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return undefined;
  if (date.getTime() > Date.now() || Number(y) < 1900) return undefined;
  return date;
}
