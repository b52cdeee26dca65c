import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { attemptKeys, isBlocked, PAIR_LIMIT, reserveAttempt } from "@/lib/auth/sign-in-throttle";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { ensureAdmin } from "@/lib/users/ensure-admin";
import { UserRuleError } from "@/lib/users/user-rule-error";

const unique = (p: string) => `${p}-${randomUUID()}@example.com`;

async function makeAdmin() {
  const email = unique("admin");
  const row = await createUser({ actor: { label: "test" }, input: { email, role: "admin", password: "admin-password" } });
  return { id: row.id, label: row.email };
}

async function auditFor(entityId: string) {
  return prisma.auditLog.findMany({ where: { entityType: "user", entityId }, orderBy: { id: "asc" } });
}

describe("users", () => {
  it("creates a user with a hashed password, lower-cased e-mail, and an audit row", async () => {
    const actor = await makeAdmin();
    const email = unique("Staff").replace("staff", "STAFF");
    const row = await createUser({ actor, input: { email: `  ${email} `, name: " Anna ", role: "staff", password: "staff-password" } });
    expect(row).toMatchObject({ email: email.toLowerCase(), name: "Anna", role: "staff", disabled: false });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: row.id } });
    expect(await verifyPassword("staff-password", stored.passwordHash)).toBe(true);
    const [entry] = await auditFor(row.id);
    expect(entry).toMatchObject({ action: "user.create", actorId: actor.id, actorLabel: actor.label });
    expect(entry.after).toEqual({ email: email.toLowerCase(), name: "Anna", role: "staff", disabled: false });
    expect(JSON.stringify(entry.after)).not.toContain("$2");
  });

  it("refuses a duplicate e-mail with a field error and writes nothing", async () => {
    const actor = await makeAdmin();
    const email = unique("dup");
    await createUser({ actor, input: { email, role: "staff", password: "password-1" } });
    const before = await prisma.auditLog.count();
    const error = await createUser({ actor, input: { email: email.toUpperCase(), role: "admin", password: "password-2" } }).catch((e) => e);
    expect(error).toBeInstanceOf(UserRuleError);
    expect(error).toMatchObject({ key: "emailTaken", code: "conflict", fields: { email: expect.any(String) } });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("rejects bad input naming the field", async () => {
    const actor = await makeAdmin();
    await expect(createUser({ actor, input: { email: "not-an-email", role: "staff", password: "long-enough" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["email"] })],
    });
    await expect(createUser({ actor, input: { email: unique("short"), role: "staff", password: "short" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"] })],
    });
  });

  it("disables and enables a user, auditing before and after", async () => {
    const actor = await makeAdmin();
    const user = await createUser({ actor, input: { email: unique("toggle"), role: "staff", password: "password-1" } });
    expect(await updateUser({ actor, userId: user.id, change: { disabled: true } })).toMatchObject({ disabled: true });
    expect(await updateUser({ actor, userId: user.id, change: { disabled: false } })).toMatchObject({ disabled: false });
    const entries = await auditFor(user.id);
    expect(entries.map((e) => e.action)).toEqual(["user.create", "user.disable", "user.enable"]);
    expect(entries[1].before).toMatchObject({ disabled: false });
    expect(entries[1].after).toMatchObject({ disabled: true });
  });

  it("changes the role and resets the password (lifting a sign-in lock)", async () => {
    const actor = await makeAdmin();
    const user = await createUser({ actor, input: { email: unique("role"), role: "staff", password: "password-1" } });
    expect(await updateUser({ actor, userId: user.id, change: { role: "admin" } })).toMatchObject({ role: "admin" });
    const keys = attemptKeys(user.email, "192.0.2.44");
    for (let i = 0; i < PAIR_LIMIT; i++) await reserveAttempt(keys);
    expect(await isBlocked(keys.pair)).toBe(true);
    const versionBefore = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    await updateUser({ actor, userId: user.id, change: { password: "brand-new-password" } });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("brand-new-password", stored.passwordHash)).toBe(true);
    expect(await isBlocked(keys.pair)).toBe(false);
    // The role change and the reset each ended the user's open sessions.
    expect(stored.sessionVersion).toBe(versionBefore + 1);
    const entries = await auditFor(user.id);
    expect(entries.map((e) => e.action)).toEqual(["user.create", "user.set_role", "user.reset_password"]);
    expect(entries[1]).toMatchObject({ before: expect.objectContaining({ role: "staff" }), after: expect.objectContaining({ role: "admin" }) });
    expect(JSON.stringify(entries[2].after)).not.toContain(stored.passwordHash);
  });

  it("does not let an admin disable or demote themselves", async () => {
    const actor = await makeAdmin();
    await makeAdmin(); // so "last admin" is not what refuses it
    await expect(updateUser({ actor, userId: actor.id, change: { disabled: true } })).rejects.toMatchObject({ key: "selfDisable" });
    await expect(updateUser({ actor, userId: actor.id, change: { role: "staff" } })).rejects.toMatchObject({ key: "selfDemote" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ role: "admin", disabled: false });
  });

  it("keeps the last active admin", async () => {
    const actor = await makeAdmin();
    const target = await makeAdmin();
    // Inside one transaction that is rolled back: every other admin is disabled, leaving `target` the last one.
    const outcome = await prisma
      .$transaction(async (tx) => {
        await tx.user.updateMany({ where: { role: "admin", id: { not: target.id } }, data: { disabled: true } });
        const disable = await updateUser({ actor, userId: target.id, change: { disabled: true }, tx }).catch((e) => e);
        throw Object.assign(new Error("rollback"), { disable });
      })
      .catch((e) => e.disable);
    expect(outcome).toBeInstanceOf(UserRuleError);
    expect(outcome).toMatchObject({ key: "lastAdmin", fields: { disabled: expect.any(String) } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ disabled: false });
  });

  it("refuses demoting the last admin too, but allows it while another admin remains", async () => {
    const actor = await makeAdmin();
    const target = await makeAdmin();
    const refused = await prisma
      .$transaction(async (tx) => {
        await tx.user.updateMany({ where: { role: "admin", id: { not: target.id } }, data: { disabled: true } });
        const r = await updateUser({ actor, userId: target.id, change: { role: "staff" }, tx }).catch((e) => e);
        throw Object.assign(new Error("rollback"), { r });
      })
      .catch((e) => e.r);
    expect(refused).toMatchObject({ key: "lastAdmin" });
    expect(await updateUser({ actor, userId: target.id, change: { role: "staff" } })).toMatchObject({ role: "staff" });
  });

  it("answers notFound for an unknown user", async () => {
    const actor = await makeAdmin();
    await expect(updateUser({ actor, userId: "nope", change: { disabled: true } })).rejects.toMatchObject({ key: "notFound" });
  });

  it("ensureAdmin creates the first admin, and never re-enables, re-roles or resets an existing account", async () => {
    const email = unique("first-admin");
    expect(await ensureAdmin({ email, password: "first-password" })).toBe("created");
    // An admin disabled and demoted after a compromise stays so across restarts.
    await prisma.user.update({ where: { email }, data: { role: "staff", disabled: true } });
    expect(await ensureAdmin({ email, password: "second-password" })).toBe("exists");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "staff", disabled: true });
    expect(await verifyPassword("first-password", user.passwordHash)).toBe(true);
    expect(await verifyPassword("second-password", user.passwordHash)).toBe(false);
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.create"]);
  });
});
