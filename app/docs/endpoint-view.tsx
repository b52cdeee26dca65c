import { documentPath, type Operation } from "@/lib/openapi/build-document";
import type { Endpoint } from "@/lib/openapi/endpoint";
import { SchemaView } from "./schema-view";

export type EndpointLabels = {
  authentication: string;
  auth: string;
  headers: string;
  requestBody: string;
  responses: string;
  example: string;
  required: string;
  optional: string;
  anyStatus: string;
  noBody: string;
  or: string;
};

const METHOD_CLASS: Record<string, string> = {
  post: "bg-emerald-100 text-emerald-800",
  get: "bg-sky-100 text-sky-800",
};

function Example({ value, label }: { value: unknown; label: string }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-medium text-slate-600">{label}</summary>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

/** One endpoint of the reference: method and path, what it does, who may call, the body, every answer. */
export function EndpointView({ endpoint, op, labels }: { endpoint: Endpoint; op: Operation; labels: EndpointLabels }) {
  const body = op.requestBody?.content[endpoint.request?.contentType ?? "application/json"];
  const fieldLabels = { required: labels.required, optional: labels.optional, or: labels.or };
  return (
    <article id={op.operationId} className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="docs-endpoint">
      <h3 className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_CLASS[endpoint.method] ?? ""}`}>{endpoint.method}</span>
        <code className="font-mono text-sm font-semibold text-slate-900">{documentPath(endpoint.path)}</code>
      </h3>
      <p className="mt-2 text-sm font-medium text-slate-800">{op.summary}</p>
      {op.description ? <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{op.description}</p> : null}
      <p className="mt-3 text-xs text-slate-600">
        <span className="font-semibold">{labels.authentication}:</span> {labels.auth}
      </p>
      {op.parameters?.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{labels.headers}</h4>
          {(op.parameters as { name: string; description?: string }[]).map((p) => (
            <p key={p.name} className="text-sm">
              <code className="font-mono font-semibold">{p.name}</code> <span className="text-xs text-slate-400">{labels.optional}</span>
              {p.description ? <span className="block text-xs text-slate-600">{p.description}</span> : null}
            </p>
          ))}
        </div>
      ) : null}
      <div className="mt-4">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{labels.requestBody}</h4>
        {body ? (
          <>
            <SchemaView schema={body.schema} labels={fieldLabels} />
            {body.example !== undefined ? <Example value={body.example} label={labels.example} /> : null}
          </>
        ) : (
          <p className="text-sm text-slate-500">{labels.noBody}</p>
        )}
      </div>
      <div className="mt-4">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{labels.responses}</h4>
        <ul className="space-y-2">
          {Object.entries(op.responses).map(([status, res]) => {
            const [type, media] = Object.entries(res.content ?? {})[0] ?? [];
            return (
              <li key={status} className="rounded-md border border-slate-100 p-2">
                <details open={status.startsWith("2")}>
                  <summary className="cursor-pointer text-sm">
                    <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-amber-700"}`}>
                      {status === "default" ? labels.anyStatus : status}
                    </span>{" "}
                    <span className="text-slate-700">{res.description}</span>
                    {type ? <span className="ml-2 font-mono text-xs text-slate-400">{type}</span> : null}
                  </summary>
                  {media?.schema ? (
                    <div className="mt-2">
                      <SchemaView schema={media.schema} labels={fieldLabels} />
                    </div>
                  ) : null}
                  {media?.example !== undefined ? <Example value={media.example} label={labels.example} /> : null}
                </details>
              </li>
            );
          })}
        </ul>
      </div>
    </article>
  );
}
