// The HTTP server: the built app on one port, with a health endpoint, and the
// relay API under /api/ when one is given.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from './security-headers';
import { SHARE_TARGET_PATH } from '../shared/protocol/share-target-paths';
import { compressNow, loadStaticFiles, type StaticFile } from './static-files';
import type { Config } from './config';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: StaticFile, status = 200): void {
  compressNow(file);
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = file.brotli && /\bbr\b/.test(accept) ? 'br' : file.gzip && /\bgzip\b/.test(accept) ? 'gzip' : null;
  const body = encoding === 'br' ? file.brotli! : encoding === 'gzip' ? file.gzip! : file.body;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...(file.contentSecurityPolicy ? { 'Content-Security-Policy': file.contentSecurityPolicy } : {}),
    'Content-Type': file.type,
    'Cache-Control': file.cacheControl,
    'Content-Length': body.length,
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function isApiPath(rawPath: string): boolean {
  return rawPath === '/api' || rawPath.startsWith('/api/');
}

/** One year; sent only when the app's public address is https (a browser ignores it over http anyway). */
export const HSTS = 'max-age=31536000';

/** How long an idle kept-alive connection is kept (see createAppServer). */
export const KEEP_ALIVE_MS = 65_000;

export function createAppServer(
  config: Pick<Config, 'staticDir'> & Partial<Pick<Config, 'publicOrigin'>>,
  // Tests pass their own map to change a file while the server runs.
  files: Map<string, StaticFile> = loadStaticFiles(config.staticDir),
  api?: RequestHandler,
  /** GET /metrics (metrics.ts); without it /metrics is an ordinary missing file. */
  metrics?: RequestHandler,
): Server {
  const shell = files.get('/index.html');
  const hsts = config.publicOrigin?.startsWith('https:') === true;
  // An idle kept-alive connection stays open longer than a proxy keeps its
  // own (nginx's upstream keepalive_timeout and most load balancers: 60 s).
  // Node's 5 s default closed connections a proxy or a client was about to
  // reuse, which they see as a reset or a 502.
  const options = { keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1_000 };
  return createServer(options, (req, res) => {
    // Merged into every response's writeHead, the API's included.
    if (hsts) res.setHeader('Strict-Transport-Security', HSTS);
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    if (isApiPath(rawPath)) {
      if (!api) return sendJson(res, 404, { error: 'not_found', message: 'There is no API on this server.' });
      api(req, res).catch(() => {
        // The API answers its own errors; this is the last guard.
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', message: 'Something went wrong on the relay. Try again later.' });
        else res.destroy();
      });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return sendJson(res, 400, { error: 'bad_request', message: 'The address is not valid.' });
    }
    if (path === '/health') return sendJson(res, 200, { ok: true });
    if (path === '/metrics' && metrics) {
      metrics(req, res).catch(() => res.destroy());
      return;
    }
    // Android's share sheet posts here; the service worker normally answers.
    // Without it (first visit, cleared data) the file cannot be kept: say so.
    if (path === SHARE_TARGET_PATH && req.method === 'POST') {
      req.resume();
      res.writeHead(303, { ...SECURITY_HEADERS, Location: '/send?shared=failed', 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { error: 'method_not_allowed', message: 'Only GET and HEAD are allowed here.' });
    }
    const file = files.get(path === '/' ? '/index.html' : path);
    if (file) return sendFile(req, res, file);
    // Screens (/explain, /notice/…) are app routes: answer with the shell.
    if (shell && !path.startsWith('/assets/') && !extnameLike(path)) return sendFile(req, res, shell);
    return sendJson(res, 404, { error: 'not_found', message: 'There is nothing at this address.' });
  });
}

function extnameLike(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path);
}

export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}
