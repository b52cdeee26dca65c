"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * The barcode as the till will scan it, drawn on the server by bwip-js (the same encoder that checks
 * codes on save). Follows typing with a short delay; when the text cannot be drawn, shows why.
 */
export function BarcodePreview({ type, text }: { type: string; text: string }) {
  const t = useTranslations("offers");
  const [src, setSrc] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ src: string; message: string } | null>(null);

  useEffect(() => {
    const next = text.trim() ? `/offers/barcode?${new URLSearchParams({ type, text: text.trim() })}` : null;
    const timer = setTimeout(() => setSrc(next), 250);
    return () => clearTimeout(timer);
  }, [type, text]);

  const onError = async () => {
    if (!src) return;
    const failed = src;
    const res = await fetch(failed).catch(() => null);
    const body = res ? await res.json().catch(() => null) : null;
    setProblem({ src: failed, message: body?.error?.fields?.text ?? body?.error?.message ?? t("barcode.failed") });
  };

  if (!src) return <p className="text-sm text-slate-500">{t("barcode.empty")}</p>;
  if (problem?.src === src) {
    return (
      <p className="text-sm text-red-600" role="alert" data-testid="barcode-problem">
        {t("barcode.invalid")}: {problem.message}
      </p>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by our own route; next/image adds nothing here
    <img src={src} alt={t("barcode.alt", { text })} onError={onError} className="max-h-48 max-w-full" data-testid="barcode-preview" />
  );
}
