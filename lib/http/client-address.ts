import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/**
 * The TCP peer's address, written by the server itself on every request (lib/http/socket-address.ts).
 * `next start` only fills X-Forwarded-For from the socket when the caller sent none, so that header
 * cannot tell who connected; this one is always overwritten, whatever the caller sent.
 */
export const SOCKET_ADDRESS_HEADER = "x-imshop-socket-address";
const STAMP_FLAG = Symbol.for("imshop-connect.socket-address-stamp");

type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

/** True once the server writes SOCKET_ADDRESS_HEADER itself; until then a caller could have written it. */
export function socketStampInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMP_FLAG] === true;
}

export function markSocketStampInstalled(): void {
  (globalThis as Record<symbol, unknown>)[STAMP_FLAG] = true;
}

/**
 * Who is calling, as far as the operator's proxies can vouch for it (TRUSTED_PROXY_HOPS, see .env.example):
 * hops 0 → the socket's peer; hops n → the entry n places from the right of X-Forwarded-For, since each
 * trusted proxy appends the peer it saw and anything further left was written by the caller.
 * Null when it cannot be known (fewer entries than trusted hops, no stamped socket address).
 */
export function clientAddress(headers: HeaderSource, hops: number = env.TRUSTED_PROXY_HOPS): string | null {
  if (hops === 0) {
    return socketStampInstalled() ? normalizeAddress(read(headers, SOCKET_ADDRESS_HEADER)) : null;
  }
  const entries = (read(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length < hops) return null;
  return normalizeAddress(entries[entries.length - hops]);
}

/** The canonical text of an address ("::ffff:10.0.0.1" → "10.0.0.1"), or null when it is not one. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const bare = value.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare).toString();
}

/** Does `address` fall in one of `ranges` (single addresses or CIDR ranges such as 10.0.0.0/8)? */
export function addressInRanges(address: string | null, ranges: readonly string[]): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  const addr = ipaddr.process(address);
  return ranges.some((range) => {
    const cidr = parseRange(range);
    if (!cidr) return false;
    const [base, bits] = cidr;
    return addr.kind() === base.kind() && addr.match(base, bits);
  });
}

/** A single address or a CIDR range as [base, prefix bits]; null when it is neither. */
export function parseRange(range: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const text = range.trim();
  if (ipaddr.isValidCIDR(text)) {
    const [base, bits] = ipaddr.parseCIDR(text);
    // An IPv4-mapped IPv6 range is compared as the IPv4 range it stands for.
    if (base.kind() === "ipv6" && (base as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      return [(base as ipaddr.IPv6).toIPv4Address(), bits - 96];
    }
    return [base, bits];
  }
  if (ipaddr.isValid(text)) {
    const addr = ipaddr.process(text);
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  }
  return null;
}

function read(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? null;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
