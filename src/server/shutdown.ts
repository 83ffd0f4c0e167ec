// Graceful stop of the HTTP server (SIGTERM): stop accepting connections,
// let requests in flight finish (their responses say Connection: close), close
// idle keep-alive connections, and after `graceMs` cut what is left.
import type { Server } from 'node:http';

/** Resolves true when every connection ended by itself, false when some had to be cut after `graceMs`. */
export function closeGracefully(server: Server, graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let cut = false;
    // A response finished on a kept-alive connection: close it once idle (the next request would find the server closing).
    const onRequest = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.shouldKeepAlive = false;
    };
    server.on('request', onRequest);
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const timer = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(timer);
      server.off('request', onRequest);
      resolve(!cut);
    });
    server.closeIdleConnections();
  });
}
