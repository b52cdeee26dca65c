import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cancelOrderRequestSchema, orderStatusFormSchema, roublesToKopecks, upsertOrderSchema, wireTimestamp } from "@/lib/orders/orders.schema";
import { zodFields } from "@/lib/http/zod-fields";

describe("roublesToKopecks", () => {
  it("turns roubles with up to 2 decimals into exact kopecks", () => {
    expect(roublesToKopecks.parse(1234.5)).toBe(123450);
    expect(roublesToKopecks.parse(0.29)).toBe(29);
    expect(roublesToKopecks.parse(19.99)).toBe(1999);
    expect(roublesToKopecks.parse(0)).toBe(0);
  });

  it("round-trips every kopeck amount written as roubles", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_100_000_000 }), (k) => roublesToKopecks.parse(k / 100) === k));
  });

  it("refuses a third decimal, negatives, strings and totals an Int column cannot hold", () => {
    for (const bad of [1.234, -1, "10", 21_000_001, Number.NaN]) expect(roublesToKopecks.safeParse(bad).success).toBe(false);
  });
});

describe("wireTimestamp", () => {
  it("reads Unix seconds and ISO date-times", () => {
    expect(wireTimestamp.parse(1700000000).toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(wireTimestamp.parse("2024-03-01T10:00:00+03:00").toISOString()).toBe("2024-03-01T07:00:00.000Z");
  });

  it("refuses milliseconds, fractions and free text", () => {
    for (const bad of [1700000000000, 1700000000.5, "yesterday", "2024-03-01"]) expect(wireTimestamp.safeParse(bad).success).toBe(false);
  });
});

describe("upsertOrderSchema", () => {
  it("accepts numeric order numbers and ignores unknown fields", () => {
    const v = upsertOrderSchema.parse({ internalId: 5671863, code: "new", total: 10, extra: true, uuid: "", message: null });
    expect(v).toEqual({ internalId: "5671863", code: "new", total: 1000 });
  });

  it("names each bad field", () => {
    const r = upsertOrderSchema.safeParse({ internalId: "", total: "x", createdAt: "soon", trackingUrl: "ftp://x" });
    expect(r.success).toBe(false);
    const fields = zodFields(r.error!);
    expect(Object.keys(fields).sort()).toEqual(["code", "createdAt", "internalId", "total", "trackingUrl"]);
  });
});

describe("cancelOrderRequestSchema", () => {
  it("reads the current shape", () => {
    expect(cancelOrderRequestSchema.parse({ uuid: "u-1", internalId: "12345", reason: "передумал" })).toEqual({
      shape: "current",
      uuid: "u-1",
      internalId: "12345",
      id: undefined,
      reason: "передумал",
    });
  });

  it("reads the older shape and remembers it", () => {
    expect(cancelOrderRequestSchema.parse({ id: "12345", status: "canceled" })).toMatchObject({ shape: "legacy", id: "12345" });
  });

  it("names the missing or wrong field", () => {
    expect(zodFields(cancelOrderRequestSchema.safeParse({ reason: "x" }).error!)).toHaveProperty("uuid");
    expect(zodFields(cancelOrderRequestSchema.safeParse({ id: "1", status: "paid" }).error!)).toHaveProperty("status");
    expect(zodFields(cancelOrderRequestSchema.safeParse({ status: "canceled" }).error!)).toHaveProperty("id");
    expect(zodFields(cancelOrderRequestSchema.safeParse({ uuid: 5.5 }).error!)).toHaveProperty("uuid");
  });
});

describe("orderStatusFormSchema", () => {
  const base = { code: "new", description: "Новый", buyerText: "Принят", cancellable: false, final: false, sortOrder: 1 };
  it("requires a cancel target for cancellable statuses and forbids final + cancellable", () => {
    expect(zodFields(orderStatusFormSchema.safeParse({ ...base, cancellable: true }).error!)).toHaveProperty("cancelTargetCode");
    expect(zodFields(orderStatusFormSchema.safeParse({ ...base, cancellable: true, final: true, cancelTargetCode: "x" }).error!)).toHaveProperty(
      "cancellable",
    );
    expect(orderStatusFormSchema.safeParse({ ...base, cancellable: true, cancelTargetCode: "cancelled" }).success).toBe(true);
  });

  it("takes any code a merchant system may send, but no control characters or dot segments", () => {
    expect(orderStatusFormSchema.safeParse({ ...base, code: "на складе" }).success).toBe(true);
    for (const code of ["a\nb", "..", " "]) expect(orderStatusFormSchema.safeParse({ ...base, code }).success).toBe(false);
  });
});
