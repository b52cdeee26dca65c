import { list, optionIssues, rows, UsageError, type CommandGroup } from "./cli";

// `npm run portal -- apikey …`: keys for tills and merchant systems.

export const apikeyCommands: CommandGroup = {
  name: "apikey",
  summary: "API keys for tills (loyalty), merchant systems (orders) and redemptions (offers).",
  commands: {
    list: {
      summary: "Lists the keys: id, prefix, name, scopes, points, last use, revoked.",
      usage: "[--json]",
      details: "Active keys first. The keys themselves are never shown again (only their hash is kept).",
      run: async ({ print }) => {
        const { listApiKeys } = await import("@/lib/api-keys/api-keys.queries");
        const keys = await listApiKeys();
        print({ keys }, (d) =>
          rows(
            d.keys.map((k) => [
              k.id,
              `${k.prefix}…`,
              k.name,
              k.scopes.join(","),
              k.points.length ? k.points.map((p) => p.id).join(",") : "all points",
              `last used ${k.lastUsedAt ?? "never"}`,
              k.revokedAt ? `revoked ${k.revokedAt}` : "active",
            ]),
          ),
        );
      },
    },
    create: {
      summary: "Issues an API key and prints it once.",
      usage: "--name <name> [--scopes loyalty,orders,offers,imports] [--points <pointId,…>] [--json]",
      details: `Options:
  --name <name>         who uses it, e.g. "Till 3, Tverskaya"
  --scopes <list>       loyalty (the till API), orders (the orders API), offers (redemptions),
                        imports (bulk CSV imports: POST /api/imports/{kind}); default loyalty
  --points <ids>        the loyalty points the key may act for; none means every point
The key is printed on standard output (the note on standard error), and never shown again.`,
      options: { name: { type: "string" }, scopes: { type: "string" }, points: { type: "string" } },
      run: async ({ values, io, actor, print, json }) => {
        const { createApiKeyInput } = await import("@/lib/api-keys/api-keys.schema");
        const input = createApiKeyInput.safeParse({
          name: values.name,
          scopes: values.scopes ? list(values.scopes) : ["loyalty"],
          pointIds: list(values.points),
        });
        if (!input.success) throw new UsageError(optionIssues(input.error.issues, { pointIds: "points" }));
        const { createApiKey } = await import("@/lib/api-keys/create-api-key");
        const created = await createApiKey({ input: input.data, actor });
        if (!json) io.stderr.write(`API key "${input.data.name}" (id ${created.id}), scopes ${input.data.scopes.join(",")}. Store it now: it is not shown again.\n`);
        print({ id: created.id, name: input.data.name, scopes: input.data.scopes, pointIds: input.data.pointIds, key: created.key }, (d) => `${d.key}\n`);
      },
    },
    revoke: {
      summary: "Revokes a key at once.",
      usage: "--id <id> [--json]",
      details: "Requests with the key are refused (401) from now on.",
      options: { id: { type: "string" } },
      run: async ({ values, actor, print }) => {
        if (typeof values.id !== "string" || !values.id.trim()) throw new UsageError("--id is required");
        const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
        const { revokedAt } = await revokeApiKey({ id: values.id.trim(), actor });
        print({ id: values.id.trim(), revokedAt: revokedAt?.toISOString() ?? null }, (d) => `revoked ${d.id} at ${d.revokedAt}\n`);
      },
    },
  },
};
