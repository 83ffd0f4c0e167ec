// VAPID (RFC 8292) Authorization headers, one signed JWT per push-service
// origin (the JWT's audience), reused until shortly before it expires. RFC
// 8292 allows reuse ("a JWT MAY be reused for multiple push messages") and
// caps the expiry at 24 hours; we sign for 12 hours (web-push's default) and
// sign again when less than an hour is left, so a push never carries a token
// that could expire on its way. Signing every push was a fifth of the sender's
// time (see the README).
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface VapidKeys {
  /** mailto: or https: contact for the push services. */
  subject: string;
  /** base64url, 65-byte uncompressed P-256 point. */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
}

export const JWT_VALIDITY_S = 12 * 60 * 60;
export const JWT_RENEW_BEFORE_S = 60 * 60;
/** Origins remembered at most (a flood of odd endpoints cannot grow it without bound). */
export const JWT_CACHE_MAX = 1000;

interface Entry {
  header: string;
  /** Seconds since the epoch. */
  exp: number;
}

/** The push service's origin, as web-push computes the audience: scheme, host and any port. */
export function audienceOf(endpoint: string): string {
  return new URL(endpoint).origin;
}

const JWT_HEADER = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url');

export class VapidJwtCache {
  private readonly key: KeyObject;
  private readonly entries = new Map<string, Entry>();
  private readonly validityS: number;
  private readonly renewBeforeS: number;
  private readonly nowMs: () => number;
  /** Signatures made so far (tests and profiles). */
  signed = 0;

  constructor(
    private readonly vapid: VapidKeys,
    /** The JWT clock is the real one by default: push services check `exp` against theirs. */
    options: { validityS?: number; renewBeforeS?: number; now?: () => number } = {},
  ) {
    const raw = Buffer.from(vapid.publicKey, 'base64url');
    const d = Buffer.from(vapid.privateKey, 'base64url');
    if (raw.length !== 65 || raw[0] !== 0x04) throw new Error('The VAPID public key should be 65 bytes long when decoded.');
    if (d.length !== 32) throw new Error('The VAPID private key should be 32 bytes long when decoded.');
    this.key = createPrivateKey({
      key: { kty: 'EC', crv: 'P-256', d: d.toString('base64url'), x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    this.validityS = options.validityS ?? JWT_VALIDITY_S;
    this.renewBeforeS = options.renewBeforeS ?? JWT_RENEW_BEFORE_S;
    this.nowMs = options.now ?? Date.now;
  }

  /** `vapid t=<JWT>, k=<public key>` for a push to `endpoint` (a URL already parsed is not parsed again). */
  authorization(endpoint: string | URL): string {
    const audience = typeof endpoint === 'string' ? audienceOf(endpoint) : endpoint.origin;
    const nowS = Math.floor(this.nowMs() / 1000);
    const cached = this.entries.get(audience);
    if (cached && cached.exp - nowS > this.renewBeforeS) return cached.header;
    const exp = nowS + this.validityS;
    const header = `vapid t=${this.jwt(audience, exp)}, k=${this.vapid.publicKey}`;
    this.entries.delete(audience); // re-inserted last: the map's order is oldest signed first
    if (this.entries.size >= JWT_CACHE_MAX) this.evict(nowS);
    this.entries.set(audience, { header, exp });
    return header;
  }

  get size(): number {
    return this.entries.size;
  }

  private jwt(aud: string, exp: number): string {
    const claims = Buffer.from(JSON.stringify({ aud, exp, sub: this.vapid.subject })).toString('base64url');
    const input = `${JWT_HEADER}.${claims}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.key, dsaEncoding: 'ieee-p1363' });
    this.signed++;
    return `${input}.${signature.toString('base64url')}`;
  }

  private evict(nowS: number): void {
    for (const [audience, entry] of this.entries) {
      if (entry.exp - nowS <= this.renewBeforeS) this.entries.delete(audience);
    }
    // Still full: drop the oldest signed.
    for (const audience of this.entries.keys()) {
      if (this.entries.size < JWT_CACHE_MAX) break;
      this.entries.delete(audience);
    }
  }
}
