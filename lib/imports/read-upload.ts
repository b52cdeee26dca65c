import { zodFields } from "@/lib/http/zod-fields";
import { AppError } from "@/lib/http/app-error";
import { isImportKindSlug, IMPORT_KIND_SLUGS, type ImportKindSlug } from "@/lib/imports/import-kinds";
import { importQuerySchema } from "@/lib/imports/imports.schema";

/**
 * The parts of an upload request both the API and the page send: the kind (a path segment or `kind`
 * parameter), `target` and `replace`, and a CSV body. Refuses, naming the problem, before anything is stored.
 */
export function readUploadRequest(req: Request, kind: unknown) {
  if (!isImportKindSlug(kind)) {
    throw new AppError("not_found", `Unknown import kind "${String(kind)}": one of ${IMPORT_KIND_SLUGS.join(", ")}`, { fields: { kind: `One of ${IMPORT_KIND_SLUGS.join(", ")}` } });
  }
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  // text/csv is also what keeps a browser on another site from posting here without asking (CORS preflight).
  if (type !== "text/csv") throw new AppError("unsupported_media_type", "Send the file as the body with Content-Type: text/csv", { fields: { body: "Content-Type must be text/csv" } });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const query = importQuerySchema.safeParse(params);
  if (!query.success) throw new AppError("validation", "Query parameters failed validation", { fields: zodFields(query.error) });
  if (!req.body) throw new AppError("validation", "The file is empty", { fields: { body: "Empty" } });
  const body = req.body as unknown as AsyncIterable<Uint8Array>;
  return { kind: kind as ImportKindSlug, targetId: query.data.target ?? null, replace: query.data.replace, body };
}
