import { describe, expect, it } from "vitest";
import { hasRole } from "@/lib/auth/roles";

describe("hasRole", () => {
  it("lets admins do everything staff can", () => {
    expect(hasRole({ role: "admin" }, "staff")).toBe(true);
    expect(hasRole({ role: "admin" }, "admin")).toBe(true);
  });

  it("keeps staff out of admin areas", () => {
    expect(hasRole({ role: "staff" }, "staff")).toBe(true);
    expect(hasRole({ role: "staff" }, "admin")).toBe(false);
  });

  it("refuses a role it does not know", () => {
    expect(hasRole({ role: "guest" as never }, "staff")).toBe(false);
  });
});
