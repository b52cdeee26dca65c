import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { documentPath, openApiDocument } from "@/lib/openapi/build-document";
import { ENDPOINTS } from "@/lib/openapi/endpoints";

// Checks every answer a test receives from a documented route against the OpenAPI document, so the
// document cannot drift from what the routes really send. Used by callRoute (tests/helpers/call-route.ts).

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

type Key = { path: string; method: string };
let byHandler: Map<unknown, Key> | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Handler function → its documented path, found by loading each documented route module. */
async function handlers(): Promise<Map<unknown, Key>> {
  if (byHandler) return byHandler;
  const map = new Map<unknown, Key>();
  for (const e of ENDPOINTS) {
    const mod = (await import(/* @vite-ignore */ `@/app${e.path}/route`)) as Record<string, unknown>;
    const handler = mod[e.method.toUpperCase()];
    if (handler) map.set(handler, { path: e.path, method: e.method });
  }
  return (byHandler = map);
}

/** Throws when `status`/`body` is not what the document says `handler` answers; silent for undocumented handlers. */
export async function checkAnswerAgainstDocument(handler: unknown, status: number, contentType: string | null, body: unknown): Promise<void> {
  const key = (await handlers()).get(handler);
  if (!key) return;
  const op = openApiDocument().paths[documentPath(key.path)]?.[key.method];
  const res = op?.responses[String(status)] ?? op?.responses.default;
  const where = `${key.method.toUpperCase()} ${key.path} → ${status}`;
  if (!res) throw new Error(`OpenAPI: ${where} is not documented`);
  const type = (contentType ?? "").split(";")[0].trim();
  const media = res.content?.[type];
  if (!media) throw new Error(`OpenAPI: ${where} answered ${type || "no content type"}, documented: ${Object.keys(res.content ?? {}).join(", ")}`);
  if (!media.schema || type !== "application/json") return;
  const id = `${key.method} ${key.path} ${status in op.responses ? status : "default"}`;
  let validate = compiled.get(id);
  if (!validate) compiled.set(id, (validate = ajv.compile(media.schema)));
  if (!validate(body)) {
    throw new Error(`OpenAPI: ${where} answer does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}
