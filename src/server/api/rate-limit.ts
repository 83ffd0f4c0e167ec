// In-memory token buckets. Each bucket holds up to `limit` tokens and refills
// evenly over `windowMs`; a request takes one token or gets 429 with the
// seconds until one is back. Memory is bounded: full buckets are swept away.
// (One process only; a multi-instance relay would need a shared store.)

export interface Rate {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Invite look-ups and connects, per client IP. */
  invitePerIp: Rate;
  /** Invite look-ups and connects, all clients together, per 3-character code prefix. */
  invitePerPrefix: Rate;
  /** Enrolment attempts, per client IP. */
  enrolPerIp: Rate;
  /** Sends (items and replies), per connection. */
  sendsPerConnection: Rate;
  /** Everything under /api/, per client IP. */
  anyPerIp: Rate;
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
  pushPerSubscriber: { limit: 30, windowMs: MINUTE },
};

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_BUCKETS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a token: 0 when allowed, otherwise the seconds to wait. */
  take(key: string, rate: Rate): number {
    const now = this.now();
    const perMs = rate.limit / rate.windowMs;
    let bucket = this.buckets.get(key);
    if (bucket) {
      // A clock that steps back never takes tokens away.
      bucket.tokens = Math.min(rate.limit, bucket.tokens + Math.max(0, now - bucket.updated) * perMs);
      bucket.updated = Math.max(now, bucket.updated);
    } else {
      if (this.buckets.size >= MAX_BUCKETS) this.sweep(now, rate);
      bucket = { tokens: rate.limit, updated: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets that would be full by now (they hold no information). */
  private sweep(now: number, rate: Rate): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updated >= rate.windowMs) this.buckets.delete(key);
    }
    // Still full of fresh buckets (a flood of distinct keys): drop the oldest half.
    if (this.buckets.size >= MAX_BUCKETS) {
      let drop = this.buckets.size / 2;
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
