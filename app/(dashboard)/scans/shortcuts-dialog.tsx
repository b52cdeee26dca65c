"use client";

import { useTranslations } from "next-intl";
import { Modal } from "@/components/shell/modal";

const KEYS = [
  ["J", "next"],
  ["K", "prev"],
  ["A", "approve"],
  ["D", "deny"],
  ["X", "select"],
  ["?", "help"],
] as const;

/** The list of the queue's keyboard shortcuts, opened with "?". */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("scans");
  return (
    <Modal title={t("shortcuts.title")} onClose={onClose} testId="shortcuts-dialog">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        {KEYS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd className="text-slate-700">{t(`shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
