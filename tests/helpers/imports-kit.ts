// Set-up shared by the import tests: upload a file through the API route, run its job in-process (as the
// worker's `import` task does), read the answers.
import { prisma } from "@/lib/db";
import { runImport } from "@/lib/imports/run-import";
import { GET as statusRoute, POST as uploadRoute } from "@/app/api/imports/[ref]/route";
import { GET as errorsRoute } from "@/app/api/imports/[ref]/errors/route";
import { callRoute } from "@/tests/helpers/call-route";
import { makeApiKey } from "@/tests/helpers/loyalty-kit";

export async function importsKey(): Promise<string> {
  return (await makeApiKey({ scopes: ["imports"] })).value;
}

/** POST /api/imports/{kind} with the file as the body (a string, or bytes for other encodings). */
export async function upload(key: string, kind: string, file: string | Uint8Array, query = "", headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/imports/${kind}${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", apikey: key, ...headers },
    body: file as BodyInit,
  });
  const res = await uploadRoute(req, { params: Promise.resolve({ ref: kind }) });
  return { status: res.status, json: await res.json() };
}

export const status = (key: string, id: string) =>
  callRoute(statusRoute, { method: "GET", url: `http://localhost/api/imports/${id}`, params: { ref: id }, headers: { apikey: key } });

export const errorReport = (key: string, id: string, language = "ru") =>
  callRoute(errorsRoute, { method: "GET", url: `http://localhost/api/imports/${id}/errors`, params: { ref: id }, headers: { apikey: key, "accept-language": language } });

/** Uploads, runs the job to its end, and answers GET /api/imports/{id}. */
export async function importNow(key: string, kind: string, file: string | Uint8Array, query = "", batchRows?: number) {
  const up = await upload(key, kind, file, query);
  if (up.status !== 202) throw new Error(`upload refused: ${up.status} ${JSON.stringify(up.json)}`);
  await runImport({ importId: up.json.id, batchRows });
  return (await status(key, up.json.id)).json;
}

/** Rows that say something was half-written: imports and their stored chunks. */
export async function storedCounts() {
  return { imports: await prisma.import.count(), chunks: await prisma.importChunk.count(), errors: await prisma.importError.count() };
}
