// The relay API: every route in routes/, on top of the Store. One request:
// rate limit → route → (in the route) authenticate → validate → store → JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import type { Store } from '../store/store';
import { wasAbandoned } from './body';
import type { PushOptions, RelayDeps } from './context';
import { toApiError, tooManyRequests } from './errors';
import { defaultLog, errorName, type Log } from './log';
import { pushEvents } from './push-hooks';
import { DEFAULT_RATE_LIMITS, RateLimiter, type Rate, type RateLimits } from './rate-limit';
import { sendJson } from './respond';
import { router } from './routes';

export interface ApiOptions {
  store: Store;
  config: Pick<Config, 'publicOrigin'>;
  now?: () => Date;
  rateLimits?: Partial<RateLimits>;
  /** One structured line per request; no ids, tokens, IPs or bodies ever reach it. */
  log?: Log;
  /** Push reminders (VAPID public key and test switches); without it the push routes answer 404. */
  push?: PushOptions;
  /** Called after each request with its route pattern (metrics). */
  onRequest?: (info: { method: string; route: string; status: number; seconds: number }) => void;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createApiHandler(options: ApiOptions): ApiHandler {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const log = options.log ?? defaultLog;
  const limiter = new RateLimiter(() => now().getTime());
  const limit = (key: string, rate: Rate) => {
    const wait = limiter.take(key, rate);
    if (wait > 0) throw tooManyRequests(wait);
  };
  const deps: RelayDeps = {
    store,
    now,
    limits,
    limit,
    events: pushEvents({ store, now, wake: options.push?.wake, log }),
    push: options.push,
  };

  return async (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const ip = req.socket.remoteAddress ?? 'unknown';
    let pattern = 'unmatched';
    try {
      limit(`any-ip:${ip}`, limits.anyPerIp);
      const { route, params } = router.match(method, rawPath);
      pattern = route.pattern;
      await route.handle({ req, res, ip, params }, deps);
    } catch (error) {
      const { apiError, unexpected } = toApiError(error);
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
