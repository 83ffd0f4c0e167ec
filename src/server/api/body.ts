// Reads a JSON request body with a hard limit. A declared Content-Length over
// the limit is refused before reading; a body that grows past it is refused the
// moment it does, and the rest is discarded (never buffered).
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, tooLarge } from './errors';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Set on a request whose body was refused part-way, so the response closes the connection. */
export const BODY_ABANDONED = Symbol('bodyAbandoned');

function isJsonType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonType(req.headers['content-type'])) {
    throw new ApiError('unsupported_media_type', 'Send the request as JSON (Content-Type: application/json).');
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    abandon(req);
    throw tooLarge();
  }
  const text = await new Promise<string>((resolve, reject) => {
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
      resolve(Buffer.concat(chunks, total).toString('utf8'));
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
  if (text.trim() === '') throw badRequest('The request has no body. Send JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request is not valid JSON.');
  }
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
