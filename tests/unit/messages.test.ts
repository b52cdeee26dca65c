import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "@/i18n/locales";
import { catalogueProblems, flattenMessages, icuArguments } from "@/tests/helpers/message-parity";

// A key present in one language only shows the raw key (or throws) for users of the other; an ICU argument
// renamed in one language only fails at render time. Both are caught here, before a page shows them.
const dir = path.join(process.cwd(), "messages");
const load = (locale: string, ns: string): unknown => JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), "utf8"));

describe("message catalogues", () => {
  it("has one file per namespace in every language, and no file outside the namespace list", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: ru and en have the same keys and the same ICU arguments`, () => {
      expect(catalogueProblems(load("ru", ns), load("en", ns))).toEqual([]);
    });
  }

  it("uses one word for points (бонусы) and one for pushes (отправки) in Russian", () => {
    for (const ns of NAMESPACES) {
      for (const [key, text] of flattenMessages(load("ru", ns))) {
        expect(text, `${ns}.${key}`).not.toMatch(/балл/i);
        expect(text, `${ns}.${key}`).not.toMatch(/достав(к|ок)/i);
      }
    }
  });
});

describe("catalogue parity check", () => {
  it("reports a key missing in either language", () => {
    expect(catalogueProblems({ a: "x", b: { c: "y" } }, { a: "x" })).toEqual(["b.c: missing in en"]);
    expect(catalogueProblems({ a: "x" }, { a: "x", d: "z" })).toEqual(["d: missing in ru"]);
  });

  it("reports an ICU argument renamed or dropped in one language, inside plurals too", () => {
    expect(catalogueProblems({ a: "{count, plural, one {# бонус} other {# бонусов}}" }, { a: "{n, plural, one {# point} other {# points}}" })).toEqual([
      "a: ICU arguments differ (ru: count, en: n)",
    ]);
    expect(catalogueProblems({ a: "{who} — {when}" }, { a: "{who}" })).toEqual(["a: ICU arguments differ (ru: when, who, en: who)"]);
  });

  it("reports a message that does not parse", () => {
    expect(catalogueProblems({ a: "{count, plural, one {x}" }, { a: "{count}" })[0]).toMatch(/^a: ru does not parse/);
  });

  it("finds arguments nested in plural and select branches", () => {
    expect(icuArguments("{count, plural, one {# из {total}} other {{kind, select, a {A} other {B}}}}")).toEqual(["count", "kind", "total"]);
  });
});
