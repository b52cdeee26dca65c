import type { CommandGroup } from "./cli";

// `npm run portal -- demo …`: the demo's public credentials, which a real deployment refuses to start with.

export const demoCommands: CommandGroup = {
  name: "demo",
  summary: "The demo's public users and keys (README): find or remove them.",
  commands: {
    list: {
      summary: "Lists the demo's public credentials still present in this database.",
      usage: "[--json]",
      details: "Exit code 0 either way; an empty list means a real deployment may start.",
      run: async ({ print }) => {
        const { findDemoCredentials } = await import("@/lib/demo/find-demo-credentials");
        const found = await findDemoCredentials();
        print({ found }, (d) => (d.found.length ? d.found.map((f) => `${f.kind}\t${f.name}\n`).join("") : "no demo credentials\n"));
      },
    },
    remove: {
      summary: "Removes the demo users, revokes the demo till key and clears the demo webhook key.",
      usage: "[--json]",
      details: `The demo users are deleted (their audit entries keep the name), the demo till key is revoked and the demo
webhook key cleared, so IMSHOP's webhooks answer 401 until an admin rotates in a real key. The demo's clients,
scans and orders stay as data. One audit entry records what was removed.`,
      run: async ({ print }) => {
        const { removeDemoCredentials } = await import("@/lib/demo/remove-demo-credentials");
        const removed = await removeDemoCredentials();
        print({ removed }, (d) => (d.removed.length ? d.removed.map((r) => `removed ${r.kind}\t${r.name}\n`).join("") : "no demo credentials to remove\n"));
      },
    },
  },
};
