import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";

/**
 * Exported for the test that proves the rule catches a literal (tests/unit/literal-strings.test.ts).
 * Checked: JSX text and the attributes users read or hear. Not checked: strings without a letter
 * (punctuation, numbers, "·"), which need no translation.
 */
export const LITERAL_STRING_OPTIONS = {
  mode: "jsx-only",
  "should-validate-template": true,
  "jsx-attributes": { include: ["^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$"] },
  // Arguments of calls are keys, ids and options (t("title"), ui("skipToContent"), field("name")), whatever
  // a translator is named; values in objects are checked where they are texts; strings without a letter
  // and bare URL schemes need no translation.
  callees: { exclude: [".*"] },
  "object-properties": { include: ["^(label|title|placeholder|header|description|message|text|ariaLabel)$"] },
  words: { exclude: ["^[^A-Za-zА-Яа-яЁё]*$", "^https?://$", "^[A-Z][A-Z0-9_-]*$", "^[a-zA-Z]+([.][A-Za-z0-9_]*)+$"] },
  message: "Literal text in a component: put it in messages/{ru,en}/*.json and use t()",
};

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    "lib/generated/**",
    "scripts/prisma-engine/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
  ]),
  {
    rules: {
      // `_`-prefixed names mark deliberately unused arguments (e.g. JSON.stringify replacers).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Every text a user sees comes from the message catalogues: a literal in a component's markup, or in
    // an attribute a screen reader or tooltip reads out, is a text the other language never gets.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next },
    rules: { "i18next/no-literal-string": ["error", LITERAL_STRING_OPTIONS] },
  },
]);

export default eslintConfig;
