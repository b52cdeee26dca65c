// Makes one PGlite session behave, for several pglite-socket connections, closer to a server
// where each connection has a session of its own. pglite-socket 0.2.17 queues protocol messages
// from all connections onto the single backend; three things go wrong with that alone (each is
// reproduced in tests/integration/embedded-postgres.test.ts):
//  1. Between a Parse and its Sync another connection's Parse may replace the shared unnamed
//     statement (a large Bind arriving in several TCP chunks is enough): wrong results.
//  2. A NOTIFY reaches the connection that committed it, never the one that ran LISTEN.
//  3. Two connections preparing the same statement name collide: `prepared statement "…" already
//     exists` (graphile-worker prepares `get_job/graphile_worker` on each of its connections).
//  4. The database named at connect is ignored: a client asking for another database (Prisma's
//     shadow database) silently gets `postgres`, where a shadow reset would wipe the portal's data.

// Extended-query messages that belong to a batch ended by Sync: Parse, Bind, Describe, Execute, Close, Flush.
const BATCH_MESSAGES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const PARSE = 0x50;
const CLOSE = 0x43;
const QUERY = 0x51;
const PARSE_COMPLETE = 0x31;
const ERROR_RESPONSE = 0x45;
const NOTIFICATION = 0x41;
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);
const PARSE_COMPLETE_MESSAGE = new Uint8Array([PARSE_COMPLETE, 0, 0, 0, 4]);
const PROTOCOL_3 = 196608;
export const EMBEDDED_DATABASE = "postgres";

/**
 * The PGlite instance as the socket server should see it.
 * @param {import("@electric-sql/pglite").PGlite} pglite
 * @param {() => import("node:net").Socket[] | null} sockets every connected client, or null when
 *   they cannot be reached (then notifications stay where PGlite puts them and LISTENers poll).
 */
export function sessionView(pglite, sockets) {
  let batchOpen = false;
  let batchFailed = false;
  let relayNotifications = false;
  const prepared = new Map(); // statement name → the Parse message that created it

  async function execute(target, message, options) {
    const type = message[0];
    const database = type === 0 ? startupDatabase(message) : null;
    if (database && database !== EMBEDDED_DATABASE) {
      options.onRawData(fatal("3D000", `database "${database}" does not exist (the embedded PostgreSQL has only "${EMBEDDED_DATABASE}")`));
      return;
    }
    if (BATCH_MESSAGES.has(type)) {
      if (!batchOpen) batchFailed = false;
      batchOpen = true;
    } else if (type !== 0) {
      batchOpen = false; // Sync, simple Query, Terminate…; 0 starts a startup packet
    }
    if (type === QUERY || type === PARSE) {
      const text = Buffer.from(message).toString("latin1");
      if (!relayNotifications && /\blisten\b/i.test(text)) relayNotifications = sockets() !== null;
      if (type === QUERY && /\b(deallocate|discard)\b/i.test(text)) prepared.clear();
    }
    const name = type === PARSE || (type === CLOSE && message[5] === 0x53) ? statementName(message) : "";
    if (type === CLOSE && name) prepared.delete(name);

    // Same name, same text, same types: the statement this connection wants already exists.
    const key = type === PARSE && name ? Buffer.from(message).toString("latin1") : null;
    if (key && prepared.get(name) === key && !batchFailed) {
      options.onRawData(PARSE_COMPLETE_MESSAGE);
      return;
    }

    const reply = { first: -1, error: false, notifications: [] };
    const onRawData = readReply(options.onRawData, reply, relayNotifications);
    await target.execProtocolRawStream(message, { ...options, onRawData });
    if (reply.error && batchOpen) batchFailed = true;
    if (key && reply.first === PARSE_COMPLETE) prepared.set(name, key);
    if (reply.notifications.length > 0) {
      for (const socket of sockets() ?? []) for (const n of reply.notifications) socket.write(n);
    }
  }

  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (prop === "execProtocolRawStream") return (message, options) => execute(target, message, options);
      if (prop === "exec") {
        // Only used by pglite-socket to roll back after a client vanished: end its batch first,
        // or the backend would discard the next client's messages until a Sync.
        return async (...args) => {
          if (batchOpen) {
            batchOpen = false;
            await target.execProtocolRaw(SYNC_MESSAGE);
          }
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The `database` parameter of a protocol 3 startup packet, or null. */
function startupDatabase(message) {
  const buf = Buffer.from(message.buffer, message.byteOffset, message.length);
  if (buf.length < 8 || buf.readInt32BE(4) !== PROTOCOL_3) return null;
  const parts = buf.subarray(8).toString("utf8").split("\0");
  const at = parts.findIndex((p, i) => i % 2 === 0 && p === "database");
  return at >= 0 ? parts[at + 1] || null : null;
}

/** An ErrorResponse with severity FATAL, as a server sends it when it refuses a connection. */
function fatal(code, text) {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`, "utf8");
  const message = Buffer.alloc(5 + fields.length);
  message[0] = ERROR_RESPONSE;
  message.writeInt32BE(4 + fields.length, 1);
  fields.copy(message, 5);
  return new Uint8Array(message.buffer, message.byteOffset, message.length);
}

/** Statement name of a Parse (after the type and length) or a Close (after its 'S' byte). */
function statementName(message) {
  const start = message[0] === PARSE ? 5 : 6;
  const end = message.indexOf(0, start);
  return Buffer.from(message.subarray(start, end < 0 ? start : end)).toString("utf8");
}

/**
 * Wraps the reply callback: notes the first message type and any ErrorResponse, and (when
 * `takeNotifications`) removes NotificationResponse messages into `reply.notifications`.
 */
function readReply(forward, reply, takeNotifications) {
  let carry = null; // the start of a message header, held back until the rest of it arrives
  let remaining = 0; // body bytes of the current message still to come
  let captured = null;
  return (data) => {
    const input = Buffer.from(data.buffer, data.byteOffset, data.length);
    const chunk = carry ? Buffer.concat([carry, input]) : input;
    const hadCarry = carry !== null;
    carry = null;
    const kept = [];
    let dropped = false;
    let i = 0;
    while (i < chunk.length) {
      let piece;
      if (remaining === 0) {
        if (chunk.length - i < 5) {
          carry = Buffer.from(chunk.subarray(i));
          break;
        }
        const type = chunk[i];
        remaining = chunk.readInt32BE(i + 1) - 4;
        if (reply.first < 0) reply.first = type;
        if (type === ERROR_RESPONSE) reply.error = true;
        if (takeNotifications && type === NOTIFICATION) captured = [];
        piece = chunk.subarray(i, i + 5);
        i += 5;
      } else {
        piece = chunk.subarray(i, i + remaining);
        i += piece.length;
        remaining -= piece.length;
      }
      if (captured) {
        captured.push(Buffer.from(piece)); // the chunk may be a view of PGlite's reused memory
        dropped = true;
        if (remaining === 0) reply.notifications.push(Buffer.concat(captured)), (captured = null);
      } else {
        kept.push(piece);
      }
    }
    if (!dropped && !hadCarry && !carry) return forward(data);
    const rest = Buffer.concat(kept);
    if (rest.length > 0) forward(new Uint8Array(rest.buffer, rest.byteOffset, rest.length));
  };
}
