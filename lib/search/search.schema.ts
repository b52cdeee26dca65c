import { z } from "zod";

/** The header's search box: whatever staff type or paste (a phone, an order number, a code, a name). */
export const searchSchema = z.object({
  query: z.string().trim().min(2, "At least 2 characters").max(8192, "At most 8192 characters"),
});

export const SEARCH_KINDS = ["client", "order", "scan", "campaign"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One answer: where it leads and what the list shows; `exact` hits (a whole phone, number or code) come first. */
export type SearchHit = {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string | null;
  /** A scan's status, which the list words in the user's language. */
  status?: "processing" | "approved" | "denied";
  href: string;
  exact: boolean;
};
