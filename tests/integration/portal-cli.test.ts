import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { runPortal } from "@/scripts/portal/run-portal";
import { enqueue, resetOutbox, uid } from "../helpers/outbox-kit";

/** Runs the CLI in-process with `input` on standard input; returns its exit code and what it printed. */
async function portal(args: string[], input = "") {
  let stdout = "";
  let stderr = "";
  const code = await runPortal(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from(input ? [Buffer.from(input)] : []),
  });
  const json = () => JSON.parse(stdout);
  return { code, stdout, stderr, json };
}

const email = () => `${uid("cli")}@example.com`.toLowerCase();

describe("npm run portal: help, usage and exit codes", () => {
  it("prints help with exit 0 at every level, and usage errors with exit 2", async () => {
    expect((await portal(["--help"])).stdout).toContain("deliveries replay");
    expect((await portal(["user", "--help"])).stdout).toContain("reset-password");
    const cmd = await portal(["deliveries", "replay", "--help"]);
    expect(cmd.code).toBe(0);
    expect(cmd.stdout).toContain("--since <time>");
    expect((await portal([])).code).toBe(2);
    expect((await portal(["nope"])).code).toBe(2);
    expect((await portal(["user", "frob"])).code).toBe(2);
    const bad = await portal(["user", "list", "--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--help");
    expect((await portal(["user", "disable"])).code).toBe(2);
  });
});

describe("npm run portal -- user", () => {
  it("creates (password from stdin), lists, disables and enables, with --json", async () => {
    const address = email();
    const created = await portal(["user", "create", "--email", address, "--role", "staff", "--password-stdin", "--json"], "first-password\n");
    expect(created.code).toBe(0);
    expect(created.json().user).toMatchObject({ email: address, role: "staff", disabled: false });
    const row = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(await verifyPassword("first-password", row.passwordHash)).toBe(true);

    const listed = await portal(["user", "list", "--json"]);
    expect(listed.json().users.map((u: { email: string }) => u.email)).toContain(address);
    expect((await portal(["user", "list"])).stdout).toContain(`${address}\tstaff\tactive`);

    expect((await portal(["user", "disable", "--email", address])).code).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: address } })).disabled).toBe(true);
    expect((await portal(["user", "enable", "--email", address, "--json"])).json().user.disabled).toBe(false);
  });

  it("generates and prints a password when none is piped in; refuses bad options with exit 2", async () => {
    const address = email();
    const created = await portal(["user", "create", "--email", address, "--role", "admin", "--json"]);
    expect(created.code).toBe(0);
    const row = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(await verifyPassword(created.json().password, row.passwordHash)).toBe(true);
    const badRole = await portal(["user", "create", "--email", email(), "--role", "owner"]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role");
  });

  it("fails with exit 1 and a JSON error for an unknown user", async () => {
    const res = await portal(["user", "disable", "--email", "nobody-here@example.com", "--json"]);
    expect(res.code).toBe(1);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "User not found" } });
  });

  describe("reset-password", () => {
    it("sets the password from stdin, changes nothing else and writes one audit entry", async () => {
      const address = email();
      await portal(["user", "create", "--email", address, "--role", "staff", "--password-stdin"], "old-password\n");
      await portal(["user", "disable", "--email", address]);
      const before = await prisma.user.findUniqueOrThrow({ where: { email: address } });

      const res = await portal(["user", "reset-password", "--email", address, "--json"], "brand-new-password\n");
      expect(res.code).toBe(0);
      expect(res.json()).toMatchObject({ passwordReset: true, user: { email: address, disabled: true } });
      const after = await prisma.user.findUniqueOrThrow({ where: { email: address } });
      expect(await verifyPassword("brand-new-password", after.passwordHash)).toBe(true);
      expect({ ...after, passwordHash: "", updatedAt: null }).toEqual({ ...before, passwordHash: "", updatedAt: null });
      const audit = await prisma.auditLog.findMany({ where: { entityId: before.id, action: "user.reset_password" } });
      expect(audit).toHaveLength(1);
      expect(audit[0].actorLabel).toMatch(/^cli:/);
      expect(JSON.stringify([audit[0].before, audit[0].after])).not.toContain("brand-new-password");
    });

    it("refuses empty input, a short password and a missing --email with exit 2, changing nothing", async () => {
      const address = email();
      await portal(["user", "create", "--email", address, "--role", "staff", "--password-stdin"], "old-password\n");
      const before = await prisma.user.findUniqueOrThrow({ where: { email: address } });
      const empty = await portal(["user", "reset-password", "--email", address], "");
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain("standard input");
      expect((await portal(["user", "reset-password", "--email", address], "\n")).code).toBe(2);
      expect((await portal(["user", "reset-password", "--email", address], "short\n")).code).toBe(2);
      expect((await portal(["user", "reset-password"], "long-enough-password\n")).code).toBe(2);
      expect((await prisma.user.findUniqueOrThrow({ where: { email: address } })).passwordHash).toBe(before.passwordHash);
      expect(await prisma.auditLog.count({ where: { entityId: before.id, action: "user.reset_password" } })).toBe(0);
    });

    it("reads a piped password in the real command, and refuses an empty pipe", () => {
      const address = email();
      return (async () => {
        await portal(["user", "create", "--email", address, "--role", "staff", "--password-stdin"], "old-password\n");
        const run = (input: string) =>
          spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/portal.ts", "user", "reset-password", "--email", address], {
            input,
            env: process.env,
            encoding: "utf8",
            timeout: 60_000,
          });
        expect(run("").status).toBe(2);
        const ok = run("piped-password-1\n");
        expect(ok.status, ok.stderr).toBe(0);
        const row = await prisma.user.findUniqueOrThrow({ where: { email: address } });
        expect(await verifyPassword("piped-password-1", row.passwordHash)).toBe(true);
      })();
    });
  });
});

describe("npm run portal -- apikey", () => {
  it("creates a key shown once, lists it, and revokes it", async () => {
    const name = uid("cli-key");
    const created = await portal(["apikey", "create", "--name", name, "--scopes", "orders,offers", "--json"]);
    expect(created.code).toBe(0);
    const { id, key, scopes } = created.json();
    expect(key).toEqual(expect.any(String));
    expect(scopes).toEqual(["orders", "offers"]);
    const listed = (await portal(["apikey", "list", "--json"])).json().keys.find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ name, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    const revoked = await portal(["apikey", "revoke", "--id", id, "--json"]);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await portal(["apikey", "revoke", "--id", "no-such-key"])).code).toBe(1);
    expect((await portal(["apikey", "create", "--scopes", "loyalty"])).code).toBe(2);
  });
});

describe("npm run portal -- deliveries", () => {
  beforeEach(() => resetOutbox());

  it("reports counts by kind and state", async () => {
    const { id } = await enqueue({ entityId: uid("scan"), version: 1 });
    await prisma.delivery.update({ where: { id }, data: { state: "dead" } });
    await enqueue({ entityId: uid("scan"), version: 1 });
    const stats = await portal(["deliveries", "stats", "--json"]);
    expect(stats.code).toBe(0);
    const scans = stats.json().kinds.find((k: { kind: string }) => k.kind === "scan_status");
    expect(scans.states).toMatchObject({ dead: 1, pending: 1 });
    expect(scans.oldestPendingAt).toEqual(expect.any(String));
    expect((await portal(["deliveries", "stats"])).stdout).toContain("scan_status\tpending 1");
  });

  it("replays dead letters created since the given time, of the given kind only", async () => {
    const make = async (kind: "scan_status" | "order_status", createdAt: Date) => {
      const { id } = await enqueue({ kind, entityId: uid(kind), version: 1 });
      await prisma.delivery.update({ where: { id }, data: { state: "dead", attempts: 5, createdAt } });
      return id;
    };
    const recent = await make("scan_status", new Date(Date.now() - 30 * 60_000));
    const old = await make("scan_status", new Date(Date.now() - 5 * 3_600_000));
    const otherKind = await make("order_status", new Date(Date.now() - 10 * 60_000));

    const res = await portal(["deliveries", "replay", "--since", "2h", "--kind", "scan_status", "--json"]);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ replayed: 1, skipped: 0, more: false, kind: "scan_status", state: "dead" });
    const states = async (id: string) => (await prisma.delivery.findUniqueOrThrow({ where: { id } })).state;
    expect(await states(recent)).toBe("pending");
    expect(await states(old)).toBe("dead");
    expect(await states(otherKind)).toBe("dead");

    expect((await portal(["deliveries", "replay"])).code).toBe(2);
    expect((await portal(["deliveries", "replay", "--since", "yesterday-ish"])).code).toBe(2);
    expect((await portal(["deliveries", "replay", "--since", "1h", "--kind", "emails"])).code).toBe(2);
  });
});
