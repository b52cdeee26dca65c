"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import type { DeliveryRow } from "@/lib/outbox/outbox.schema";

const TONE: Record<DeliveryRow["state"], BadgeTone> = {
  pending: "blue",
  delivered: "green",
  failed: "red",
  dead: "red",
  superseded: "gray",
};

/** A pending delivery that has already been refused shows as "retrying". */
export function DeliveryStateBadge({ state, attempts }: { state: DeliveryRow["state"]; attempts: number }) {
  const t = useTranslations("deliveries");
  const failing = state === "pending" && attempts > 0;
  return (
    <Badge tone={failing ? "amber" : TONE[state]} testId="delivery-state">
      {t(`states.${failing ? "failing" : state}`)}
    </Badge>
  );
}
