// A small HTTP server running the real retail route handler, for the kill-and-restart test: the test
// can SIGKILL it mid-load like a crashed server. Prints "LISTENING <port>" once it accepts requests.
// RETAIL_REPLY_DELAY_MS holds each answer back up to that long after the handler has committed, so a
// kill often lands between the commit and the reply: the till never hears an answer that was stored.
//   DATABASE_URL=… node --import tsx tests/reliability/kit/retail-server.ts
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as retail } from "@/app/integration/general/retail/route";

const replyDelayMs = Number(process.env.RETAIL_REPLY_DELAY_MS || 0);

const server = http.createServer(async (req, res) => {
  try {
    if (req.method !== "POST" || req.url !== "/integration/general/retail") {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await retail(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
    if (replyDelayMs > 0) await new Promise((r) => setTimeout(r, Math.random() * replyDelayMs));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
