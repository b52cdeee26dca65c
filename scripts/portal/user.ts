import { optionIssues, readSecret, rows, UsageError, type CommandGroup } from "./cli";

// `npm run portal -- user …`: dashboard accounts. Library code is imported inside each command so that
// --help works without a database.

const userLine = (u: { id: string; email: string; role: string; disabled: boolean; name: string | null; lastSignInAt: string | null }) =>
  [u.id, u.email, u.role, u.disabled ? "disabled" : "active", u.name ?? "", u.lastSignInAt ? `last sign-in ${u.lastSignInAt}` : "never signed in"];

async function findByEmail(email: string | boolean | undefined) {
  if (typeof email !== "string" || !email.trim()) throw new UsageError("--email is required");
  const { prisma } = await import("@/lib/db");
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) {
    const { UserRuleError } = await import("@/lib/users/user-rule-error");
    throw new UserRuleError("notFound", "email");
  }
  return user;
}

async function setDisabled(email: string | boolean | undefined, disabled: boolean, actor: { id: null; label: string }) {
  const user = await findByEmail(email);
  const { updateUser } = await import("@/lib/users/update-user");
  return updateUser({ actor, userId: user.id, change: { disabled } });
}

export const userCommands: CommandGroup = {
  name: "user",
  summary: "Dashboard users: list, create, disable or enable, reset a password.",
  commands: {
    list: {
      summary: "Lists every user: id, e-mail, role, active/disabled, name, last sign-in.",
      usage: "[--json]",
      details: "Oldest first.",
      run: async ({ print }) => {
        const { listAllUsers } = await import("@/lib/users/users.queries");
        const users = await listAllUsers();
        print({ users }, (d) => rows(d.users.map(userLine)));
      },
    },
    create: {
      summary: "Creates a dashboard user.",
      usage: "--email <email> --role staff|admin [--name <name>] [--password-stdin] [--json]",
      details: `Options:
  --email <email>      the sign-in e-mail (unique)
  --role staff|admin   staff moderate and handle orders; admins also manage users, keys and settings
  --name <name>        shown in the dashboard and the audit log
  --password-stdin     read the password from standard input (first line; asked without echo at a
                       terminal). Without it a random password is generated and printed once.`,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
      run: async ({ values, io, actor, print }) => {
        const { createUserSchema } = await import("@/lib/users/users.schema");
        const { randomToken } = await import("@/lib/crypto/hash-token");
        const generated = values["password-stdin"] ? null : randomToken("", 16);
        const password = generated ?? (await readSecret(io, "Password for the new user: "));
        const input = createUserSchema.safeParse({ email: values.email, role: values.role, name: values.name, password });
        if (!input.success) throw new UsageError(optionIssues(input.error.issues, { password: "password-stdin" }));
        const { createUser } = await import("@/lib/users/create-user");
        const user = await createUser({ actor, input: input.data });
        print({ user, ...(generated ? { password: generated } : {}) }, (d) =>
          `created ${d.user.role} ${d.user.email} (id ${d.user.id})\n${generated ? `password: ${generated}\n` : ""}`,
        );
      },
    },
    disable: {
      summary: "Disables a user: they cannot sign in; their history stays.",
      usage: "--email <email> [--json]",
      details: "The last active admin cannot be disabled.",
      options: { email: { type: "string" } },
      run: async ({ values, actor, print }) => {
        const user = await setDisabled(values.email, true, actor);
        print({ user }, (d) => `disabled ${d.user.email} (id ${d.user.id})\n`);
      },
    },
    enable: {
      summary: "Enables a disabled user again.",
      usage: "--email <email> [--json]",
      details: "The password is unchanged.",
      options: { email: { type: "string" } },
      run: async ({ values, actor, print }) => {
        const user = await setDisabled(values.email, false, actor);
        print({ user }, (d) => `enabled ${d.user.email} (id ${d.user.id})\n`);
      },
    },
    "reset-password": {
      summary: "Sets a user's password, read from standard input (never from the command line).",
      usage: "--email <email> [--json]  < password",
      details: `Reads the first line of standard input (asked without echo at a terminal); empty input is refused
(exit 2). Only the password changes: a disabled user stays disabled. One audit entry records the reset.
Example: printf '%s\\n' "$NEW_PASSWORD" | npm run portal -- user reset-password --email ops@example.com`,
      options: { email: { type: "string" } },
      run: async ({ values, io, actor, print }) => {
        if (typeof values.email !== "string" || !values.email.trim()) throw new UsageError("--email is required");
        const password = await readSecret(io, "New password: ");
        const { passwordField } = await import("@/lib/users/users.schema");
        const checked = passwordField.safeParse(password);
        if (!checked.success) throw new UsageError(`password: ${checked.error.issues[0]?.message ?? "invalid"}`);
        const { resetUserPassword } = await import("@/lib/users/reset-user-password");
        const user = await resetUserPassword({ email: values.email, password: checked.data, actor });
        print({ user: { id: user.id, email: user.email, disabled: user.disabled }, passwordReset: true }, (d) =>
          `password reset for ${d.user.email} (id ${d.user.id})${d.user.disabled ? "; the user is still disabled" : ""}\n`,
        );
      },
    },
  },
};
