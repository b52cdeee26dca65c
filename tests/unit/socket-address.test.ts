import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/http/client-address";
import { installSocketAddressStamp } from "@/lib/http/socket-address";

describe("socket address stamp", () => {
  it("the server writes the TCP peer's address over whatever the caller sent", async () => {
    installSocketAddressStamp();
    const seen: { stamped: string | undefined; client: string | null }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ stamped: req.headers[SOCKET_ADDRESS_HEADER] as string | undefined, client: clientAddress(req.headers as Record<string, string>, 0) });
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.77" } });
    } finally {
      server.close();
    }
    expect(seen).toEqual([{ stamped: "127.0.0.1", client: "127.0.0.1" }]);
  });
});
