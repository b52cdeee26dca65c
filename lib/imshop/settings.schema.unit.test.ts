import { describe, expect, it } from "vitest";
import { durationForForm, imshopSettingsFormSchema } from "@/lib/imshop/settings.schema";

const form = { scanStatusUrl: "", timeoutSeconds: "10", backoffBaseSeconds: "2", backoffMaxMinutes: "60", circuitProbeAfterSeconds: "60", maxAttempts: "12" };

describe("the IMSHOP settings form's durations", () => {
  it("arrive in seconds and minutes and leave as the stored milliseconds, other fields untouched", () => {
    expect(imshopSettingsFormSchema.parse({ ...form, timeoutSeconds: "7.5" })).toEqual({
      scanStatusUrl: "",
      maxAttempts: "12",
      timeoutMs: 7500,
      backoffBaseMs: 2000,
      backoffMaxMs: 3_600_000,
      circuitProbeAfterMs: 60_000,
    });
  });

  it("name the form's own field when a value is out of range or not a number", () => {
    const tooShort = imshopSettingsFormSchema.safeParse({ ...form, timeoutSeconds: "0" });
    expect(tooShort.error?.issues.map((i) => i.path.join("."))).toEqual(["timeoutSeconds"]);
    const text = imshopSettingsFormSchema.safeParse({ ...form, backoffBaseSeconds: "soon" });
    expect(text.error?.issues.map((i) => i.path.join("."))).toEqual(["backoffBaseSeconds"]);
  });

  it("refuse a longest pause shorter than the first, on the longest pause's field", () => {
    const r = imshopSettingsFormSchema.safeParse({ ...form, backoffBaseSeconds: "120", backoffMaxMinutes: "1" });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["backoffMaxMinutes"]);
  });

  it("show stored milliseconds in the form's units", () => {
    expect(durationForForm(10_000, "timeoutSeconds")).toBe(10);
    expect(durationForForm(3_600_000, "backoffMaxMinutes")).toBe(60);
    expect(durationForForm(1234, "backoffBaseSeconds")).toBe(1.234);
  });
});
