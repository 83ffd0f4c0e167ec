// Reads a JSON request body with a hard limit. A declared Content-Length over
// the limit is refused before reading; a body that grows past it is refused the
// moment it does, and the rest is discarded (never buffered).
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, tooLarge } from './errors';
import { LONG_TEXT_BYTES, parseJsonKeepingLongText } from './long-base64url';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Set on a request whose body was refused part-way, so the response closes the connection. */
export const BODY_ABANDONED = Symbol('bodyAbandoned');

function isJsonType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * With `keepLongText` (the routes that take an envelope), long string values
 * come back as LongBase64url rather than strings: see long-base64url.ts.
 */
export async function readJsonBody(req: IncomingMessage, { limit = MAX_BODY_BYTES, keepLongText = false } = {}): Promise<unknown> {
  if (!isJsonType(req.headers['content-type'])) {
    throw new ApiError('unsupported_media_type', 'Send the request as JSON (Content-Type: application/json).');
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    abandon(req);
    throw tooLarge();
  }
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > limit) {
        done = true;
        chunks.length = 0;
        cleanup();
        abandon(req);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (done) return;
      done = true;
      cleanup();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = () => {
      if (done) return;
      done = true;
      cleanup();
      reject(badRequest('The request was cut off. Try again.'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
  if (isBlank(body)) throw badRequest('The request has no body. Send JSON.');
  try {
    return keepLongText && body.length >= LONG_TEXT_BYTES ? parseJsonKeepingLongText(body) : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    throw badRequest('The request is not valid JSON.');
  }
}

/** Nothing but white space, as String.prototype.trim sees it (without making a long body a string). */
function isBlank(body: Buffer): boolean {
  for (const byte of body) {
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    return byte < 0x80 ? false : body.toString('utf8').trim() === '';
  }
  return true;
}

/** Discards whatever is left of a body we will not read (so the response can still be delivered). */
export function abandon(req: IncomingMessage): void {
  (req as unknown as Record<symbol, boolean>)[BODY_ABANDONED] = true;
  req.on('data', () => {});
  req.on('error', () => {});
  req.resume();
}

export function wasAbandoned(req: IncomingMessage): boolean {
  return (req as unknown as Record<symbol, boolean>)[BODY_ABANDONED] === true;
}
