import { useTranslations } from "next-intl";
import { decodeErrorMessage } from "@/lib/barcode/decode-error-message";
import type { ScanDetail } from "@/lib/scans/scan-detail.queries";

const SUMMARY_KEYS = ["expiry", "productionDate", "batch", "netWeightKg", "priceKopecks", "cryptoKeyId", "cryptoTail"] as const;

/** The GS1 elements of a marking code, as parsed at registration. */
export function DecodedCode({ decoded }: { decoded: ScanDetail["decoded"] }) {
  const t = useTranslations("scans");
  const summary = decoded.summary as Record<string, string | number | undefined>;
  const shown = SUMMARY_KEYS.filter((k) => summary[k] !== undefined);
  const decodeErrorText = (error: string) => {
    const known = decodeErrorMessage(error);
    return known ? t(`detail.decodeErrors.${known.key}` as "detail.decodeErrors.aiLength", known.values as { ai: string; length: string }) : error;
  };
  return (
    <div data-testid="scan-decoded">
      <h3 className="mb-2 mt-6 text-sm font-semibold text-slate-900">{t("detail.decoded")}</h3>
      {decoded.error ? (
        <p className="mb-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("detail.decodeError")}: {decodeErrorText(decoded.error)}
        </p>
      ) : null}
      {decoded.separatorsInferred ? <p className="mb-2 text-xs text-amber-700">{t("detail.separatorsInferred")}</p> : null}
      {decoded.symbology ? (
        <p className="mb-2 text-xs text-slate-500">
          {t("detail.symbology")}: <code>{decoded.symbology}</code>
        </p>
      ) : null}
      {decoded.elements.length ? (
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 pr-4 font-medium">{t("detail.ai")}</th>
              <th className="py-1 pr-4 font-medium">{t("detail.element")}</th>
              <th className="py-1 font-medium">{t("detail.value")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {decoded.elements.map((e, i) => (
              <tr key={`${e.ai}-${i}`}>
                <td className="py-1 pr-4 font-mono text-xs text-slate-500">{e.ai ? `(${e.ai})` : ""}</td>
                <td className="py-1 pr-4 text-slate-700">{t.has(`detail.gs1.${e.name}`) ? t(`detail.gs1.${e.name}` as "detail.gs1.gtin") : e.name}</td>
                <td className="break-all py-1 font-mono text-xs text-slate-900">{e.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t("detail.noElements")}</p>
      )}
      {shown.length ? (
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {shown.map((k) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{t(`detail.summary.${k}`)}</dt>
              <dd className="text-slate-900">{k === "priceKopecks" ? (Number(summary[k]) / 100).toFixed(2) : String(summary[k])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
