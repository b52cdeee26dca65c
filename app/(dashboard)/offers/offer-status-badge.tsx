import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import type { OfferStatus } from "@/lib/offers/offers.schema";

const TONE: Record<OfferStatus, BadgeTone> = { current: "green", scheduled: "blue", expired: "amber", inactive: "gray" };

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const t = useTranslations("offers");
  return (
    <Badge tone={TONE[status]} testId="offer-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
