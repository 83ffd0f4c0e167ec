// The relay API: every route in routes/, on top of the Store. One request:
// rate limit → route → (in the route) authenticate → validate → store → JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_DEVICE_IDLE_DAYS, DEFAULT_QUOTA, type Config } from '../config';
import { memoryRateLimits } from '../store/rate-limits';
import type { Store } from '../store/store';
import { wasAbandoned } from './body';
import { hashSecret } from './auth';
import { ClaimantHints } from './claimant-hints';
import { clientAddress } from './client-address';
import { codeHasher, ephemeralCodeHasher } from './code-hash';
import type { PushOptions, RelayDeps } from './context';
import { toApiError, tooManyRequests } from './errors';
import { defaultLog, errorName, type Log } from './log';
import { pushEvents } from './push-hooks';
import { DEFAULT_RATE_LIMITS, RateLimiter, type Rate, type RateLimits } from './rate-limit';
import { sendJson } from './respond';
import { router } from './routes';

export interface ApiOptions {
  store: Store;
  /** quota and deviceIdleDays default to DEFAULT_QUOTA and DEFAULT_DEVICE_IDLE_DAYS. */
  config: Pick<Config, 'publicOrigin'> & Partial<Pick<Config, 'trustProxy' | 'quota' | 'deviceIdleDays'>>;
  now?: () => Date;
  rateLimits?: Partial<RateLimits>;
  /** One structured line per request; no ids, tokens, IPs or bodies ever reach it. */
  log?: Log;
  /** The key invite and device codes are hashed with (code-secret.ts); default: one for this handler only (tests). */
  codeSecret?: Buffer;
  /** Push reminders (VAPID public key, allowed push services); without it the push routes answer 404. */
  push?: PushOptions;
  /** Called after each request with its route pattern (metrics). */
  onRequest?: (info: { method: string; route: string; status: number; seconds: number }) => void;
}

const BEARER = /^Bearer ([acs]_[A-Za-z0-9_-]{43})$/;

/** The request's bearer token when it has the shape of one (it may still be unknown). */
function bearerOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  return (header && BEARER.exec(header.trim())?.[1]) || null;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createApiHandler(options: ApiOptions): ApiHandler {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const log = options.log ?? defaultLog;
  const hops = options.config.trustProxy ?? 0;
  const codeHash = options.codeSecret ? codeHasher(options.codeSecret) : ephemeralCodeHasher();
  // Bucket names hold addresses: stored as an HMAC under the code key, which a database copy alone cannot reverse.
  const limiter = new RateLimiter(
    store,
    () => now().getTime(),
    (name) => codeHash(`rate-limit:${name}`).slice(0, 32),
  );
  // Flood limits (every request per credential or address, sends per
  // connection) are taken on every request. When this process alone can use
  // the store (PGlite: its folder is locked to one process), their buckets
  // are kept in this process's memory, which saves a database write (and on
  // disk an fsync) per bucket per request; a restart refills them. With
  // PostgreSQL they stay in the database, shared by every relay process.
  // Guessing limits (codes, enrolment, bad credentials) always stay there.
  // In memory the names are never written anywhere, so they are not hashed.
  const floodLimiter = store.singleProcess
    ? new RateLimiter(
        memoryRateLimits(),
        () => now().getTime(),
        (name) => name,
      )
    : limiter;
  const limitWith = (chosen: RateLimiter) => async (key: string, rate: Rate) => {
    const wait = await chosen.take(key, rate);
    if (wait > 0) throw tooManyRequests(wait);
  };
  const limit = limitWith(limiter);
  const limitFlood = limitWith(floodLimiter);
  const deviceIdleDays = options.config.deviceIdleDays ?? DEFAULT_DEVICE_IDLE_DAYS;
  const deps: RelayDeps = {
    store,
    now,
    quota: options.config.quota ?? DEFAULT_QUOTA,
    deviceIdleDays,
    limits,
    limit,
    limitFlood,
    codeHash,
    claimantHints: new ClaimantHints(),
    events: pushEvents({ store, now, deviceIdleDays, wake: options.push?.wake, log }),
    push: options.push,
  };

  return async (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const ip = clientAddress(req, hops);
    const credential = bearerOf(req);
    let pattern = 'unmatched';
    try {
      // With a credential, its own bucket: people behind one address (an
      // advice centre's wifi, a proxy) do not share a limit.
      if (credential) await limitFlood(`any-credential:${hashSecret(credential)}`, limits.anyPerCredential);
      else await limitFlood(`any-ip:${ip}`, limits.anyPerIp);
      const { route, params } = router.match(method, rawPath);
      pattern = route.pattern;
      await route.handle({ req, res, ip, params }, deps);
    } catch (error) {
      let { apiError, unexpected } = toApiError(error);
      // Made-up credentials each get a fresh bucket above: their failures count against the address.
      if (credential && apiError.status === 401) {
        const wait = await limiter.take(`bad-credential-ip:${ip}`, limits.badCredentialPerIp).catch(() => 0);
        if (wait > 0) ({ apiError, unexpected } = toApiError(tooManyRequests(wait)));
      }
      if (unexpected) log({ level: 'error', msg: 'unexpected error', method, route: pattern, error: errorName(error) });
      const headers: Record<string, string> = { ...apiError.headers };
      if (wasAbandoned(req)) headers.Connection = 'close';
      sendJson(res, apiError.status, apiError.toJSON(), headers);
    } finally {
      if (!req.complete && !wasAbandoned(req)) req.resume(); // drain bodies we did not read
      const status = res.statusCode;
      options.onRequest?.({ method, route: pattern, status, seconds: (performance.now() - started) / 1000 });
      log({ level: status >= 500 ? 'error' : 'info', msg: 'request', method, route: pattern, status, ms: Math.round(performance.now() - started) });
    }
  };
}
