// Compressed copies of the built files kept in a folder between server starts
// (the browser tests start one per file): a start reads back what an earlier
// one compressed, keyed by content, so a changed file is never served stale.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadStaticFiles } from '../../../src/server/static-files';

const script = (word: string) => `console.log(${JSON.stringify(word)});\n`.repeat(50);

describe('loadStaticFiles with a cache folder', () => {
  it('keeps the compressed copies, reads them back, and compresses a changed file afresh', () => {
    const site = mkdtempSync(join(tmpdir(), 'uc-static-site-'));
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'uc-static-cache-')), 'static');
    writeFileSync(join(site, 'app.js'), script('first'));

    const first = loadStaticFiles(site, { cacheDir }).get('/app.js')!;
    expect(readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.br$/), expect.stringMatching(/^[0-9a-f]{64}\.gz$/)]);
    const again = loadStaticFiles(site, { cacheDir }).get('/app.js')!;
    expect(again.gzip!.equals(first.gzip!)).toBe(true);
    expect(again.brotli!.equals(first.brotli!)).toBe(true);

    // What a start serves is what the folder holds for that content (so it was read back, not made again).
    const name = readdirSync(cacheDir).find((f) => f.endsWith('.gz'))!;
    writeFileSync(join(cacheDir, name), Buffer.from('not what was cached'));
    expect(loadStaticFiles(site, { cacheDir }).get('/app.js')!.gzip!.toString()).toBe('not what was cached');

    writeFileSync(join(site, 'app.js'), script('second'));
    const changed = loadStaticFiles(site, { cacheDir }).get('/app.js')!;
    expect(gunzipSync(changed.gzip!).toString()).toBe(script('second'));
    expect(brotliDecompressSync(changed.brotli!).toString()).toBe(script('second'));
    expect(readdirSync(cacheDir)).toHaveLength(4);
  });

  it('compresses the same way without one', () => {
    const site = mkdtempSync(join(tmpdir(), 'uc-static-site-'));
    writeFileSync(join(site, 'app.js'), script('plain'));
    const file = loadStaticFiles(site).get('/app.js')!;
    expect(gunzipSync(file.gzip!).toString()).toBe(script('plain'));
    expect(brotliDecompressSync(file.brotli!).toString()).toBe(script('plain'));
  });
});
