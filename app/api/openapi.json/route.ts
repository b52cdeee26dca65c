import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/build-document";

// The OpenAPI 3.1 document, public like the API's contract it describes (no secrets in it).
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
