// A proxy in front of the relay keeps idle connections to it for about 60 s
// (nginx's upstream keepalive, most load balancers): the relay must keep them
// longer, or the proxy reuses a connection the relay has just closed (a 502).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, get, type Server } from 'node:http';
import { createAppServer, listen } from '../../../src/server/server';

let server: Server;
let base: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'uc-keep-alive-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  server = createAppServer({ staticDir: dir });
  base = await listen(server, 0, '127.0.0.1');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('keeps an idle connection for longer than a proxy keeps its own (over 60 s), and says so', async () => {
  const agent = new Agent({ keepAlive: true });
  const header = await new Promise<string | undefined>((resolve, reject) => {
    get(`${base}/`, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(String(response.headers['keep-alive'] ?? '')));
    }).on('error', reject);
  });
  agent.destroy();
  const seconds = Number(/timeout=(\d+)/.exec(header ?? '')?.[1]);
  expect(seconds).toBeGreaterThan(60);
  // Headers may take no longer than that either, or Node would close the connection first.
  expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
});
