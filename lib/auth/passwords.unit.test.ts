import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/passwords";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct hors", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("has a dummy hash that no ordinary password matches, for timing-safe misses", async () => {
    expect(await verifyPassword("", dummyHash())).toBe(false);
    expect(await verifyPassword("admin12345", dummyHash())).toBe(false);
  });
});
