// What a route handler gets: the request with its path parameters, and the
// relay's parts. Each routes/<area>.ts lists its routes with route(); one
// index (routes/index.ts) puts them together.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Quota, Store } from '../store/store';
import type { ClaimantHints } from './claimant-hints';
import type { CodeHasher } from './code-hash';
import type { EndpointPolicy } from '../push/endpoint-policy';
import type { PushEvents } from './push-hooks';
import type { Rate, RateLimits } from './rate-limit';
import type { Method } from './router';

export interface PushOptions {
  /** The VAPID public key (base64url) the browsers subscribe with. */
  publicKey: string;
  /** The push services an endpoint may name (default: the real ones only). */
  endpoints?: EndpointPolicy;
  /** Called when a reminder was added that is due now (the sender may wake up early). */
  wake?: () => void;
}

export interface RequestCtx {
  req: IncomingMessage;
  res: ServerResponse;
  ip: string;
  /** The pattern's :parameters, percent-decoded. */
  params: Record<string, string>;
}

export interface RelayDeps {
  store: Store;
  now: () => Date;
  /** What one side may keep on a connection (config.quota). */
  quota: Quota;
  /** A computer's credential stops working after this many days unused. */
  deviceIdleDays: number;
  limits: RateLimits;
  /** Keyed hash of a normalised invite or device code (code-hash.ts). */
  codeHash: CodeHasher;
  /** Takes a token from the bucket `key`, or throws 429. */
  limit(key: string, rate: Rate): Promise<void>;
  /**
   * The same for a flood limit (requests per credential or address, sends per
   * connection): in this process's memory when it alone can use the store
   * (PGlite), in the database otherwise (handler.ts).
   */
  limitFlood(key: string, rate: Rate): Promise<void>;
  /** Claimant credential → connection, so a send needs no separate look-up (claimant-hints.ts: a hint grants nothing). */
  claimantHints: ClaimantHints;
  /** One-off push reminders for what just happened on a connection (they never fail the request). */
  events: PushEvents;
  /** Push reminders on this relay; undefined: the push routes answer 404. */
  push: PushOptions | undefined;
}

export interface Route {
  method: Method;
  pattern: string;
  handle(ctx: RequestCtx, deps: RelayDeps): Promise<void>;
}

export function route(method: Method, pattern: string, handle: Route['handle']): Route {
  return { method, pattern, handle };
}
