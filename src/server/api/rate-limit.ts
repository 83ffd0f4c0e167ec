// Token buckets kept in the database (store/rate-limits.ts), so every relay
// process on one PostgreSQL shares them. Each bucket holds up to `limit`
// tokens and refills evenly over `windowMs`; a request takes one token or
// gets 429 with the seconds until one is back. Keys are hashed before they
// reach the database (keyed with the server's code key when the relay has
// one): no client address or credential is stored.
import { createHash } from 'node:crypto';
import type { RateLimitStore } from '../store/rate-limits';

export interface Rate {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Invite look-ups and connects, per client address. */
  invitePerIp: Rate;
  /** Invite look-ups and connects, all clients together, per 3-character code prefix. */
  invitePerPrefix: Rate;
  /** Enrolment attempts, per client address. */
  enrolPerIp: Rate;
  /** Sends (items and replies), per connection. */
  sendsPerConnection: Rate;
  /** Everything under /api/ without a credential, per client address. */
  anyPerIp: Rate;
  /** Everything under /api/ with a credential, per credential (whatever the address). */
  anyPerCredential: Rate;
  /** Requests whose credential is not recognised, per client address. */
  badCredentialPerIp: Rate;
  /** Push routes with a subscriber credential, per subscriber. */
  pushPerSubscriber: Rate;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  invitePerIp: { limit: 10, windowMs: MINUTE },
  invitePerPrefix: { limit: 100, windowMs: HOUR },
  enrolPerIp: { limit: 10, windowMs: MINUTE },
  sendsPerConnection: { limit: 60, windowMs: MINUTE },
  anyPerIp: { limit: 600, windowMs: MINUTE },
  anyPerCredential: { limit: 300, windowMs: MINUTE },
  badCredentialPerIp: { limit: 30, windowMs: MINUTE },
  pushPerSubscriber: { limit: 30, windowMs: MINUTE },
};

/** How often (by the relay's clock) buckets that are full again are swept. */
export const SWEEP_EVERY_MS = MINUTE;

/** The stored key: 128 bits of SHA-256 of the bucket's name. */
export function bucketKey(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('base64url').slice(0, 22);
}

export class RateLimiter {
  private nextSweep = 0;

  constructor(
    private readonly store: RateLimitStore,
    private readonly now: () => number = Date.now,
    /** Name → stored key; default bucketKey (plain SHA-256). */
    private readonly keyOf: (name: string) => string = bucketKey,
  ) {}

  /** Takes a token: 0 when allowed, otherwise the seconds to wait. */
  async take(name: string, rate: Rate): Promise<number> {
    const nowMs = this.now();
    if (nowMs >= this.nextSweep) {
      this.nextSweep = nowMs + SWEEP_EVERY_MS;
      // In the background: a failed sweep only leaves full buckets for the next one.
      this.store.sweepRateLimits(nowMs).catch(() => {});
    }
    const { allowed, waitMs } = await this.store.takeRateToken({ key: this.keyOf(name), limit: rate.limit, windowMs: rate.windowMs, nowMs });
    return allowed ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  }
}
