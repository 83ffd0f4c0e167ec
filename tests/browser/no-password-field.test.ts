// The product promise: no password field anywhere, in any built page or screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness';
import { SCREENS } from './screens';

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('no password field', () => {
  it('appears in no built HTML or JavaScript', () => {
    const offenders = builtFiles('dist')
      .filter((path) => /\.(html|js)$/.test(path))
      .filter((path) => /type\s*[=:]\s*["']?password/i.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('appears on no screen of the running app', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await screen.open(page);
      await expect(page.locator('input[type="password"]').count(), screen.name).resolves.toBe(0);
      await expect(page.locator('[autocomplete~="current-password"], [autocomplete~="new-password"]').count()).resolves.toBe(0);
    }
    await context.close();
  });
});
