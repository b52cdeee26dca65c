import { afterEach, describe, expect, it, vi } from "vitest";

const KEY_A = "a".repeat(40);
const KEY_B = "b".repeat(40);

/** A fresh copy of the module, reading the environment as it is now (env is read once per module load). */
async function box(current: string, old: string[] = []) {
  vi.resetModules();
  vi.stubEnv("SETTINGS_ENCRYPTION_KEY", current);
  vi.stubEnv("SETTINGS_ENCRYPTION_OLD_KEYS", old.join(","));
  return import("@/lib/crypto/secret-box");
}

afterEach(() => vi.unstubAllEnvs());

describe("secret box", () => {
  it("seals with a key id and opens again", async () => {
    const { encryptSecret, decryptSecret, isSealedWithCurrentKey } = await box(KEY_A);
    const sealed = encryptSecret("imshop-outbound-key");
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed).not.toContain("imshop-outbound-key");
    expect(decryptSecret(sealed)).toBe("imshop-outbound-key");
    expect(isSealedWithCurrentKey(sealed)).toBe(true);
  });

  it("reads values sealed under an old key while it is listed, and says which key is missing otherwise", async () => {
    const sealedUnderA = (await box(KEY_A)).encryptSecret("k1");
    const rotated = await box(KEY_B, [KEY_A]);
    expect(rotated.decryptSecret(sealedUnderA)).toBe("k1");
    expect(rotated.isSealedWithCurrentKey(sealedUnderA)).toBe(false);
    const withoutA = await box(KEY_B);
    expect(() => withoutA.decryptSecret(sealedUnderA)).toThrow(/SETTINGS_ENCRYPTION_OLD_KEYS/);
  });

  it("refuses a tampered value", async () => {
    const { encryptSecret, decryptSecret } = await box(KEY_A);
    const parts = encryptSecret("k1").split(".");
    parts[4] = Buffer.from("other").toString("base64");
    expect(() => decryptSecret(parts.join("."))).toThrow();
  });

  it("fails naming the variable when no key is configured", async () => {
    const { encryptSecret } = await box("");
    expect(() => encryptSecret("k1")).toThrow(/SETTINGS_ENCRYPTION_KEY/);
  });
});
