import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/shell/badge";
import type { ScanStatus } from "@/lib/scans/scans.schema";

const TONE: Record<ScanStatus, BadgeTone> = { processing: "amber", approved: "green", denied: "red" };

export function ScanStatusBadge({ status }: { status: ScanStatus }) {
  const t = useTranslations("scans");
  return (
    <Badge tone={TONE[status]} testId="scan-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
