import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { POST as registerScan } from "@/app/api/imshop/scans/route";
import { POST as retail } from "@/app/integration/general/retail/route";
import { ENDPOINTS } from "@/lib/openapi/endpoints";
import { documentPath } from "@/lib/openapi/build-document";
import { checkAnswerAgainstDocument } from "../helpers/openapi-check";

describe("GET /api/openapi.json", () => {
  it("serves the OpenAPI 3.1 document with every endpoint, without signing in", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const e of ENDPOINTS) expect(doc.paths[documentPath(e.path)]?.[e.method], e.path).toBeDefined();
    expect(doc.paths["/api/imports/{ref}"].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "ref", in: "path", required: true })]));
    expect(Object.keys(doc.paths["/api/imports/{ref}"].post.requestBody.content)).toEqual(["text/csv"]);
  });
});

describe("the contract check every callRoute runs", () => {
  const json = "application/json";

  it("accepts answers the document describes", async () => {
    await checkAnswerAgainstDocument(registerScan, 200, json, { success: true, id: "s1", status: "processing" });
    await checkAnswerAgainstDocument(retail, 422, json, { spend: "Spend can't be more 100" });
    await checkAnswerAgainstDocument(registerScan, 503, json, {
      success: false,
      error: { code: "unavailable", message: "down" },
      requestId: "r1",
    });
  });

  it("fails on a field the document does not have, a wrong type, or the other error shape", async () => {
    await expect(checkAnswerAgainstDocument(registerScan, 200, json, { success: true, id: "s1", status: "processing", extra: 1 })).rejects.toThrow(
      /does not match the document/,
    );
    await expect(checkAnswerAgainstDocument(registerScan, 200, json, { success: true, id: "s1", status: "maybe" })).rejects.toThrow(/status/);
    await expect(checkAnswerAgainstDocument(retail, 422, json, { success: false, error: { code: "validation", message: "x" }, requestId: "r" })).rejects.toThrow(
      /does not match/,
    );
  });

  it("fails on a content type the document does not list, and ignores handlers it does not describe", async () => {
    await expect(checkAnswerAgainstDocument(registerScan, 200, "text/html", "<html>")).rejects.toThrow(/answered text\/html/);
    await expect(checkAnswerAgainstDocument(() => undefined, 200, json, { anything: true })).resolves.toBeUndefined();
  });
});
