import { describe, expect, it } from "vitest";
import { findUnstorableText, MAX_DEPTH } from "@/lib/http/storable-text";

describe("findUnstorableText", () => {
  it("names the first field whose string holds U+0000 or a lone surrogate", () => {
    expect(findUnstorableText({ userId: "a\u0000b" })?.path).toBe("userId");
    expect(findUnstorableText({ segments: [{ id: "ok" }, { id: "x\u0000" }] })?.path).toBe("segments.1.id");
    expect(findUnstorableText({ userId: "\ud800" })).toEqual({ path: "userId", message: "Must be valid Unicode text" });
    expect(findUnstorableText("\u0000")?.path).toBe("body");
  });

  it("refuses nesting deeper than the limit, naming where it starts to be too deep", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10000; i++) deep = { a: deep };
    const problem = findUnstorableText({ data: deep });
    expect(problem?.path.split(".").length).toBe(MAX_DEPTH);
    expect(problem?.path.startsWith("data.a.a")).toBe(true);
  });

  it("passes ordinary bodies, whatever their shape", () => {
    expect(findUnstorableText({ a: 1, b: [true, null, "text"], c: { d: "ünïcødé 😀" } })).toBeNull();
    expect(findUnstorableText(null)).toBeNull();
  });
});
