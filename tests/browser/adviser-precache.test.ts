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
    expect(precached.filter((url) => url.includes('adviser'))).toEqual([]);
  });

  it("leaves no adviser-only code in a precached file (the adviser's database name)", () => {
    const scripts = precached.filter((url) => url.endsWith('.js'));
    expect(scripts.filter((url) => /["'`]uc-adviser["'`]/.test(readFileSync(join(DIST, url), 'utf8')))).toEqual([]);
  });
});
