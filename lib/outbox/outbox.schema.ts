import { z } from "zod";

export const DELIVERY_KINDS = ["scan_status", "order_status"] as const;
export const DELIVERY_STATES = ["pending", "delivered", "failed", "dead", "superseded"] as const;
/** `failing` is a view, not a state: pending deliveries that have already been refused at least once. */
export const DELIVERY_STATE_FILTERS = [...DELIVERY_STATES, "failing"] as const;

export const deliveryListFilters = z.object({
  state: z.enum(DELIVERY_STATE_FILTERS),
  kind: z.enum(DELIVERY_KINDS),
  entityId: z.string().trim().min(1).max(200),
});
export type DeliveryListFilters = Partial<z.infer<typeof deliveryListFilters>>;

export const replayDeliverySchema = z.object({ id: z.string().trim().min(1).max(100) });

/** Replays every dead letter matching the list's filters (state is implied: dead). */
export const replayDeadSchema = z.object({
  kind: z.enum(DELIVERY_KINDS).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
});

export const circuitModeSchema = z.object({ kind: z.enum(DELIVERY_KINDS), mode: z.enum(["paused", "closed"]) });

export type DeliveryRow = {
  id: string;
  kind: (typeof DELIVERY_KINDS)[number];
  entityId: string;
  entityVersion: number;
  state: (typeof DELIVERY_STATES)[number];
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** The order number or scan code with its page; null when the entity is gone (or on the detail page). */
  subject?: { label: string; href: string } | null;
};

export type AttemptRow = {
  id: string;
  attemptNo: number;
  url: string;
  requestBody: string;
  responseStatus: number | null;
  responseBody: string | null;
  latencyMs: number;
  error: string | null;
  startedAt: string;
};

export type CircuitRow = {
  kind: (typeof DELIVERY_KINDS)[number];
  mode: "closed" | "open" | "half_open" | "paused";
  consecutiveFailures: number;
  openedAt: string | null;
  probeAt: string | null;
  lastError: string | null;
  configAlert: string | null;
};
