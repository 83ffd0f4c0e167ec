// A tiny router: patterns like /api/invites/:code, matched segment by segment.
// Segments are percent-decoded one by one; a malformed one is a 400.
import { badRequest, methodNotAllowed, notFound } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Routable {
  method: Method;
  pattern: string;
}

export interface Match<R> {
  route: R;
  params: Record<string, string>;
}

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

export class Router<R extends Routable> {
  private readonly routes: ReadonlyArray<{ route: R; parts: string[] }>;

  constructor(routes: readonly R[]) {
    this.routes = routes.map((route) => ({ route, parts: splitPath(route.pattern) }));
  }

  /** The matching route; throws 404 for no route, 405 (with Allow) for the wrong method, 400 for bad escapes. */
  match(method: string, rawPath: string): Match<R> {
    const segments = splitPath(rawPath);
    const allowed: string[] = [];
    for (const { route, parts } of this.routes) {
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const part = parts[i]!;
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
}
