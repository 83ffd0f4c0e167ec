// Writing JSON responses and validating input, shared by every route module.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { SECURITY_HEADERS } from '../security-headers';
import { badRequest } from './errors';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }),
    ...headers,
  });
  res.end(text);
}

/**
 * A JSON object with one more string property whose text comes in pieces
 * that need no escaping (base64url): the pieces go into the response as
 * they are and are never joined into one string (a long one costs V8 a
 * memory mapping of its own; see ItemWithEnvelopePieces).
 */
export function sendJsonWithPieces(res: ServerResponse, status: number, body: Record<string, unknown>, key: string, pieces: readonly string[]): void {
  const rest = JSON.stringify(body);
  const head = Buffer.from(`${rest.slice(0, -1)}${rest === '{}' ? '' : ','}${JSON.stringify(key)}:"`);
  const parts = [head, ...pieces.map((piece) => Buffer.from(piece, 'latin1')), Buffer.from('"}')];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(length),
  });
  res.end(Buffer.concat(parts, length));
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? 'The request is not valid.'}`);
}
