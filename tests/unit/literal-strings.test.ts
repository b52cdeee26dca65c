import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule behind "every text a user sees comes from the catalogues" (eslint.config.mjs). These
// cases prove it reports a literal in a component and leaves translated texts and keys alone.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = "i18next/no-literal-string";

async function literalReports(code: string, filePath = "app/(dashboard)/example/example.tsx"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => code.split("\n")[m.line - 1].slice(m.column - 1, m.column + 20));
}

const component = (body: string) =>
  ['import { useTranslations } from "next-intl";', "export function Example({ id }: { id: string }) {", '  const t = useTranslations("common");', `  return (${body});`, "}"].join("\n");

// The first lint loads the whole config (Next, TypeScript and React plugins): seconds on a busy machine.
describe("no literal text in components", { timeout: 60_000 }, () => {
  it("reports English text in markup", async () => {
    expect(await literalReports(component("<p>Set the URL first</p>"))).toHaveLength(1);
  });

  it("reports Russian text in markup too: it would reach English users", async () => {
    expect(await literalReports(component("<p>Сначала укажите URL</p>"))).toHaveLength(1);
  });

  it("reports screen-reader labels, titles and placeholders, template literals included", async () => {
    const reports = await literalReports(
      component('<div><button aria-label="close" /><input placeholder="Phone" /><span title="Details" /><input aria-label={`select ${id}`} /></div>'),
    );
    expect(reports).toHaveLength(4);
  });

  it("reports in shared components as well as pages", async () => {
    expect(await literalReports(component("<p>Hello</p>"), "components/shell/example.tsx")).toHaveLength(1);
  });

  it("accepts catalogue texts, keys passed to functions, technical attributes and text without letters", async () => {
    const reports = await literalReports(
      component('<div className="p-2" data-testid="x"><p>{t("close")}</p><input type="text" aria-label={t("selectRow", { n: 1 })} /><span>{id} · —</span><i>IMSHOP</i></div>'),
    );
    expect(reports).toEqual([]);
  });
});
