// Dates as Chromium shows them. Its Intl data has no Welsh, Somali or
// Tigrinya names (it wrote English), writes Panjabi as "2026 M11 28, Sat"
// and uses the Solar Hijri calendar for Persian; the app now writes dates
// from its own locale files, so the page shows exactly what the unit tests
// check. Also: right-to-left tab titles start with a direction mark, and the
// first-draft note shows only on screens with unreviewed text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';
import { setLanguage } from './screens';
import { writeDate, type DateWords } from '../../src/client/initial/i18n/format';
import { isFirstDraft } from '../../src/client/initial/i18n/languages';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const words = (code: string) => (JSON.parse(readFileSync(`locales/${code}/common.json`, 'utf8')) as { date: DateWords }).date;

describe('dates and titles in Chromium', () => {
  it('shows the appeal date of the sample MRN (Wednesday 9 December 2026) in each language’s words', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/');
    await waitForApp(page);
    for (const code of ['cy', 'pa', 'so', 'ti', 'fa', 'ar', 'bn', 'ur']) {
      await setLanguage(page, code);
      await page.goto('/explain');
      await waitForApp(page);
      await page.locator('#notice-text').fill(SAMPLE_MRN);
      const date = page.locator('section.result .deadline__date strong').first();
      await date.waitFor();
      await expect(date.textContent(), code).resolves.toBe(writeDate('2026-12-09', words(code)));
      const title = await page.evaluate(() => document.title);
      expect(title.startsWith('\u200F'), `${code}: ${title}`).toBe(['fa', 'ar', 'ur'].includes(code));
      await page.goto('/');
      await waitForApp(page);
    }
    await context.close();
  });

  it('shows the first-draft note only where some text is unreviewed', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    for (const code of ['cy', 'pl']) {
      await setLanguage(page, code);
      for (const [path, namespaces] of [
        ['/', ['common']],
        ['/helpers', ['common', 'helpers', 'forms']],
        ['/explain', ['common', 'explain', 'notices', 'forms']],
        ['/privacy', ['common', 'forward']],
      ] as const) {
        await page.goto(path);
        await waitForApp(page);
        await page.locator('h1.page-heading').waitFor();
        await expect(page.locator('.translation-note').count(), `${code} ${path}`).resolves.toBe(isFirstDraft(code, namespaces) ? 1 : 0);
      }
    }
    await context.close();
  });
});
