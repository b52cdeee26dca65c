import { assertRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/http/app-error";
import { route } from "@/lib/http/route";
import { isBarcodeType } from "@/lib/barcode-render/barcode-types";
import { barcodeTextProblem, renderBarcode } from "@/lib/barcode-render/render-barcode";

// The offer form's live preview: the promocode drawn as the till will scan it. 422 says why it cannot be drawn.
export const GET = route({}, async ({ req }) => {
  await assertRole("staff");
  const params = new URL(req.url).searchParams;
  const type = params.get("type") ?? "code128";
  const text = params.get("text") ?? "";
  const format = params.get("format") ?? "svg";
  if (!isBarcodeType(type)) throw new AppError("validation", `Unknown barcode type "${type}"`, { fields: { type: "Unknown barcode type" } });
  if (format !== "svg" && format !== "png") throw new AppError("validation", 'format must be "svg" or "png"', { fields: { format: 'Expected "svg" or "png"' } });
  const problem = barcodeTextProblem(type, text);
  if (problem) throw new AppError("unprocessable", problem, { fields: { text: problem } });
  const image = await renderBarcode({ type, text, format });
  return new Response(typeof image.body === "string" ? image.body : new Uint8Array(image.body), {
    headers: { "content-type": image.contentType, "cache-control": "private, max-age=300" },
  });
});
