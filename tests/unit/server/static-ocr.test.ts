// How the server sends the OCR engine's files: WebAssembly with its type,
// language data (already gzip) as it is, big files compressed on their first
// request rather than at start, and the only CSP that allows WebAssembly on
// the OCR worker's script alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { get, type Server } from 'node:http';
import { createAppServer, listen } from '../../../src/server/server';
import { loadStaticFiles } from '../../../src/server/static-files';
import { CONTENT_SECURITY_POLICY, OCR_WORKER_CONTENT_SECURITY_POLICY } from '../../../src/server/security-headers';

let server: Server;
let base: string;
let dir: string;
const ocr = '/assets/ocr/0123abcd/';
const wasm = Buffer.alloc(600_000, 7);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uc-static-ocr-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  mkdirSync(join(dir, ocr), { recursive: true });
  writeFileSync(join(dir, ocr, 'worker.min.js'), 'self.onmessage = () => {};'.repeat(40));
  writeFileSync(join(dir, ocr, 'tesseract-core-simd-lstm.js'), 'var TesseractCore;'.repeat(40));
  writeFileSync(join(dir, ocr, 'tesseract-core-simd-lstm.wasm'), wasm);
  writeFileSync(join(dir, ocr, 'eng.traineddata.gz'), gzipSync(Buffer.alloc(10_000, 1)));
  server = createAppServer({ staticDir: dir });
  base = await listen(server, 0, '127.0.0.1');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * A GET on a connection of its own (`agent: false`): fetch reuses a kept-alive
 * socket, and on a busy machine the server sometimes closed one just as the
 * next request went out on it (ECONNRESET, a flake of the test, not of the
 * server).
 */
function fetchOnce(path: string, headers: Record<string, string> = {}): Promise<{ headers: Headers; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answer.set(name, value);
        resolve({ headers: answer, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('OCR engine files', () => {
  it('loads big files without compressing them at start', () => {
    const files = loadStaticFiles(dir);
    const core = files.get(`${ocr}tesseract-core-simd-lstm.wasm`)!;
    expect(core).toMatchObject({ type: 'application/wasm', compressLater: true });
    expect(core.gzip).toBeUndefined();
    expect(files.get(`${ocr}eng.traineddata.gz`)).toMatchObject({ type: 'application/gzip' });
    expect(files.get(`${ocr}eng.traineddata.gz`)!.compressLater).toBeUndefined();
  });

  it('compresses WebAssembly on its first request, and caches it for a year', async () => {
    const response = await fetchOnce(`${ocr}tesseract-core-simd-lstm.wasm`, { 'accept-encoding': 'br' });
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(brotliDecompressSync(response.body)).toEqual(wasm);
  });

  it('sends the language data as it is (never gzip on gzip)', async () => {
    const response = await fetchOnce(`${ocr}eng.traineddata.gz`, { 'accept-encoding': 'gzip, br' });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/gzip');
  });

  it('allows WebAssembly only in the OCR worker script response', async () => {
    const worker = await fetchOnce(`${ocr}worker.min.js`);
    expect(worker.headers.get('content-security-policy')).toBe(OCR_WORKER_CONTENT_SECURITY_POLICY);
    for (const path of ['/', `${ocr}tesseract-core-simd-lstm.js`, '/explain']) {
      const response = await fetchOnce(path);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm');
  });
});
