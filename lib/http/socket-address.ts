import http from "node:http";
import { markSocketStampInstalled, SOCKET_ADDRESS_HEADER, socketStampInstalled } from "@/lib/http/client-address";

/**
 * Makes every HTTP server in this process write the TCP peer's address into SOCKET_ADDRESS_HEADER
 * before anything else sees the request, overwriting whatever the caller sent in that header.
 * Called from instrumentation.ts: `next start` owns its server, so the hook is on the prototype.
 */
export function installSocketAddressStamp(): void {
  if (socketStampInstalled()) return;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args]);
  } as typeof http.Server.prototype.emit;
  markSocketStampInstalled();
}
