import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "@/lib/loyalty/phone";

describe("normalizePhone", () => {
  it.each([
    ["+7 920 123-45-67", "79201234567"],
    ["+7 (920) 123 45 67", "79201234567"],
    ["8 920 123 45 67", "79201234567"],
    ["89201234567", "79201234567"],
    ["79201234567", "79201234567"],
    ["9201234567", "79201234567"],
    ["920.123.45.67", "79201234567"],
  ])("reads %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "+8 920 123 45 67", "+1 920 123 4567", "12345", "7920123456789", "CARD-0001", "920123456a", "+9201234567"])(
    "rejects %s",
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it("formats a stored phone for people", () => {
    expect(formatPhone("79201234567")).toBe("+7 920 123-45-67");
    expect(formatPhone(null)).toBe("");
  });
});
