import { AppError } from "@/lib/http/app-error";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body with a size cap; anything but a JSON value is a 4xx, never a 500. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Content-Type must be application/json", {
      fields: { body: "Content-Type must be application/json" },
    });
  }
  const text = await readCapped(req, maxBytes);
  if (text.trim() === "") {
    throw new AppError("bad_request", "Request body is empty; a JSON object is expected", {
      fields: { body: "A JSON object is expected" },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON", { fields: { body: "Malformed JSON" } });
  }
}

async function readCapped(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): AppError {
  const message = `Request body exceeds ${Math.round(maxBytes / 1024)} KiB`;
  return new AppError("payload_too_large", message, { fields: { body: message } });
}
