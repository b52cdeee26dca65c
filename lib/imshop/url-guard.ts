import dns, { type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/**
 * Server-side request forgery guard for the IMSHOP push URLs. Whoever edits the settings could
 * otherwise point the portal at 127.0.0.1, the cloud metadata address (169.254.169.254) or the office
 * network, read the answers back ("send test request", attempt bodies) and collect the outbound key.
 * Only public unicast addresses are reached, checked at connection time (the checked address is the one
 * connected to, so a DNS answer that changes between check and connect gains nothing), unless
 * IMSHOP_ALLOW_PRIVATE_URLS=true (tests, on-premise IMSHOP).
 */
export class ForbiddenAddressError extends Error {
  readonly code = "EFORBIDDENADDRESS";
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a loopback, private, link-local or reserved address (IMSHOP_ALLOW_PRIVATE_URLS is off)`);
  }
}

export type GuardOptions = { allowPrivate?: boolean; production?: boolean };

const allowPrivateDefault = () => env.IMSHOP_ALLOW_PRIVATE_URLS;
const productionDefault = () => env.NODE_ENV === "production";

/** Public unicast only: loopback, private, link-local, CGNAT, ULA, unspecified, multicast, reserved are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so mapped addresses are judged as what they reach.
  return ipaddr.process(address).range() === "unicast";
}

// Each refusal's English (logs, API) and its `validation` catalogue key (the dashboard's settings form).
const URL_PROBLEMS = {
  urlInvalid: "Must be a valid URL",
  urlScheme: "Must be an http(s) URL",
  urlHttps: "Must be an https URL",
  urlCredentials: "Must not contain a user name or password",
  urlPrivate: "Must not point at a loopback, private or link-local address",
} as const;
export type PushUrlProblem = keyof typeof URL_PROBLEMS;

/** Why this URL may not be used as a push URL, or null when it may (before any DNS lookup). */
export function pushUrlProblem(value: string, opts: GuardOptions = {}): string | null {
  const code = pushUrlProblemCode(value, opts);
  return code && URL_PROBLEMS[code];
}

/** `pushUrlProblem` as a catalogue key of the `validation` namespace. */
export function pushUrlProblemCode(value: string, opts: GuardOptions = {}): PushUrlProblem | null {
  const allowPrivate = opts.allowPrivate ?? allowPrivateDefault();
  const production = opts.production ?? productionDefault();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "urlInvalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "urlScheme";
  if (url.protocol === "http:" && production && !allowPrivate) return "urlHttps";
  if (url.username || url.password) return "urlCredentials";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (ipaddr.isValid(host) && !isPublicAddress(host)) return "urlPrivate";
  if (host === "localhost" || host.endsWith(".localhost")) return "urlPrivate";
  return null;
}

/**
 * A `lookup` for net.connect that refuses private answers: every address the name resolves to must be
 * public, and the connection then goes to the address checked here.
 */
export function guardedLookup(opts: GuardOptions = {}): LookupFunction {
  const allowPrivate = opts.allowPrivate ?? allowPrivateDefault();
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (bad) return callback(new ForbiddenAddressError(hostname, bad.address) as NodeJS.ErrnoException, "", 4);
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
