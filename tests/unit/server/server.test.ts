import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { createAppServer, listen } from '../../../src/server/server';
import { loadConfig } from '../../../src/server/config';

let server: Server;
let base: string;
const shell = `<!doctype html><html><body>${'app shell '.repeat(50)}</body></html>`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'uc-static-'));
  writeFileSync(join(dir, 'index.html'), shell);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});'.repeat(20));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);'.repeat(50));
  server = createAppServer({ staticDir: dir });
  base = await listen(server, 0, '127.0.0.1');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('static server', () => {
  it('sends a strict CSP and no cookies with every response', async () => {
    const response = await fetch(`${base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers app routes with the shell, so a reload on /explain works', async () => {
    const response = await fetch(`${base}/explain`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(shell);
  });

  it('caches hashed assets for a year but makes sw.js and the shell revalidate', async () => {
    expect((await fetch(`${base}/assets/index-abc123.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses text when the browser accepts gzip', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
      request(`${base}/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(body.encoding).toBe('gzip');
    expect(gunzipSync(body.bytes).toString()).toBe(shell);
  });

  it('gives a clear JSON 404 for missing files and 405 for other methods', async () => {
    const missing = await fetch(`${base}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const post = await fetch(`${base}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('has a health endpoint', async () => {
    await expect((await fetch(`${base}/health`)).json()).resolves.toEqual({ ok: true });
  });
});

describe('config', () => {
  it('defaults to 127.0.0.1:8080 and reads PORT', () => {
    expect(loadConfig({})).toMatchObject({ port: 8080, host: '127.0.0.1' });
    expect(loadConfig({ PORT: '9000' }).port).toBe(9000);
  });
  it('rejects a bad PORT with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
