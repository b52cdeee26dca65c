import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { listAuditEntries } from "@/lib/audit/audit.queries";
import type { AuditListFilters } from "@/lib/audit/audit.schema";
import { decodeCursor } from "@/lib/pagination/keyset";

const list = (filters: AuditListFilters, take = 50, cursor: string | null = null, dir: "next" | "prev" = "next") =>
  listAuditEntries({ filters, cursor: decodeCursor(cursor), dir, take });

describe("audit log list", () => {
  it("pages newest first with keyset cursors in both directions", async () => {
    const entityType = `test-${randomUUID()}`;
    for (let i = 0; i < 7; i++) {
      await recordAudit({ actor: { label: "pager@example.com" }, action: "test.step", entityType, entityId: String(i), after: { i } });
    }
    const first = await list({ entityType }, 3);
    expect(first.rows.map((r) => r.entityId)).toEqual(["6", "5", "4"]);
    expect(first.prevCursor).toBeNull();
    const second = await list({ entityType }, 3, first.nextCursor);
    expect(second.rows.map((r) => r.entityId)).toEqual(["3", "2", "1"]);
    const third = await list({ entityType }, 3, second.nextCursor);
    expect(third.rows.map((r) => r.entityId)).toEqual(["0"]);
    expect(third.nextCursor).toBeNull();
    const back = await list({ entityType }, 3, second.prevCursor, "prev");
    expect(back.rows.map((r) => r.entityId)).toEqual(["6", "5", "4"]);
    expect(second.rows[0]).toMatchObject({ action: "test.step", actorLabel: "pager@example.com", after: { i: 3 }, before: null });
  });

  it("filters by action prefix, entity, actor and day", async () => {
    const entityType = `filter-${randomUUID()}`;
    const actor = `${randomUUID()}@example.com`;
    await recordAudit({ actor: { label: actor }, action: "thing.create", entityType, entityId: "a" });
    await recordAudit({ actor: { label: "someone-else" }, action: "thing.delete", entityType, entityId: "b" });
    await recordAudit({ actor: { label: actor }, action: "other.create", entityType, entityId: "a" });

    expect((await list({ entityType, action: "thing." })).rows.map((r) => r.action).sort()).toEqual(["thing.create", "thing.delete"]);
    expect((await list({ entityType, entityId: "a" })).rows).toHaveLength(2);
    expect((await list({ entityType, actor: actor.slice(0, 12).toUpperCase() })).rows).toHaveLength(2);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
    expect((await list({ entityType, from: today, to: today })).rows).toHaveLength(3);
    expect((await list({ entityType, to: "2000-01-01" })).rows).toHaveLength(0);
  });

  it("starts from the newest entries when the cursor is not one of ours", async () => {
    const entityType = `cursor-${randomUUID()}`;
    await recordAudit({ actor: { label: "x" }, action: "test.one", entityType, entityId: "1" });
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), "not-a-number"])).toString("base64url");
    expect((await list({ entityType }, 10, forged, "prev")).rows.map((r) => r.entityId)).toEqual(["1"]);
  });
});
