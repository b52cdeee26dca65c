import type { Page } from "@playwright/test";

/** Below Tailwind's lg breakpoint the sidebar is hidden and the menu is a drawer. */
export const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1440) < 1024;
