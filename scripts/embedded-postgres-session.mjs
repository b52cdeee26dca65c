// Makes one PGlite session behave, for several pglite-socket connections, closer to a server
// where each connection has a session of its own. pglite-socket 0.2.17 queues protocol messages
// from all connections onto the single backend; four things go wrong with that alone (each is
// reproduced in tests/integration/embedded-postgres.test.ts):
//  1. Between a Parse and its Sync another connection's Parse may replace the shared unnamed
//     statement (a large Bind arriving in several TCP chunks is enough): wrong results.
//  2. A NOTIFY reaches the connection that committed it, never the one that ran LISTEN.
//  3. Two connections preparing the same statement name collide: `prepared statement "…" already
//     exists` (graphile-worker prepares `get_job/graphile_worker` on each of its connections).
//  4. The database named at connect is ignored: a client asking for another database (Prisma's
//     shadow database) silently gets `postgres`, where a shadow reset would wipe the portal's data.

// Extended-query messages held until the batch's Sync or Flush: Parse, Bind, Describe, Execute, Close.
// A server answers them only at Sync/Flush anyway; running the batch in one PGlite call instead of one
// call per message makes a parameterised query through `pg` about twice as fast.
const DEFERRED = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);
const PARSE = 0x50;
const CLOSE = 0x43;
const FLUSH = 0x48;
const SYNC = 0x53;
const QUERY = 0x51;
const STATEMENT = 0x53; // 'S' in a Close: a prepared statement, not a portal
const PARSE_COMPLETE = 0x31;
const ERROR_RESPONSE = 0x45;
const NOTIFICATION = 0x41;
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);
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
  let batchOpen = false; // between a connection's first extended-query message and its Sync
  let batchSent = false; // part of the open batch already reached PGlite
  let batchFailed = false; // the backend now skips everything until Sync
  let relayNotifications = false;
  let pending = []; // held messages of the open batch
  let pendingParses = []; // per held Parse: [name, message] when it names a statement, else null
  const prepared = new Map(); // statement name → the Parse message that created it

  async function run(target, bytes, options) {
    const reply = { parseCompletes: 0, error: false, notifications: [] };
    const onRawData = readReply(options.onRawData, reply, relayNotifications);
    await target.execProtocolRawStream(bytes, { ...options, onRawData });
    for (const socket of reply.notifications.length ? sockets() ?? [] : []) {
      for (const n of reply.notifications) socket.write(n);
    }
    return reply;
  }

  async function flush(target, options) {
    if (pending.length === 0) return;
    const bytes = pending.length === 1 ? pending[0] : new Uint8Array(Buffer.concat(pending));
    const parses = pendingParses;
    pending = [];
    pendingParses = [];
    const reply = await run(target, bytes, options);
    batchSent = true;
    if (reply.error) batchFailed = true;
    // The k-th ParseComplete answers the k-th Parse: those before an error succeeded.
    for (const entry of parses.slice(0, reply.parseCompletes)) if (entry) prepared.set(entry[0], entry[1]);
  }

  async function execute(target, message, options) {
    const type = message[0];
    const database = type === 0 ? startupDatabase(message) : null;
    if (database && database !== EMBEDDED_DATABASE) {
      options.onRawData(fatal("3D000", `database "${database}" does not exist (the embedded PostgreSQL has only "${EMBEDDED_DATABASE}")`));
      return;
    }
    if (type === QUERY || type === PARSE) {
      const text = Buffer.from(message).toString("latin1");
      if (!relayNotifications && /\blisten\b/i.test(text)) relayNotifications = sockets() !== null;
      if (type === QUERY && /\b(deallocate|discard)\b/i.test(text)) prepared.clear();
    }

    if (DEFERRED.has(type)) {
      if (!batchOpen) {
        batchOpen = true;
        batchSent = false;
        batchFailed = false;
      }
      const name = type === PARSE || (type === CLOSE && message[5] === STATEMENT) ? statementName(message) : "";
      if (type === CLOSE && name) prepared.delete(name);
      const key = type === PARSE && name ? Buffer.from(message).toString("latin1") : null;
      if (key && prepared.get(name) === key) {
        // Same name, text and types: the statement this connection wants already exists.
        await flush(target, options);
        if (!batchFailed) options.onRawData(PARSE_COMPLETE_MESSAGE);
        return;
      }
      pending.push(message);
      if (type === PARSE) pendingParses.push(key ? [name, key] : null);
      return;
    }
    if (type === SYNC || type === FLUSH) {
      pending.push(message);
      await flush(target, options);
      if (type === SYNC) batchOpen = false;
      return;
    }
    await flush(target, options); // a client should not send anything else mid-batch; keep the order
    if (type !== 0) batchOpen = false; // simple Query, Terminate…; 0 starts a startup packet
    await run(target, message, options);
  }

  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (prop === "execProtocolRawStream") return (message, options) => execute(target, message, options);
      if (prop === "exec") {
        // Only used by pglite-socket to roll back after a client vanished: drop its held messages
        // and end its batch, or the backend would skip the next client's messages until a Sync.
        return async (...args) => {
          pending = [];
          pendingParses = [];
          if (batchOpen && batchSent) await target.execProtocolRaw(SYNC_MESSAGE);
          batchOpen = false;
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
 * Wraps the reply callback: counts ParseCompletes, notes any ErrorResponse, and (when
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
        if (type === PARSE_COMPLETE) reply.parseCompletes++;
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
        if (remaining === 0) {
          reply.notifications.push(Buffer.concat(captured));
          captured = null;
        }
      } else {
        kept.push(piece);
      }
    }
    if (!dropped && !hadCarry && !carry) return forward(data);
    const rest = Buffer.concat(kept);
    if (rest.length > 0) forward(new Uint8Array(rest.buffer, rest.byteOffset, rest.length));
  };
}
