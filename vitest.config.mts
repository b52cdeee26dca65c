import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

// No secret has a default anywhere: each test run makes its own (a developer's .env may override them).
const secrets = {
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("hex"),
  SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY || randomBytes(32).toString("hex"),
};

// The fake IMSHOP servers listen on 127.0.0.1, which the SSRF guard refuses unless told otherwise.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.unit.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          env: { NODE_ENV: "test", IMSHOP_ALLOW_PRIVATE_URLS: "true", ...secrets },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // One database for the run; files run one after another so outbox workers do not race each other.
          fileParallelism: false,
          testTimeout: 60000,
          hookTimeout: 120000,
          env: { NODE_ENV: "test", IMSHOP_ALLOW_PRIVATE_URLS: "true", ...secrets },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Row counts before/after each rejected request assume no other file writes meanwhile.
          fileParallelism: false,
          testTimeout: 300000,
          hookTimeout: 120000,
          env: { NODE_ENV: "test", IMSHOP_ALLOW_PRIVATE_URLS: "true", ...secrets },
        },
      },
    ],
  },
});
