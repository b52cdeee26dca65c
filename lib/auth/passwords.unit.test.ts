import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, MAX_CONCURRENT_HASHES, passwordGate, verifyPassword } from "@/lib/auth/passwords";
import { createGate, GateBusyError } from "@/lib/auth/hash-gate";
import { passwordField } from "@/lib/users/users.schema";

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

describe("password limits", () => {
  it("refuses to hash more than bcrypt's 72 bytes, and a longer password never verifies", async () => {
    const base = "a".repeat(72);
    const hash = await hashPassword(base);
    await expect(hashPassword(`${base}b`)).rejects.toThrow(/72 bytes/);
    // Without the limit bcrypt would accept this on its first 72 bytes.
    expect(await verifyPassword(`${base}anything`, hash)).toBe(false);
    expect(passwordField.safeParse("я".repeat(37)).success).toBe(false); // 74 bytes
    expect(passwordField.safeParse("я".repeat(36)).success).toBe(true);
  }, 30_000);

  it("runs at most MAX_CONCURRENT_HASHES hashes at once", async () => {
    const hash = await hashPassword("parallel-password");
    passwordGate.resetPeak();
    await Promise.all(Array.from({ length: 4 }, () => verifyPassword("wrong", hash)));
    expect(passwordGate.peak()).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
  }, 60_000);

  it("refuses callers beyond the queue instead of piling them up", async () => {
    const gate = createGate(1, 2);
    let release!: () => void;
    const blocker = gate.run(() => new Promise<void>((r) => (release = r)));
    const queued = [gate.run(async () => 1), gate.run(async () => 2)];
    await expect(gate.run(async () => 3)).rejects.toBeInstanceOf(GateBusyError);
    release();
    await blocker;
    expect(await Promise.all(queued)).toEqual([1, 2]);
  });
});
