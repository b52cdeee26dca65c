// The operations command line: `npm run portal -- <command>`. Reads DATABASE_URL like the portal does.
import { userInfo } from "node:os";
import { parseArgs } from "node:util";

const HELP = `Usage: npm run portal -- <command> [options]

Commands:
  apikey create --name <name> [--scopes loyalty,orders,offers] [--points <pointId,pointId>]
      Issues an API key and prints it. It is shown only this once (the portal keeps its hash).
      Scopes default to "loyalty"; no --points means the key may act for every point.
  apikey list
      Lists the keys: id, prefix, name, scopes, points, last use, revoked.
  apikey revoke --id <id>
      Revokes a key at once.
  user create --email <email> --role staff|admin [--name <name>] [--password <password>]
      Creates a dashboard user. Without --password a random one is generated and printed.

Options:
  -h, --help  this text
`;

class UsageError extends Error {}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [area, verb] = positionals;
  if (values.help || !area) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const actor = { id: null, label: `cli:${safeUser()}` };
  const command = `${area} ${verb ?? ""}`.trim();

  // Imported only now: loading the database client needs DATABASE_URL, which --help does not.
  const { prisma } = await import("@/lib/db");
  try {
    switch (command) {
      case "apikey create": {
        const { createApiKey } = await import("@/lib/api-keys/create-api-key");
        const { createApiKeyInput } = await import("@/lib/api-keys/api-keys.schema");
        const input = createApiKeyInput.safeParse({
          name: values.name,
          scopes: values.scopes ? list(values.scopes) : ["loyalty"],
          pointIds: list(values.points),
        });
        if (!input.success) throw new UsageError(input.error.issues.map((i) => `--${String(i.path[0] === "pointIds" ? "points" : i.path[0])}: ${i.message}`).join("\n"));
        const created = await createApiKey({ input: input.data, actor });
        process.stderr.write(`API key "${input.data.name}" (id ${created.id}), scopes ${input.data.scopes.join(",")}. Store it now: it is not shown again.\n`);
        process.stdout.write(`${created.key}\n`);
        return 0;
      }
      case "apikey list": {
        const { listApiKeys } = await import("@/lib/api-keys/api-keys.queries");
        for (const k of await listApiKeys()) {
          const points = k.points.length ? k.points.map((p) => p.id).join(",") : "all points";
          process.stdout.write(
            `${k.id}\t${k.prefix}…\t${k.name}\t${k.scopes.join(",")}\t${points}\tlast used ${k.lastUsedAt ?? "never"}${k.revokedAt ? `\trevoked ${k.revokedAt}` : ""}\n`,
          );
        }
        return 0;
      }
      case "apikey revoke": {
        if (!values.id) throw new UsageError("--id is required");
        const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
        const { revokedAt } = await revokeApiKey({ id: values.id, actor });
        process.stdout.write(`revoked ${values.id} at ${revokedAt?.toISOString()}\n`);
        return 0;
      }
      case "user create": {
        const { createUser } = await import("@/lib/users/create-user");
        const { createUserSchema } = await import("@/lib/users/users.schema");
        const { randomToken } = await import("@/lib/crypto/hash-token");
        const generated = values.password ? null : randomToken("", 16);
        const input = createUserSchema.safeParse({ email: values.email, role: values.role, name: values.name, password: values.password ?? generated });
        if (!input.success) throw new UsageError(input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
        const user = await createUser({ actor, input: input.data });
        process.stdout.write(`created ${user.role} ${user.email} (id ${user.id})\n`);
        if (generated) process.stdout.write(`password: ${generated}\n`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        name: { type: "string" },
        scopes: { type: "string" },
        points: { type: "string" },
        id: { type: "string" },
        email: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nRun with --help for usage.\n`);
      process.exit(2);
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(1);
  });
