import type { CommandGroup } from "./cli";

// `npm run portal -- secrets …`: stored secrets encrypted under SETTINGS_ENCRYPTION_KEY.

export const secretsCommands: CommandGroup = {
  name: "secrets",
  summary: "Stored secrets (IMSHOP's outbound key): re-encrypt them under a new SETTINGS_ENCRYPTION_KEY.",
  commands: {
    rotate: {
      summary: "Re-encrypts every stored secret under the current SETTINGS_ENCRYPTION_KEY.",
      usage: "[--json]",
      details: `Rotation, step by step:
  1. set the new key as SETTINGS_ENCRYPTION_KEY and the old one in SETTINGS_ENCRYPTION_OLD_KEYS (comma-separated);
  2. restart the app servers and workers (they read both keys);
  3. run this command: it re-seals what the old key sealed (already current values are left alone);
  4. remove SETTINGS_ENCRYPTION_OLD_KEYS and restart.
Fails (exit 1) naming the missing key when a stored value was sealed by a key that is not configured.`,
      run: async ({ print }) => {
        const { rotateSecrets } = await import("@/lib/crypto/rotate-secrets");
        const result = await rotateSecrets();
        print(result, (d) => `re-encrypted ${d.resealed}; already under the current key ${d.current}\n`);
      },
    },
  },
};
