import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import DashboardError from "@/app/(dashboard)/error";
import en from "@/messages/en/ui.json";
import ru from "@/messages/ru/ui.json";

const render = (locale: "ru" | "en", messages: typeof en) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // children is passed as the third argument; the cast only tells TypeScript so.
      { locale, messages: { ui: messages }, timeZone: "Europe/Moscow" } as unknown as ComponentProps<typeof NextIntlClientProvider>,
      createElement(DashboardError, { error: Object.assign(new Error("boom"), { digest: "4242" }), reset: () => undefined }),
    ),
  );

describe("the dashboard's error page", () => {
  it("speaks the user's language, never Next's English default, and shows the logged reference", () => {
    const russian = render("ru", ru);
    expect(russian).toContain(ru.errorTitle);
    expect(russian).toContain("Код: 4242");
    expect(russian).toContain(ru.retry);
    expect(russian).not.toContain("boom");
    const english = render("en", en);
    expect(english).toContain(en.errorTitle);
    expect(english).toContain("Reference: 4242");
  });
});
