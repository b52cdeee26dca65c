"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Modal } from "@/components/shell/modal";
import { searchAction } from "@/lib/search/search.actions";
import { SEARCH_KINDS, type SearchHit } from "@/lib/search/search.schema";

const GROUP = { client: "clients", order: "orders", scan: "scans", campaign: "campaigns" } as const;

/**
 * The header's search: Ctrl+K (⌘K) or the button opens it; a phone, an order number, a marking code,
 * a GTIN or a name finds the page, Enter opens the first (exact hits come first). The server ranks and
 * filters, so cmdk's own filtering is off.
 */
export function GlobalSearch() {
  const t = useTranslations("search");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [state, setState] = useState<"idle" | "searching" | "done" | "error">("idle");
  const asked = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Answers arrive out of order when typing fast: only the latest question's answer is shown.
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const n = ++asked.current;
    const timer = setTimeout(async () => {
      setState("searching");
      const res = await searchAction({ query: q });
      if (n !== asked.current) return;
      if (res.ok) {
        setHits(res.data);
        setState("done");
      } else setState("error");
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  const close = () => {
    setOpen(false);
    setQuery("");
    setHits([]);
    setState("idle");
  };
  const go = (href: string) => {
    close();
    router.push(href);
  };
  const short = query.trim().length < 2;

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-500 hover:bg-slate-50"
        aria-keyshortcuts="Control+K"
        data-testid="global-search-open"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4">
          <circle cx="9" cy="9" r="5.5" />
          <path d="M13 13l4 4" strokeLinecap="round" />
        </svg>
        {/* Read out at every width; shown from md up (the phone header has room for the icon only). */}
        <span className="sr-only md:not-sr-only">{t("open")}</span>
        <kbd className="hidden rounded border border-slate-200 px-1 font-mono text-[10px] lg:inline">{t("shortcut")}</kbd>
      </button>
      {open ? (
        <Modal title={t("title")} onClose={close} width="max-w-xl" testId="global-search">
          <Command shouldFilter={false} label={t("title")} className="space-y-2">
            <Command.Input
              autoFocus
              value={query}
              onValueChange={setQuery}
              placeholder={t("placeholder")}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20"
              data-testid="global-search-input"
            />
            <Command.List className="max-h-80 overflow-y-auto">
              {short ? <p className="px-2 py-3 text-sm text-slate-500">{t("hint")}</p> : null}
              {!short && state === "searching" && !hits.length ? <Command.Loading>{t("searching")}</Command.Loading> : null}
              {!short && state === "error" ? (
                <p role="alert" className="px-2 py-3 text-sm text-red-700">
                  {t("error")}
                </p>
              ) : null}
              {!short && state === "done" ? <Command.Empty className="px-2 py-3 text-sm text-slate-500">{t("empty")}</Command.Empty> : null}
              {short
                ? null
                : SEARCH_KINDS.map((kind) => {
                    const group = hits.filter((h) => h.kind === kind);
                    if (!group.length) return null;
                    return (
                      <Command.Group key={kind} heading={t(`groups.${GROUP[kind]}`)} className="py-1 text-xs text-slate-500 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1">
                        {group.map((h) => (
                          <Command.Item
                            key={`${h.kind}:${h.id}`}
                            value={`${h.kind}:${h.id}`}
                            onSelect={() => go(h.href)}
                            className="flex cursor-pointer flex-col rounded-md px-2 py-1.5 text-sm text-slate-900 data-[selected=true]:bg-brand-50"
                            data-testid="global-search-hit"
                            data-href={h.href}
                          >
                            <span className="truncate">{h.title}</span>
                            {h.detail || h.status ? (
                              <span className="truncate text-xs text-slate-500">
                                {h.status
                                  ? t("scanLine", { status: h.status, user: h.detail ?? "" })
                                  : h.kind === "campaign"
                                    ? t("campaignLine", { gtin: h.detail ?? "" })
                                    : h.detail}
                              </span>
                            ) : null}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    );
                  })}
            </Command.List>
          </Command>
        </Modal>
      ) : null}
    </>
  );
}
