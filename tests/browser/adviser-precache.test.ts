// The adviser's inbox is a separate part: claimants never download it, and
// the service worker never precaches it (vite.config.ts puts every
// adviser-only module, its database included, in assets/adviser/).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const precached = [...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? '');

describe("the adviser's part of the build", () => {
  it('is in assets/adviser/ and not in the precache list', () => {
    expect(readdirSync(join(DIST, 'assets/adviser')).some((name) => name.endsWith('.js'))).toBe(true);
    expect(precached.length).toBeGreaterThan(10);
    expect(precached.filter((url) => url.startsWith('assets/adviser/'))).toEqual([]);
    // Every chunk named after an adviser module is in that folder, but for the
    // check of the adviser's keys that a claimant's phone makes when connecting.
    expect(precached.filter((url) => url.includes('adviser') && !/^assets\/adviser-keys-[\w-]+\.js$/.test(url))).toEqual([]);
  });

  it("keeps the PDF reader (pdfjs-dist and its worker) in the adviser's folder only", () => {
    const adviserFiles = readdirSync(join(DIST, 'assets/adviser'));
    expect(adviserFiles.some((name) => /^pdf-.*\.js$/.test(name))).toBe(true);
    // The worker is a module script named .js, so every server sends it as JavaScript.
    expect(adviserFiles.some((name) => /^pdf\.worker.*\.js$/.test(name))).toBe(true);
    expect(readdirSync(join(DIST, 'assets')).filter((name) => name.startsWith('pdf'))).toEqual([]);
    expect(precached.filter((url) => url.includes('pdf'))).toEqual([]);
  });

  it("leaves no adviser-only code in a precached file (the adviser's database name)", () => {
    const scripts = precached.filter((url) => url.endsWith('.js'));
    expect(scripts.filter((url) => /["'`]uc-adviser["'`]/.test(readFileSync(join(DIST, url), 'utf8')))).toEqual([]);
  });
});
