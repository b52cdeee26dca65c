import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { documentPath, openApiDocument } from "@/lib/openapi/build-document";
import { ENDPOINTS } from "@/lib/openapi/endpoints";
import { EndpointView } from "./endpoint-view";

// The API reference, rendered on the server from the same OpenAPI document /api/openapi.json serves:
// public (integrators have no dashboard account), nothing loaded from another origin, no client script
// of its own and no inline styles (it works under a nonce-based CSP). Endpoint texts are the document's.

export async function generateMetadata() {
  const t = await getTranslations("docs");
  return { title: t("title") };
}

export default async function DocsPage() {
  const t = await getTranslations("docs");
  const doc = openApiDocument();
  const tags = doc.tags.filter((tag) => ENDPOINTS.some((e) => e.tag === tag.name));
  const labels = {
    authentication: t("authentication"),
    headers: t("headers"),
    requestBody: t("requestBody"),
    responses: t("responses"),
    example: t("example"),
    required: t("required"),
    optional: t("optional"),
    anyStatus: t("anyStatus"),
    noBody: t("noBody"),
    or: t("or"),
  };
  return (
    <main className="mx-auto max-w-5xl px-4 py-8" data-testid="api-docs">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
          <p className="mt-1 text-xs text-slate-400">
            {t("documentVersion", { title: String(doc.info.title), version: String(doc.info.version), openapi: doc.openapi })}
          </p>
        </div>
        <div className="flex gap-3 text-sm">
          <a href="/api/openapi.json" className="font-medium text-brand-700 hover:underline" data-testid="openapi-download">
            {t("download")}
          </a>
          <Link href="/" className="text-slate-600 hover:underline">
            {t("backToDashboard")}
          </Link>
        </div>
      </div>
      <nav className="mb-8 rounded-xl border border-slate-200 bg-slate-50 p-4" aria-label={t("contents")}>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("contents")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {tags.map((tag) => (
            <div key={tag.name}>
              <a href={`#${slug(tag.name)}`} className="text-sm font-medium text-slate-800 hover:underline">
                {tag.name}
              </a>
              <ul className="mt-1 space-y-0.5">
                {ENDPOINTS.filter((e) => e.tag === tag.name).map((e) => (
                  <li key={`${e.method} ${e.path}`}>
                    <a href={`#${doc.paths[documentPath(e.path)][e.method].operationId}`} className="font-mono text-xs text-brand-700 hover:underline">
                      {e.method.toUpperCase()} {documentPath(e.path)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </nav>
      {tags.map((tag) => (
        <section key={tag.name} id={slug(tag.name)} className="mb-10 scroll-mt-6">
          <h2 className="text-lg font-semibold text-slate-900">{tag.name}</h2>
          <p className="mb-4 text-sm text-slate-600">{tag.description}</p>
          <div className="space-y-4">
            {ENDPOINTS.filter((e) => e.tag === tag.name).map((e) => (
              <EndpointView
                key={`${e.method} ${e.path}`}
                endpoint={e}
                op={doc.paths[documentPath(e.path)][e.method]}
                labels={{ ...labels, auth: t(`auth.${e.auth}`, { scope: e.scope ?? "" }) }}
              />
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
