import { AppError } from "@/lib/http/app-error";
import { matchesHash } from "@/lib/crypto/hash-token";
import { getImshopSettings } from "@/lib/imshop/imshop-settings";
import { addressInRanges, clientAddress } from "@/lib/http/client-address";

export type ImshopCaller = { keySlot: "current" | "previous" };

/**
 * IMSHOP's webhooks carry one shared key, as `Authorization: Bearer <key>` or a `key` body field
 * (contract 5). An empty configured key closes the endpoints rather than opening them.
 */
export async function imshopWebhookAuth(req: Request, rawBody: unknown): Promise<ImshopCaller> {
  const settings = await getImshopSettings();
  if (settings.allowedIps.length > 0) {
    // The address the operator's proxies vouch for (TRUSTED_PROXY_HOPS), never the caller's own header.
    if (!addressInRanges(clientAddress(req.headers), settings.allowedIps)) throw unauthorized();
  }
  const presented = presentedKey(req, rawBody);
  if (!presented) throw unauthorized();
  if (matchesHash(presented, settings.inboundKeyHash)) return { keySlot: "current" };
  const previousValid = settings.inboundKeyPreviousUntil && settings.inboundKeyPreviousUntil > new Date();
  if (previousValid && matchesHash(presented, settings.inboundKeyPreviousHash)) return { keySlot: "previous" };
  throw unauthorized();
}

function presentedKey(req: Request, rawBody: unknown): string | null {
  const header = req.headers.get("authorization");
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return bearer;
  if (rawBody && typeof rawBody === "object" && !Array.isArray(rawBody)) {
    const key = (rawBody as Record<string, unknown>).key;
    if (typeof key === "string" && key.length > 0) return key;
  }
  return null;
}

const unauthorized = () =>
  new AppError("unauthorized", "Missing or invalid IMSHOP key", { fields: { key: "Missing or invalid IMSHOP key" } });
