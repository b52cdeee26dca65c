import { describe, expect, it } from "vitest";
import { buildNav } from "@/components/shell/nav-sections";
import { NAV_ITEMS } from "@/components/shell/nav-items";

const t = { nav: (k: string) => `nav.${k}`, common: (k: string) => `common.${k}`, home: "ui.home" };
const hrefs = (role: "staff" | "admin") => buildNav({ role }, t).flatMap((s) => s.links.map((l) => l.href));

describe("buildNav", () => {
  it("shows admins every area exactly once", () => {
    expect(hrefs("admin").sort()).toEqual(["/", ...NAV_ITEMS.map((i) => i.href)].sort());
  });

  it("hides admin-only areas from staff", () => {
    const staff = hrefs("staff");
    for (const item of NAV_ITEMS) expect(staff.includes(item.href)).toBe(item.role === "staff");
    expect(staff[0]).toBe("/");
    expect(staff).not.toContain("/users");
    expect(staff).not.toContain("/audit");
  });

  it("translates labels and drops empty sections", () => {
    const sections = buildNav({ role: "staff" }, t);
    expect(sections.every((s) => s.links.length > 0)).toBe(true);
    expect(sections[0].links).toEqual([{ href: "/", label: "ui.home" }]);
    expect(sections[1].links[0]).toEqual({ href: "/scans", label: "nav.scans" });
    expect(sections.map((s) => s.title)).not.toContain("common.navSectionAdmin");
  });
});
