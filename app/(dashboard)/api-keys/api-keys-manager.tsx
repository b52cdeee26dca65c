"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/shell/badge";
import { Modal } from "@/components/shell/modal";
import { ui } from "@/components/shell/ui-classes";
import type { ApiKeyRow } from "@/lib/api-keys/api-keys.queries";
import { revokeApiKeyAction } from "@/lib/api-keys/api-keys.actions";
import type { Option } from "@/lib/loyalty/loyalty.queries";
import { FormError, useActionSubmit } from "../loyalty/form-bits";
import { PlainTable } from "../loyalty/plain-table";
import { ApiKeyForm } from "./api-key-form";
import { formatDateTime } from "@/lib/format/date-format";

export function ApiKeysManager({ keys, points }: { keys: ApiKeyRow[]; points: Option[] }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const format = useFormatter();
  const [editing, setEditing] = useState<ApiKeyRow | "new" | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(format, iso) : t("apiKeys.never"));
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <button type="button" className={ui.buttonPrimary} onClick={() => setEditing("new")} data-testid="apikey-create-open">
          {t("apiKeys.new")}
        </button>
      </div>
      <PlainTable
        testId="apikeys-table"
        rows={keys}
        emptyText={t("apiKeys.empty")}
        columns={[
          {
            key: "name",
            header: t("apiKeys.name"),
            cell: (k) => (
              <div>
                <p className="font-medium text-slate-900">{k.name}</p>
                <code className="text-xs text-slate-500">{k.prefix}…</code>
              </div>
            ),
          },
          { key: "scopes", header: t("apiKeys.scopes"), cell: (k) => <div className="flex flex-wrap gap-1">{k.scopes.map((s) => <Badge key={s}>{t(`apiKeys.scopeNames.${s}`)}</Badge>)}</div> },
          { key: "points", header: t("apiKeys.points"), cell: (k) => (k.points.length ? k.points.map((p) => p.name).join(", ") : t("apiKeys.allPoints")) },
          { key: "created", header: common("createdAt"), cell: (k) => <span className="whitespace-nowrap">{when(k.createdAt)}{k.createdBy ? <span className="block text-xs text-slate-500">{k.createdBy}</span> : null}</span> },
          { key: "lastUsed", header: t("apiKeys.lastUsed"), cell: (k) => <span className="whitespace-nowrap">{when(k.lastUsedAt)}</span> },
          {
            key: "status",
            header: t("apiKeys.status"),
            cell: (k) => <Badge tone={k.revokedAt ? "red" : "green"}>{k.revokedAt ? t("apiKeys.revokedAt", { date: when(k.revokedAt) }) : t("apiKeys.active")}</Badge>,
          },
          {
            key: "actions",
            header: <span className="sr-only">{common("actions")}</span>,
            cell: (k) =>
              k.revokedAt ? null : (
                <div className="flex justify-end gap-1.5">
                  <button type="button" className={`${ui.buttonSecondary} ${ui.buttonSmall}`} onClick={() => setEditing(k)}>
                    {common("edit")}
                  </button>
                  <button type="button" className={`${ui.buttonDanger} ${ui.buttonSmall}`} onClick={() => setRevoking(k)} data-testid="apikey-revoke">
                    {t("apiKeys.revoke")}
                  </button>
                </div>
              ),
          },
        ]}
      />
      {editing ? (
        <Modal title={editing === "new" ? t("apiKeys.new") : t("apiKeys.edit")} onClose={() => setEditing(null)} testId="apikey-dialog" width="max-w-lg">
          <ApiKeyForm apiKey={editing === "new" ? null : editing} points={points} onClose={() => setEditing(null)} />
        </Modal>
      ) : null}
      {revoking ? <RevokeDialog apiKey={revoking} onDone={() => setRevoking(null)} /> : null}
    </div>
  );
}

function RevokeDialog({ apiKey, onDone }: { apiKey: ApiKeyRow; onDone: () => void }) {
  const t = useTranslations("loyalty");
  const common = useTranslations("common");
  const { pending, error, submit } = useActionSubmit(onDone, []);
  return (
    <Modal title={t("apiKeys.revokeTitle")} onClose={onDone}>
      <p className="text-sm text-slate-600">{t("apiKeys.revokeText", { name: apiKey.name })}</p>
      <div className="mt-4">
        <FormError error={error} />
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={ui.buttonSecondary} onClick={onDone}>
          {common("cancel")}
        </button>
        <button type="button" disabled={pending} className={ui.buttonDanger} onClick={() => submit(() => revokeApiKeyAction({ id: apiKey.id }))} data-testid="apikey-revoke-confirm">
          {t("apiKeys.revoke")}
        </button>
      </div>
    </Modal>
  );
}
