"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ui } from "@/components/shell/ui-classes";
import { BARCODE_TYPES, BARCODE_TYPE_IDS } from "@/lib/barcode-render/barcode-types";
import { createOfferAction, updateOfferAction } from "@/lib/offers/offers.actions";
import { PROMOCODE_MODES, TARGETINGS, type OfferRow } from "@/lib/offers/offers.schema";
import { BarcodePreview } from "./barcode-preview";

type Props = {
  mode: "create" | "edit";
  offer?: OfferRow;
  segments: { id: string; name: string }[];
  /** A code from the pool to preview a pool offer's barcode with. */
  sampleCode?: string | null;
};

type State = {
  id: string;
  name: string;
  description: string;
  promocodeMode: (typeof PROMOCODE_MODES)[number];
  promocode: string;
  barcodeType: string;
  online: boolean;
  offline: boolean;
  startsAt: string;
  expiresAt: string;
  targeting: (typeof TARGETINGS)[number];
  segmentIds: string[];
  active: boolean;
};

/** datetime-local works in the browser's time zone: ISO ⇄ "YYYY-MM-DDTHH:mm" local. */
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

export function OfferForm({ mode, offer, segments, sampleCode }: Props) {
  const t = useTranslations("offers");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [segmentFilter, setSegmentFilter] = useState("");
  const [previewText, setPreviewText] = useState(sampleCode ?? "");
  const [s, setS] = useState<State>(() => ({
    id: offer?.id ?? "",
    name: offer?.name ?? "",
    description: offer?.description ?? "",
    promocodeMode: offer?.promocodeMode ?? "shared",
    promocode: offer?.promocode ?? "",
    barcodeType: offer?.barcodeType ?? "code128",
    online: offer?.online ?? true,
    offline: offer?.offline ?? true,
    startsAt: toLocalInput(offer?.startsAt),
    expiresAt: toLocalInput(offer?.expiresAt),
    targeting: offer?.targeting ?? "everyone",
    segmentIds: offer?.segmentIds ?? [],
    active: offer?.active ?? true,
  }));
  const set = <K extends keyof State>(key: K, value: State[K]) => setS((prev) => ({ ...prev, [key]: value }));

  const visibleSegments = useMemo(() => {
    const q = segmentFilter.trim().toLowerCase();
    return q ? segments.filter((g) => g.id.toLowerCase().includes(q) || g.name.toLowerCase().includes(q) || s.segmentIds.includes(g.id)) : segments;
  }, [segments, segmentFilter, s.segmentIds]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...s,
      promocode: s.promocodeMode === "shared" ? s.promocode : null,
      startsAt: fromLocalInput(s.startsAt),
      expiresAt: fromLocalInput(s.expiresAt),
      segmentIds: s.targeting === "segments" ? s.segmentIds : [],
    };
    startTransition(async () => {
      const res = mode === "create" ? await createOfferAction(input) : await updateOfferAction(input);
      if (!res.ok) {
        setFields(res.fields ?? {});
        setMessage({ ok: false, text: res.error });
        return;
      }
      setFields({});
      if (mode === "create") {
        router.push(`/offers/${encodeURIComponent(res.data.id)}`);
      } else {
        setMessage({ ok: true, text: common("saved") });
        router.refresh();
      }
    });
  };

  const field = (name: string, label: string, control: ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`offer-${name}`} className={ui.label}>
        {label}
      </label>
      <div className="mt-1.5">{control}</div>
      {fields[name] ? (
        <p className={ui.fieldError} data-testid={`offer-error-${name}`}>
          {fields[name]}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
  const radio = <T extends string>(name: keyof State, value: T, label: string) => (
    <label key={value} className="inline-flex items-center gap-2 text-sm">
      <input type="radio" name={name} value={value} checked={s[name] === value} onChange={() => set(name, value as never)} data-testid={`offer-${name}-${value}`} />
      {label}
    </label>
  );
  const previewValue = s.promocodeMode === "shared" ? s.promocode : previewText;

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3" data-testid="offer-form">
      <div className={`${ui.card} space-y-4 p-5 lg:col-span-2`}>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? ui.alertSuccess : ui.alertError} data-testid="offer-form-message">
            {message.text}
          </p>
        ) : null}
        {field(
          "id",
          t("fields.id"),
          <input id="offer-id" value={s.id} onChange={(e) => set("id", e.target.value)} disabled={mode === "edit"} required maxLength={64} className={`${ui.input} font-mono`} aria-invalid={!!fields.id} />,
          t("hints.id"),
        )}
        {field("name", t("fields.name"), <input id="offer-name" value={s.name} onChange={(e) => set("name", e.target.value)} required maxLength={200} className={ui.input} aria-invalid={!!fields.name} />)}
        {field(
          "description",
          t("fields.description"),
          <textarea id="offer-description" value={s.description} onChange={(e) => set("description", e.target.value)} rows={3} maxLength={2000} className={ui.input} />,
        )}
        <fieldset className="space-y-2">
          <legend className={ui.label}>{t("fields.promocodeMode")}</legend>
          <div className="flex flex-wrap gap-4">{PROMOCODE_MODES.map((m) => radio("promocodeMode", m, t(`mode.${m}`)))}</div>
          <p className="text-xs text-slate-500">{t(`hints.mode.${s.promocodeMode}`)}</p>
        </fieldset>
        {s.promocodeMode === "shared"
          ? field(
              "promocode",
              t("fields.promocode"),
              <input id="offer-promocode" value={s.promocode} onChange={(e) => set("promocode", e.target.value)} maxLength={200} className={`${ui.input} font-mono`} aria-invalid={!!fields.promocode} />,
            )
          : null}
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            "barcodeType",
            t("fields.barcodeType"),
            <select id="offer-barcodeType" value={s.barcodeType} onChange={(e) => set("barcodeType", e.target.value)} className={ui.input}>
              {BARCODE_TYPE_IDS.map((type) => (
                <option key={type} value={type}>
                  {BARCODE_TYPES[type].label} ({type})
                </option>
              ))}
            </select>,
          )}
          <fieldset>
            <legend className={ui.label}>{t("fields.channels")}</legend>
            <div className="mt-2.5 flex gap-4">
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" checked={s.online} onChange={(e) => set("online", e.target.checked)} data-testid="offer-online" />
                {t("fields.online")}
              </label>
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" checked={s.offline} onChange={(e) => set("offline", e.target.checked)} data-testid="offer-offline" />
                {t("fields.offline")}
              </label>
            </div>
            {fields.online ? <p className={ui.fieldError}>{fields.online}</p> : null}
          </fieldset>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("startsAt", t("fields.startsAt"), <input id="offer-startsAt" type="datetime-local" value={s.startsAt} onChange={(e) => set("startsAt", e.target.value)} className={ui.input} />, t("hints.startsAt"))}
          {field("expiresAt", t("fields.expiresAt"), <input id="offer-expiresAt" type="datetime-local" value={s.expiresAt} onChange={(e) => set("expiresAt", e.target.value)} className={ui.input} aria-invalid={!!fields.expiresAt} />, t("hints.expiresAt"))}
        </div>
        <fieldset className="space-y-2">
          <legend className={ui.label}>{t("fields.targeting")}</legend>
          <div className="flex flex-wrap gap-4">{TARGETINGS.map((v) => radio("targeting", v, t(`targeting.${v}`)))}</div>
          {s.targeting === "users" ? <p className="text-xs text-slate-500">{t("hints.users")}</p> : null}
          {s.targeting === "segments" ? (
            <div className="space-y-2 rounded-md border border-slate-200 p-3">
              <input value={segmentFilter} onChange={(e) => setSegmentFilter(e.target.value)} placeholder={t("segmentSearch")} className={ui.input} />
              <div className="max-h-56 space-y-1 overflow-y-auto" data-testid="offer-segments">
                {visibleSegments.length === 0 ? <p className="text-sm text-slate-500">{t("noSegments")}</p> : null}
                {visibleSegments.map((g) => (
                  <label key={g.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      value={g.id}
                      checked={s.segmentIds.includes(g.id)}
                      onChange={(e) => set("segmentIds", e.target.checked ? [...s.segmentIds, g.id] : s.segmentIds.filter((x) => x !== g.id))}
                    />
                    <span>{g.name}</span>
                    <code className="font-mono text-xs text-slate-500">{g.id}</code>
                  </label>
                ))}
              </div>
              {fields.segmentIds ? <p className={ui.fieldError}>{fields.segmentIds}</p> : null}
            </div>
          ) : null}
        </fieldset>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s.active} onChange={(e) => set("active", e.target.checked)} data-testid="offer-active" />
          {t("fields.active")}
        </label>
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
          <button type="submit" disabled={pending} className={ui.buttonPrimary} data-testid="offer-form-submit">
            {mode === "create" ? common("create") : common("save")}
          </button>
        </div>
      </div>
      <aside className={`${ui.card} space-y-3 self-start p-5`}>
        <h2 className="text-sm font-semibold text-slate-900">{t("barcode.title")}</h2>
        {s.promocodeMode === "pool" ? (
          <input value={previewText} onChange={(e) => setPreviewText(e.target.value)} placeholder={t("barcode.sample")} className={`${ui.input} font-mono`} data-testid="offer-preview-text" />
        ) : null}
        <div className="flex min-h-24 items-center justify-center rounded-md bg-white p-2">
          <BarcodePreview type={s.barcodeType} text={previewValue} />
        </div>
        <p className="text-xs text-slate-500">{t("barcode.hint")}</p>
      </aside>
    </form>
  );
}
