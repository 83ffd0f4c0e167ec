// The client's address behind `hops` trusted proxies (TRUST_PROXY). Each
// proxy appends the address it received the request from to
// X-Forwarded-For, so the trustworthy entry is the one `hops` places from
// the right of [...X-Forwarded-For, socket address]; anything further left
// was written by the client and may be spoofed. IPv6 clients are keyed by
// their /64, which one household or phone usually holds whole.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** 1.2.3.4 from ::ffff:1.2.3.4; the /64 prefix of other IPv6 addresses; null when not an address. */
export function addressKey(raw: string): string | null {
  let text = raw.trim();
  if (text.startsWith('[') && text.includes(']')) text = text.slice(1, text.indexOf(']'));
  const version = isIP(text);
  if (version === 4) return text;
  if (version !== 6) return null;
  const lower = text.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return `${expandIpv6(lower).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (no zone), as lower-case hex without leading zeros. */
function expandIpv6(address: string): string[] {
  let text = address.split('%', 1)[0]!;
  // A trailing dotted IPv4 part is two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}

export function clientAddress(req: IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  const own = addressKey(socket) ?? 'unknown';
  if (hops <= 0) return own;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socket];
  // Fewer entries than proxies: the request skipped a proxy; the leftmost is the best we have.
  const picked = chain[Math.max(0, chain.length - 1 - hops)]!;
  // Not an address (a proxy that writes "unknown", or a port): fall back to the socket's.
  return addressKey(picked) ?? own;
}
