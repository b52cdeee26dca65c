import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { AppError } from "@/lib/http/app-error";
import { route } from "@/lib/http/route";
import { createImport } from "@/lib/imports/create-import";
import { findImport } from "@/lib/imports/imports.queries";
import { importIdSchema } from "@/lib/imports/imports.schema";
import { readUploadRequest } from "@/lib/imports/read-upload";

// One path segment for both: POST names the kind (/api/imports/clients), GET an import's id.
const auth = (req: Request) => authenticateApiKey(req, { scope: "imports" });

/** An ERP uploads a CSV file as the body; it is stored and imported in the background. */
export const POST = route({ auth }, async ({ req, params, auth, requestId }) => {
  const upload = readUploadRequest(req, params.ref);
  const created = await createImport({ ...upload, fileName: req.headers.get("x-file-name"), actor: { id: null, label: `API key: ${auth.name}` }, requestId });
  return NextResponse.json(created, { status: 202, headers: { location: `/api/imports/${created.id}` } });
});

export const GET = route({ auth }, async ({ params }) => {
  const id = importIdSchema.safeParse(params.ref);
  const job = id.success ? await findImport(id.data) : null;
  if (!job) throw new AppError("not_found", "Import not found");
  const { id: jobId, kind, state, total, processed, created, updated, failed, rowsPerSecond, secondsLeft, failure, startedAt, finishedAt } = job;
  return { id: jobId, kind, state, total, processed, created, updated, failed, rowsPerSecond, secondsLeft, failure, startedAt, finishedAt };
});
