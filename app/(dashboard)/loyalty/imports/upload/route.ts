import { NextResponse } from "next/server";
import { assertRole } from "@/lib/auth/require-role";
import { route } from "@/lib/http/route";
import { createImport } from "@/lib/imports/create-import";
import { readUploadRequest } from "@/lib/imports/read-upload";

// The page's upload: the file is the body (a server action would take it whole into memory, and caps its
// size), streamed into storage like the API's. Admins only; the kind is the `kind` query parameter.
export const POST = route({}, async ({ req, requestId }) => {
  const user = await assertRole("admin");
  const upload = readUploadRequest(req, new URL(req.url).searchParams.get("kind"));
  const name = req.headers.get("x-file-name");
  const created = await createImport({ ...upload, fileName: name ? decodeURIComponent(name) : null, actor: { id: user.id, label: user.email }, requestId });
  return NextResponse.json(created, { status: 202 });
});
