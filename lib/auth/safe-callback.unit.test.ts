import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK, safeCallback, signInUrlFor } from "@/lib/auth/safe-callback";

describe("safeCallback", () => {
  it.each([
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["/\r/evil.com"],
    ["/\t\n\r/evil.com"],
    ["//evil.com"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["/\\/evil.com"],
    ["https://evil.com/scans"],
    ["http://evil.com"],
    ["javascript:alert(1)"],
    ["evil.com"],
    [" /scans"],
    ["/%09/evil.com".replace("%09", "\t")],
    ["/sign-in?callbackUrl=//evil.com"],
  ])("refuses %j", (value) => {
    expect(safeCallback(value)).toBe(DEFAULT_CALLBACK);
  });

  it("keeps a same-origin path with its query and hash", () => {
    expect(safeCallback("/loyalty/clients?q=ivan&page=2#top")).toBe("/loyalty/clients?q=ivan&page=2#top");
    expect(safeCallback(["/users", "//evil.com"])).toBe("/users");
    expect(safeCallback(undefined)).toBe(DEFAULT_CALLBACK);
  });

  it("never yields something a browser reads as another host", () => {
    for (const value of ["/\t/evil.com", "/./\\evil.com", "/..//evil.com", "/%2F/evil.com"]) {
      const out = safeCallback(value);
      expect(new URL(out, "https://portal.example").origin).toBe("https://portal.example");
    }
  });

  it("builds the sign-in URL that returns to a deep link", () => {
    expect(signInUrlFor("/offers/abc?tab=codes")).toBe("/sign-in?callbackUrl=%2Foffers%2Fabc%3Ftab%3Dcodes");
    expect(signInUrlFor(null)).toBe("/sign-in");
    expect(signInUrlFor("//evil.com")).toBe("/sign-in");
  });
});
