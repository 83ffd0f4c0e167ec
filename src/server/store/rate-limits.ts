// Rate-limit buckets in the database, so that every relay process on one
// PostgreSQL shares them. A bucket holds up to `limit` tokens and refills
// evenly over `windowMs`; taking one is a single upsert (one round trip).
// A bucket that would be full again holds no information: only those are
// swept, so clean-up never hands back a guessing allowance early.
import type { SqlDriver } from './driver';

export interface RateLimitStore {
  /**
   * Takes a token from bucket `key` at `nowMs`: `allowed`, and when not,
   * the milliseconds until one is back.
   */
  takeRateToken(input: { key: string; limit: number; windowMs: number; nowMs: number }): Promise<{ allowed: boolean; waitMs: number }>;
  /** Deletes buckets that are full again by `nowMs`; returns how many. */
  sweepRateLimits(nowMs: number): Promise<number>;
}

// $1 key, $2 limit, $3 now (ms), $4 tokens per ms. `refill` is the bucket's
// tokens at $3: a clock that steps back (or another process's clock a little
// behind) neither adds nor takes tokens at that step.
const REFILL = `LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.updated_ms) * $4::float8)`;
const TAKE = `
  INSERT INTO rate_limits AS b (key, tokens, updated_ms, full_ms, allowed)
  VALUES ($1, $2::float8 - 1, $3::bigint, $3::bigint + ceil(1 / $4::float8)::bigint, true)
  ON CONFLICT (key) DO UPDATE SET
    tokens = CASE WHEN ${REFILL} >= 1 THEN ${REFILL} - 1 ELSE ${REFILL} END,
    updated_ms = $3::bigint,
    full_ms = $3::bigint + ceil(($2::float8 - CASE WHEN ${REFILL} >= 1 THEN ${REFILL} - 1 ELSE ${REFILL} END) / $4::float8)::bigint,
    allowed = ${REFILL} >= 1
  RETURNING tokens, allowed`;

export function rateLimitQueries(db: SqlDriver): RateLimitStore {
  return {
    async takeRateToken({ key, limit, windowMs, nowMs }) {
      const perMs = limit / windowMs;
      const rows = await db.query<{ tokens: number | string; allowed: boolean }>(TAKE, [key, limit, Math.floor(nowMs), perMs]);
      const row = rows[0];
      if (!row) throw new Error('takeRateToken: no row');
      if (row.allowed) return { allowed: true, waitMs: 0 };
      return { allowed: false, waitMs: Math.max(1, Math.ceil((1 - Number(row.tokens)) / perMs)) };
    },

    async sweepRateLimits(nowMs) {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM rate_limits WHERE full_ms <= $1::bigint RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [Math.floor(nowMs)],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/**
 * The same buckets in this process's memory, with the same arithmetic as
 * TAKE above. Only for a store that one process alone can use: PGlite, whose
 * data folder is locked to one process (data-dir-lock.ts) or which lives in
 * memory. Several relay processes on one PostgreSQL must share the database's
 * buckets, so they never get this. The relay keeps only its flood limits here
 * (requests per credential or address, sends per connection: see
 * api/handler.ts); guessing limits stay in the database, so a restart does
 * not hand back a guessing allowance.
 */
export function memoryRateLimits(): RateLimitStore {
  const buckets = new Map<string, { tokens: number; updatedMs: number; fullMs: number }>();
  return {
    async takeRateToken({ key, limit, windowMs, nowMs }) {
      const perMs = limit / windowMs;
      const now = Math.floor(nowMs);
      const bucket = buckets.get(key);
      let tokens: number;
      let allowed: boolean;
      if (!bucket) {
        tokens = limit - 1;
        allowed = true;
      } else {
        const refill = Math.min(limit, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMs);
        allowed = refill >= 1;
        tokens = allowed ? refill - 1 : refill;
      }
      buckets.set(key, { tokens, updatedMs: now, fullMs: now + Math.ceil((limit - tokens) / perMs) });
      if (allowed) return { allowed: true, waitMs: 0 };
      return { allowed: false, waitMs: Math.max(1, Math.ceil((1 - tokens) / perMs)) };
    },

    async sweepRateLimits(nowMs) {
      let n = 0;
      for (const [key, bucket] of buckets) {
        if (bucket.fullMs <= Math.floor(nowMs)) {
          buckets.delete(key);
          n++;
        }
      }
      return n;
    },
  };
}
