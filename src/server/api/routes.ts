// A tiny router: patterns like /api/invites/:code, matched segment by segment.
// Segments are percent-decoded one by one; a malformed one is a 400.
import { badRequest, methodNotAllowed, notFound } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route<Ctx> {
  method: Method;
  pattern: string;
  handle: (ctx: Ctx, params: Record<string, string>) => Promise<void>;
}

export interface Match<Ctx> {
  route: Route<Ctx>;
  params: Record<string, string>;
}

/** Every route of the API (see src/shared/protocol/api-types.ts). */
export const ROUTE_LIST: ReadonlyArray<{ method: Method; pattern: string }> = [
  { method: 'POST', pattern: '/api/adviser/enrol' },
  { method: 'GET', pattern: '/api/adviser/me' },
  { method: 'POST', pattern: '/api/adviser/invites' },
  { method: 'GET', pattern: '/api/invites/:code' },
  { method: 'POST', pattern: '/api/connections' },
  { method: 'GET', pattern: '/api/adviser/connections' },
  { method: 'POST', pattern: '/api/items' },
  { method: 'GET', pattern: '/api/adviser/connections/:id/items' },
  { method: 'POST', pattern: '/api/adviser/items/:id/seen' },
  { method: 'POST', pattern: '/api/adviser/connections/:id/replies' },
  { method: 'GET', pattern: '/api/claimant/status' },
  { method: 'DELETE', pattern: '/api/claimant/connection' },
  { method: 'GET', pattern: '/api/claimant/adviser' },
  { method: 'POST', pattern: '/api/adviser/device-codes' },
  { method: 'POST', pattern: '/api/device-requests' },
  { method: 'GET', pattern: '/api/adviser/device-requests' },
  { method: 'POST', pattern: '/api/adviser/device-requests/:id/approve' },
  { method: 'DELETE', pattern: '/api/adviser/device-requests/:id' },
  { method: 'POST', pattern: '/api/device-requests/:id/claim' },
  { method: 'GET', pattern: '/api/push/key' },
  { method: 'POST', pattern: '/api/push/subscribers' },
  { method: 'PUT', pattern: '/api/push/subscription' },
  { method: 'DELETE', pattern: '/api/push/subscription' },
  { method: 'PUT', pattern: '/api/push/preferences' },
  { method: 'POST', pattern: '/api/push/snooze' },
  { method: 'GET', pattern: '/api/push/recent' },
];

function splitPath(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // one trailing slash is fine
  return segments;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('The address has a broken %-escape.');
  }
}

export class Router<Ctx> {
  private readonly routes: Array<Route<Ctx> & { parts: string[] }> = [];

  add(method: Method, pattern: string, handle: Route<Ctx>['handle']): this {
    this.routes.push({ method, pattern, handle, parts: splitPath(pattern) });
    return this;
  }

  get patterns(): Array<{ method: Method; pattern: string }> {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  /** The matching route; throws 404 for no route, 405 (with Allow) for the wrong method, 400 for bad escapes. */
  match(method: string, rawPath: string): Match<Ctx> {
    const segments = splitPath(rawPath);
    const allowed: string[] = [];
    for (const route of this.routes) {
      if (route.parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < route.parts.length && ok; i++) {
        const part = route.parts[i]!;
        const segment = segments[i]!;
        if (part.startsWith(':')) {
          if (segment === '') ok = false;
          else params[part.slice(1)] = segment;
        } else if (part !== segment) ok = false;
      }
      if (!ok) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      for (const key of Object.keys(params)) params[key] = decodeSegment(params[key]!);
      return { route, params };
    }
    if (allowed.length > 0) throw methodNotAllowed(allowed);
    throw notFound('There is no such API address.');
  }

  /** The route pattern for logs (never the path itself, which may carry ids or codes). */
  patternFor(method: string, rawPath: string): string {
    try {
      return this.match(method, rawPath).route.pattern;
    } catch {
      return 'unmatched';
    }
  }
}
