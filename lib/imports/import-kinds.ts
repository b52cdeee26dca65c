import type { ImportKind } from "@/lib/generated/prisma/client";

// The kinds as the API and the page spell them (`offer-codes`), and as the database stores them.

export const IMPORT_KIND_SLUGS = ["clients", "offer-codes", "offer-users", "campaign-gtins"] as const;
export type ImportKindSlug = (typeof IMPORT_KIND_SLUGS)[number];

const TO_KIND: Record<ImportKindSlug, ImportKind> = {
  clients: "clients",
  "offer-codes": "offer_codes",
  "offer-users": "offer_users",
  "campaign-gtins": "campaign_gtins",
};

export const isImportKindSlug = (v: unknown): v is ImportKindSlug => typeof v === "string" && (IMPORT_KIND_SLUGS as readonly string[]).includes(v);
export const kindOfSlug = (slug: ImportKindSlug): ImportKind => TO_KIND[slug];
export const slugOfKind = (kind: ImportKind): ImportKindSlug => IMPORT_KIND_SLUGS.find((s) => TO_KIND[s] === kind)!;

/** Which kinds write into an offer or a campaign, named by the `target` query parameter. */
export const TARGET_OF: Record<ImportKind, "offer" | "campaign" | null> = {
  clients: null,
  offer_codes: "offer",
  offer_users: "offer",
  campaign_gtins: "campaign",
};
