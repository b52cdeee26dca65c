// One date format per language for every page (ru: "01.12.2026 19:59", en: "12/01/2026 7:59 PM"), in the
// configured time zone. Intl joins date and time with ", " in Russian; the date and the time are formatted
// apart and joined with a space so the Russian form is the one Russian documents use.

import type { DateTimeFormatOptions } from "next-intl";

/** What both next-intl formatters (`useFormatter`, `getFormatter`) offer. */
type Formatter = { dateTime: (value: Date, options: DateTimeFormatOptions) => string };
type DateValue = Date | string | number;

const DATE: DateTimeFormatOptions = { day: "2-digit", month: "2-digit", year: "numeric" };
const TIME: DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const TIME_SECONDS: DateTimeFormatOptions = { ...TIME, second: "2-digit" };

const toDate = (value: DateValue) => (value instanceof Date ? value : new Date(value));

/** "01.12.2026 19:59"; `seconds` where the order of events within a minute matters (logs, attempts). */
export function formatDateTime(format: Formatter, value: DateValue, opts: { seconds?: boolean } = {}): string {
  const date = toDate(value);
  return `${format.dateTime(date, DATE)} ${format.dateTime(date, opts.seconds ? TIME_SECONDS : TIME)}`;
}

/** "01.12.2026"; `calendarDay` for dates stored as UTC midnight (a birthday), shown as that day everywhere. */
export function formatDate(format: Formatter, value: DateValue, opts: { calendarDay?: boolean } = {}): string {
  return format.dateTime(toDate(value), opts.calendarDay ? { ...DATE, timeZone: "UTC" } : DATE);
}
