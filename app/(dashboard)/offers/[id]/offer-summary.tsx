import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";
import { BARCODE_TYPES, isBarcodeType } from "@/lib/barcode-render/barcode-types";
import type { OfferRow } from "@/lib/offers/offers.schema";
import { BarcodePreview } from "../barcode-preview";
import { formatDateTime } from "@/lib/format/date-format";

/** The read-only view of an offer, for staff. */
export function OfferSummary({ offer }: { offer: OfferRow }) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const format = useFormatter();
  const dash = <span className="text-slate-500">—</span>;
  const date = (iso: string | null) => (iso ? formatDateTime(format, iso) : dash);
  const facts: [string, ReactNode][] = [
    [t("fields.description"), offer.description || dash],
    [t("fields.promocodeMode"), t(`mode.${offer.promocodeMode}`)],
    [t("fields.promocode"), offer.promocode ? <code className="font-mono">{offer.promocode}</code> : dash],
    [t("fields.barcodeType"), isBarcodeType(offer.barcodeType) ? BARCODE_TYPES[offer.barcodeType].label : offer.barcodeType],
    [t("fields.online"), offer.online ? common("yes") : common("no")],
    [t("fields.offline"), offer.offline ? common("yes") : common("no")],
    [t("fields.startsAt"), date(offer.startsAt)],
    [t("fields.expiresAt"), date(offer.expiresAt)],
    [t("fields.targeting"), `${t(`targeting.${offer.targeting}`)}${offer.targeting === "segments" ? `: ${offer.segmentIds.join(", ")}` : ""}`],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3" data-testid="offer-summary">
      <section className={`${ui.card} p-5 lg:col-span-2`}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {offer.promocode ? (
        <aside className={`${ui.card} flex items-center justify-center p-5`}>
          <BarcodePreview type={offer.barcodeType} text={offer.promocode} />
        </aside>
      ) : null}
    </div>
  );
}
