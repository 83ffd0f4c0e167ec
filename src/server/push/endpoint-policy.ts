// Where the relay may send pushes. A push subscription names a URL that the
// relay then POSTs to, so an endpoint is only taken when its host is a real
// push service (or one the operator added with PUSH_ENDPOINT_HOSTS), and the
// connection itself is refused when the name resolves to an address inside a
// network (private, loopback, link-local, unique-local, CGNAT, multicast…).
// What is stored and sent is the URL as WHATWG URL reads it (its href), so
// the check and the request can never read one string two ways.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { Agent, type AgentOptions } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** One allowed host: exact (`fcm.googleapis.com`), any subdomain (`*.notify.windows.com`), optionally with a port. */
export interface HostRule {
  host: string;
  wildcard: boolean;
  /** '' for the default port (443). */
  port: string;
}

export interface EndpointPolicy {
  hosts: readonly HostRule[];
}

/** The web push services of Chrome/Edge (FCM), Firefox (Mozilla), Windows (WNS) and Safari (Apple). */
export const DEFAULT_PUSH_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  '*.notify.windows.com',
  'web.push.apple.com',
  '*.push.apple.com',
];

/** A rule from text like `push.example.org`, `*.push.example.org` or `127.0.0.1:8443`; throws on anything else. */
export function parseHostRule(text: string): HostRule {
  const entry = text.trim().toLowerCase();
  const wildcard = entry.startsWith('*.');
  const bare = wildcard ? entry.slice(2) : entry;
  let url: URL;
  try {
    url = new URL(`https://${bare}/`);
  } catch {
    throw new Error(`PUSH_ENDPOINT_HOSTS: "${text}" is not a host name.`);
  }
  // The rule must read back as itself: no paths, credentials or escapes hiding another host.
  if (url.host !== bare || url.hostname === '' || (wildcard && isIP(url.hostname) !== 0)) {
    throw new Error(`PUSH_ENDPOINT_HOSTS: "${text}" is not a host name (like push.example.org, *.push.example.org or 127.0.0.1:8443).`);
  }
  return { host: url.hostname, wildcard, port: url.port };
}

export function endpointPolicy(extra: readonly string[] = []): EndpointPolicy {
  return { hosts: [...DEFAULT_PUSH_HOSTS, ...extra].map(parseHostRule) };
}

export const DEFAULT_POLICY: EndpointPolicy = endpointPolicy();

function matches(rule: HostRule, hostname: string, port: string): boolean {
  if (rule.port !== port) return false;
  return rule.wildcard ? hostname.endsWith(`.${rule.host}`) : hostname === rule.host;
}

/** The endpoint as WHATWG URL reads it, or null when it is not an allowed push service URL. */
export function parsePushEndpoint(endpoint: string, policy: EndpointPolicy): URL | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hash !== '') return null;
  const hostname = url.hostname.toLowerCase();
  if (!policy.hosts.some((rule) => matches(rule, hostname, url.port))) return null;
  return url;
}

/** The endpoint as it will be stored and sent (the WHATWG href), or null when it is not an allowed push service URL. */
export function normalisePushEndpoint(endpoint: string, policy: EndpointPolicy): string | null {
  return parsePushEndpoint(endpoint, policy)?.href ?? null;
}

/** Addresses a push may never be sent to (unless the operator listed that address itself). */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(lower);
  const parts = hex ?? sixToFour;
  if (!parts) return null;
  const high = parseInt(parts[1]!, 16);
  const low = parseInt(parts[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for any address inside a network rather than on the public internet. */
export function isBlockedAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return BLOCKED.check(address, 'ipv4');
  if (version !== 6) return true;
  const inner = embeddedIpv4(address);
  if (inner !== null && isBlockedAddress(inner)) return true;
  if (/^::ffff:/i.test(address) && inner === null) return true;
  return BLOCKED.check(address, 'ipv6');
}

/** IP literals the operator listed in PUSH_ENDPOINT_HOSTS: the only blocked addresses a push may reach (a test push service). */
export function allowedAddresses(policy: EndpointPolicy): Set<string> {
  return new Set(policy.hosts.filter((rule) => !rule.wildcard && isIP(rule.host.replace(/^\[|\]$/g, '')) !== 0).map((rule) => rule.host.replace(/^\[|\]$/g, '')));
}

export class BlockedAddressError extends Error {
  readonly code = 'EPUSHADDRESS';
  constructor(hostname: string) {
    super(`Refused to send a push to ${hostname}: it is not an address on the public internet.`);
  }
}

type Resolve = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * A `lookup` for net/tls connections that resolves every address of the name
 * and fails if any is blocked (so a name with one public and one private
 * address is refused, not tried until the private one answers).
 */
export function guardedLookup(allowed: ReadonlySet<string> = new Set(), resolve: Resolve = systemResolve): LookupFunction {
  return ((hostname: string, options: LookupOneOptions | LookupAllOptions, callback: (...args: unknown[]) => void) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error);
      const family = typeof options === 'object' && options.family ? Number(options.family) : 0;
      const usable = addresses.filter((a) => family === 0 || a.family === family);
      if (usable.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }));
      if (usable.some((a) => isBlockedAddress(a.address) && !allowed.has(a.address))) return callback(new BlockedAddressError(hostname));
      if (typeof options === 'object' && options.all) return callback(null, usable);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  }) as LookupFunction;
}

/** The check for a URL whose host is an IP literal (no lookup happens for those). Throws BlockedAddressError. */
export function checkLiteralHost(url: URL, allowed: ReadonlySet<string>): void {
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 && isBlockedAddress(bare) && !allowed.has(bare)) throw new BlockedAddressError(url.hostname);
}

/**
 * An idle keep-alive connection is closed by the sender after this, or one
 * second before the push service's own `Keep-Alive: timeout=` when that is
 * shorter. Node applies that hint only when the agent has a timeout of its
 * own; without one, a connection the service had just closed was taken for
 * the next push, which failed with ECONNRESET and waited for a retry.
 */
export const PUSH_IDLE_SOCKET_MS = 30_000;

/** The push sender's HTTPS agent: keep-alive, and every connection's addresses checked. */
export function createPushAgent(policy: EndpointPolicy, options: AgentOptions = {}, resolve?: Resolve): Agent {
  return new Agent({ keepAlive: true, timeout: PUSH_IDLE_SOCKET_MS, ...options, lookup: guardedLookup(allowedAddresses(policy), resolve) });
}
