// Writing JSON responses and validating input, shared by every route module.
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { SECURITY_HEADERS } from '../security-headers';
import { badRequest } from './errors';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  endJson(res, status, body === undefined ? undefined : JSON.stringify(body), headers);
}

/**
 * A JSON object with one more string property whose text comes in pieces
 * that need no escaping (base64url): the pieces go into the response as
 * they are and are never joined into one string (a long one costs V8 a
 * memory mapping of its own; see ItemWithEnvelopePieces).
 */
export function sendJsonWithPieces(res: ServerResponse, status: number, body: Record<string, unknown>, key: string, pieces: readonly string[]): void {
  if (key in body) throw new Error(`sendJsonWithPieces: the body already has "${key}"`);
  const rest = JSON.stringify(body);
  const head = `${rest.slice(0, -1)}${rest === '{}' ? '' : ','}${JSON.stringify(key)}:"`;
  const tail = '"}';
  let length = Buffer.byteLength(head) + tail.length;
  for (const piece of pieces) length += piece.length;
  // One copy of each piece, straight into the answer's buffer.
  const out = Buffer.allocUnsafe(length);
  let at = out.write(head);
  for (const piece of pieces) at += out.write(piece, at, 'latin1');
  out.write(tail, at, 'latin1');
  endJson(res, status, out);
}

/** The answer with the security headers, never cached; JSON when there is a payload. */
function endJson(res: ServerResponse, status: number, payload: string | Buffer | undefined, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    ...(payload === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(payload)) }),
    ...headers,
  });
  res.end(payload);
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest(`${where}${issue?.message ?? 'The request is not valid.'}`);
}
