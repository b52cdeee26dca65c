import { describe, expect, it } from "vitest";
import { discountKopecks, earnedPoints, hasAtMostTwoDecimals, spendCap, toKopecks, toRoubles } from "@/lib/loyalty/money";

describe("money", () => {
  it("converts roubles to kopecks and back without float drift", () => {
    expect(toKopecks(100)).toBe(10000);
    expect(toKopecks(0.1 + 0.2)).toBe(30);
    expect(toKopecks(99.99)).toBe(9999);
    expect(toRoubles(9999)).toBe(99.99);
    expect(toRoubles(10000)).toBe(100);
  });

  it("accepts at most two decimals", () => {
    expect(hasAtMostTwoDecimals(100)).toBe(true);
    expect(hasAtMostTwoDecimals(19.99)).toBe(true);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(1.005)).toBe(false);
    expect(hasAtMostTwoDecimals(1.001)).toBe(false);
  });

  it("rounds earned points and the spend cap down", () => {
    expect(earnedPoints(10000, 10)).toBe(10);
    expect(earnedPoints(9999, 10)).toBe(9);
    expect(earnedPoints(1999, 5)).toBe(0);
    expect(spendCap(10000, 100)).toBe(100);
    expect(spendCap(10050, 50)).toBe(50);
    expect(spendCap(9999, 100)).toBe(99);
  });

  it("computes a discount in kopecks, never above the percent", () => {
    expect(discountKopecks(10000, 7)).toBe(700);
    expect(discountKopecks(9999, 7)).toBe(699);
  });
});
