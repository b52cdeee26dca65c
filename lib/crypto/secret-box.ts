import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { encryptionKeys } from "@/lib/env";

// Secrets the portal must send (IMSHOP's key) are encrypted at rest with AES-256-GCM under
// SETTINGS_ENCRYPTION_KEY. Each value names the key that sealed it (a digest, not the key), so after a
// rotation the old key still reads what it sealed until `portal secrets rotate` re-seals everything.
type Key = { id: string; bytes: Buffer };

function toKey(secret: string): Key {
  const bytes = createHash("sha256").update(secret).digest();
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 12), bytes };
}

function keys(): { current: Key; all: Key[] } {
  const { current, old } = encryptionKeys();
  const currentKey = toKey(current);
  return { current: currentKey, all: [currentKey, ...old.map(toKey)] };
}

export function encryptSecret(plain: string): string {
  const { current } = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", current.id, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

function open(key: Key, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

export function decryptSecret(sealed: string): string {
  const parts = sealed.split(".");
  const { all } = keys();
  if (parts[0] === "v2" && parts.length === 5) {
    const [, id, iv, tag, body] = parts;
    const key = all.find((k) => k.id === id);
    if (!key) throw new Error(`the secret was sealed with key ${id}, which is neither SETTINGS_ENCRYPTION_KEY nor in SETTINGS_ENCRYPTION_OLD_KEYS`);
    return open(key, iv, tag, body);
  }
  // v1 values (before key ids) name no key: whichever configured key opens them sealed them.
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, body] = parts;
    for (const key of all) {
      try {
        return open(key, iv, tag, body);
      } catch {
        // not this key
      }
    }
    throw new Error("no configured key opens this v1 secret: add the key that sealed it to SETTINGS_ENCRYPTION_OLD_KEYS");
  }
  throw new Error("Unknown secret format");
}

/** True when the value is sealed under the current key (rotation leaves it alone). */
export function isSealedWithCurrentKey(sealed: string): boolean {
  const [version, id] = sealed.split(".");
  return version === "v2" && id === keys().current.id;
}

/** What admins see of a stored key: its last four characters. */
export function secretHint(plain: string): string {
  return plain.length <= 4 ? "••••" : `••••${plain.slice(-4)}`;
}
