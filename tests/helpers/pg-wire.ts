// Hand-written PostgreSQL wire messages, for tests that must control exactly when each message of
// an extended query reaches the server (which `pg` does not allow).
import net from "node:net";

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstr = (s: string) => Buffer.from(`${s}\0`, "utf8");
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** Unnamed statement and portal, no parameters. */
export const frontendMessage = {
  parse: (sql: string) => message("P", Buffer.concat([cstr(""), cstr(sql), int16(0)])),
  /** Bind, Describe, Execute and Sync for the statement of a preceding Parse. */
  restOfQuery: () =>
    Buffer.concat([
      message("B", Buffer.concat([cstr(""), cstr(""), int16(0), int16(0), int16(0)])),
      message("D", Buffer.concat([Buffer.from("P"), cstr("")])),
      message("E", Buffer.concat([cstr(""), int32(0)])),
      message("S", Buffer.alloc(0)),
    ]),
  extendedQuery: (sql: string) => Buffer.concat([frontendMessage.parse(sql), frontendMessage.restOfQuery()]),
};

const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5]);

/** A started-up connection: `roundTrip` sends bytes and resolves with what came back up to ReadyForQuery. */
export async function rawConnection(port: number, host = "127.0.0.1") {
  const socket = net.connect(port, host);
  let received = Buffer.alloc(0);
  let waiter: { resolve: (text: string) => void } | null = null;
  socket.on("data", (d) => {
    received = Buffer.concat([received, d]);
    const at = received.indexOf(READY_FOR_QUERY);
    if (waiter && at >= 0) {
      const text = received.subarray(0, at + 6).toString("latin1");
      received = received.subarray(at + 6);
      const w = waiter;
      waiter = null;
      w.resolve(text);
    }
  });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const roundTrip = (bytes: Buffer) =>
    new Promise<string>((resolve) => {
      waiter = { resolve };
      socket.write(bytes);
    });
  const startup = Buffer.concat([int32(196608), cstr("user"), cstr("postgres"), cstr("database"), cstr("postgres"), Buffer.from([0])]);
  await roundTrip(Buffer.concat([int32(startup.length + 4), startup]));
  return { send: (bytes: Buffer) => void socket.write(bytes), roundTrip, close: () => socket.destroy() };
}
