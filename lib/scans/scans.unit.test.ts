import { describe, expect, it } from "vitest";
import { appLocale, fillPoints, resolveScanTexts } from "@/lib/scans/scan-texts";
import { moscowDayEnd, moscowDayStart, moscowIsoDate, moscowLastDay, startOfMoscowDay } from "@/lib/scans/moscow-day";
import { phoneFromImshopUserId } from "@/lib/loyalty/imshop-user-phone";
import { registerScanBodySchema } from "@/lib/scans/scans.schema";

describe("resolveScanTexts", () => {
  const campaign = {
    name: "Зима",
    bonusPoints: 200,
    texts: { approved: { ru: { statusMessage: "+{points} по акции «{campaign}»" } }, denied: { en: { alertTitle: "Sorry" } } },
  };

  it("fills the defaults with the campaign's points", () => {
    expect(resolveScanTexts({ outcome: "approved", campaign: { ...campaign, texts: {} } })).toEqual({
      alertTitle: "Бонусы начислены",
      alertMessage: "Начислено 200 бонусов за сканирование кода",
      statusMessage: "Начислено 200 бонусов",
    });
  });

  it("lets campaign texts override field by field, per language", () => {
    const ru = resolveScanTexts({ outcome: "approved", campaign });
    expect(ru.statusMessage).toBe("+200 по акции «Зима»");
    expect(ru.alertTitle).toBe("Бонусы начислены");
    expect(resolveScanTexts({ outcome: "expired", locale: "en", campaign }).alertTitle).toBe("Sorry");
    expect(resolveScanTexts({ outcome: "expired", locale: "en", campaign }).alertMessage).toBe("The bonus period for this code has expired");
  });

  it("never uses campaign texts for a code that names no product", () => {
    const withUnparseable = { ...campaign, texts: { denied: { ru: { alertTitle: "X" } } } };
    expect(resolveScanTexts({ outcome: "unparseable", campaign: withUnparseable }).alertTitle).toBe("Ошибка");
  });

  it("picks the app language from the form data, Russian by default", () => {
    expect(appLocale(undefined)).toBe("ru");
    expect(appLocale({ locale: "en-US" })).toBe("en");
    expect(appLocale({ lang: "EN" })).toBe("en");
    expect(appLocale({ language: "de" })).toBe("ru");
    expect(appLocale(["en"])).toBe("ru");
  });
});

describe("Moscow calendar days", () => {
  it("converts days and instants at UTC+3", () => {
    expect(moscowDayStart("2026-01-01").toISOString()).toBe("2025-12-31T21:00:00.000Z");
    expect(moscowDayEnd("2026-01-01").toISOString()).toBe("2026-01-01T21:00:00.000Z");
    expect(startOfMoscowDay(new Date("2026-01-01T20:59:59Z")).toISOString()).toBe("2025-12-31T21:00:00.000Z");
    expect(startOfMoscowDay(new Date("2026-01-01T21:00:00Z")).toISOString()).toBe("2026-01-01T21:00:00.000Z");
    expect(moscowIsoDate(new Date("2026-01-01T21:30:00Z"))).toBe("2026-01-02");
    expect(moscowLastDay(moscowDayEnd("2026-01-31"))).toBe("2026-01-31");
  });
});

describe("phoneFromImshopUserId", () => {
  it.each([
    ["79991234567", "79991234567"],
    ["89991234567", "79991234567"],
    ["+79991234567", "79991234567"],
  ])("reads %s as a phone", (input, phone) => expect(phoneFromImshopUserId(input)).toBe(phone));
  it.each(["9991234567", "user-42", "59991234567", "799912345678", "+89991234567", "2cff9e9e-3d89-43de-98bf-b0d922233a62"])(
    "does not take %s for a phone",
    (input) => expect(phoneFromImshopUserId(input)).toBeNull(),
  );
});

describe("registerScanBodySchema", () => {
  it("keeps the fields IMSHOP sends and drops unknown ones", () => {
    const parsed = registerScanBodySchema.parse({ barcode: "x", userId: "u", timestamp: 5, data: { a: 1 }, key: "k", extra: true });
    expect(parsed).toEqual({ barcode: "x", userId: "u", timestamp: 5, data: { a: 1 } });
  });
});

describe("fillPoints", () => {
  it("makes the word for points agree with the number", () => {
    expect([1, 2, 5, 11, 21, 200].map((n) => fillPoints("Начислено {points} бонусов", n, "ru"))).toEqual([
      "Начислено 1 бонус",
      "Начислено 2 бонуса",
      "Начислено 5 бонусов",
      "Начислено 11 бонусов",
      "Начислено 21 бонус",
      "Начислено 200 бонусов",
    ]);
    expect(fillPoints("{points} points credited", 1, "en")).toBe("1 point credited");
    expect(fillPoints("{points} point credited", 3, "en")).toBe("3 points credited");
  });

  it("fills a bare placeholder and leaves other words alone", () => {
    expect(fillPoints("Бонусов: {points}. Бонусы начислены", 1, "ru")).toBe("Бонусов: 1. Бонусы начислены");
    expect(fillPoints("{points} бонусами", 2, "ru")).toBe("2 бонусами");
  });

  it("is used for the app texts", () => {
    expect(resolveScanTexts({ outcome: "approved", points: 1 }).statusMessage).toBe("Начислено 1 бонус");
  });
});

