import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The audit page names each action from the catalogue and falls back to the raw code: this keeps a
// new action from reaching staff as "order_status.dismiss_unmapped".
const root = process.cwd();
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "generated" ? [] : sources(path.join(dir, e.name))) : e.name.endsWith(".ts") && !e.name.includes(".test.") ? [path.join(dir, e.name)] : [],
  );

/** Every action code written to the audit log: `action: "a.b"` (ternaries included) and auditSignIn("a.b"). */
function writtenActions(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...sources("lib"), ...sources("worker"), ...sources("scripts")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/recordAudit|auditSignIn/.test(text)) continue;
    for (const [, expr] of text.matchAll(/\baction: ([^,}\n]+)/g)) for (const [, code] of expr.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) codes.add(code);
    for (const [, code] of text.matchAll(/auditSignIn\("([a-z_.]+)"/g)) codes.add(code);
  }
  return codes;
}

/** Every entity type written to the audit log (`entityType: "Scan"`). */
function writtenEntityTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of [...sources("lib"), ...sources("worker"), ...sources("scripts")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/recordAudit|auditSignIn/.test(text)) continue;
    for (const [, type] of text.matchAll(/\bentityType: "([A-Za-z_]+)"/g)) types.add(type);
  }
  return types;
}

const lookup = (messages: unknown, dotted: string): unknown =>
  dotted.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), messages);

describe("audit action and entity names", () => {
  it("finds the actions the code writes", () => {
    const codes = writtenActions();
    expect(codes.size).toBeGreaterThan(40);
    expect(codes).toContain("scan.approve");
    expect(codes).toContain("outbox.circuit_pause");
  });

  for (const locale of ["ru", "en"]) {
    it(`names every written action and entity type in ${locale}`, () => {
      const audit = JSON.parse(readFileSync(path.join(root, "messages", locale, "audit.json"), "utf8"));
      const missing = [...writtenActions()].filter((code) => typeof lookup(audit.actions, code) !== "string");
      expect(missing).toEqual([]);
      const types = writtenEntityTypes();
      expect(types.size).toBeGreaterThan(10);
      expect([...types].filter((type) => typeof audit.entities[type] !== "string")).toEqual([]);
    });
  }
});
