// "Explain a photo or screenshot" in real Chromium: the generated 12 MP
// photos of letters (tests/support/letter-photos) go through the Explain
// screen as a claimant would choose them. The image worker finds and cleans
// the page, tesseract.js reads it in its worker, and the explainer must get
// the kind and the soonest deadline right for at least 9 of the 10
// full-page photos. One worker is reused across photos (it ends 10 s after
// the last one). Timing with 4× CPU throttling: ocr-throttled.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, waitForApp, type Harness } from './harness';
import { photoSet, type PhotoSet } from '../support/letter-photos/generate';
import { explainNotice } from '../../src/shared/notices';

/** The machine is shared: the explainer's worker can answer a while after the words are read. */
const SLOW = { timeout: 30_000 };
let harness: Harness;
let set: PhotoSet;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [harness, set] = await Promise.all([startHarness(), photoSet()]);
  context = await harness.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${set.today}T12:00:00Z`));
  await page.goto('/explain');
  await waitForApp(page);
}, 300_000);
afterAll(async () => harness?.close());

interface Reading {
  text: string;
  ms: number;
  /** Time spent finding and cleaning the page, and reading the words (from the screen's progress labels). */
  prepareMs: number;
  readMs: number;
}

/** Notes when the progress label changes, so each stage can be timed. */
async function watchStages(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stages: { label: string; at: number }[]; __stageObserver?: MutationObserver };
    w.__stages = [];
    w.__stageObserver?.disconnect();
    let last = '';
    const note = () => {
      const label =
        document.querySelector('.photo-reader .progress-panel__label')?.textContent ?? (document.querySelector('.photo-reader .inset[role=status]') ? 'done' : '');
      if (label && label !== last) w.__stages.push({ label: (last = label), at: performance.now() });
    };
    w.__stageObserver = new MutationObserver(note);
    w.__stageObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function stageTimes(): Promise<{ prepareMs: number; readMs: number }> {
  const stages = await page.evaluate(() => (window as unknown as { __stages: { label: string; at: number }[] }).__stages);
  const at = (prefix: string) => stages.find((s) => s.label.startsWith(prefix))?.at;
  const prepare = at('Finding the page');
  const read = at('Reading the words');
  const done = at('done');
  return { prepareMs: prepare && read ? read - prepare : NaN, readMs: read && done ? done - read : NaN };
}

/** Chooses a photo on the Explain screen and waits for the words (the explanation follows from the explainer's worker). */
async function readOnScreen(file: string): Promise<Reading> {
  await watchStages();
  const started = Date.now();
  await page.locator('#photo-choose').setInputFiles(file);
  const download = page.getByRole('button', { name: 'Download and read' });
  const done = page.getByText('We read the words in your picture', { exact: false });
  const failed = page.locator('.photo-reader .warning');
  // The first photo asks before downloading the reading tool.
  await Promise.race([download.waitFor({ timeout: 120_000 }), done.waitFor({ timeout: 120_000 }), failed.waitFor({ timeout: 120_000 })]);
  if (await download.isVisible()) await download.click();
  await Promise.race([done.waitFor({ timeout: 180_000 }), failed.waitFor({ timeout: 180_000 })]);
  if (await failed.isVisible()) throw new Error(`reading failed: ${await failed.textContent()}`);
  const ms = Date.now() - started;
  return {
    text: await page.getByLabel('Your message').inputValue(),
    ms,
    ...(await stageTimes()),
  };
}

const titles = JSON.parse(readFileSync('locales/en/notices.json', 'utf8')) as { kinds: Record<string, { title: string }> };
// The way the screen writes a date (English words from common.json, as src/client/initial/i18n/format.ts does).
const dateWords = (JSON.parse(readFileSync('locales/en/common.json', 'utf8')) as { date: { months: string[]; weekdays: string[]; full: string } }).date;
const longDate = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  const values: Record<string, string | number> = {
    weekday: dateWords.weekdays[(date.getUTCDay() + 6) % 7]!,
    day: date.getUTCDate(),
    month: dateWords.months[date.getUTCMonth()]!,
    year: date.getUTCFullYear(),
  };
  return dateWords.full.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
};

describe('explain a photo of a letter, read on the phone', () => {
  it('gets the kind and the deadline right for at least 9 of the 10 full-page photos', async () => {
    const rows: { id: string; kind: string; deadline: string | undefined; ok: boolean; ms: number; prepareMs: number; readMs: number }[] = [];
    for (const photo of set.photos) {
      const reading = await readOnScreen(join(set.dir, photo.file));
      // The screen's explanation is the explainer's: check it with the same code here.
      const explained = explainNotice(reading.text, { today: set.today });
      const deadline = explained.deadlines[0]?.date;
      const ok = explained.kind === photo.kind && deadline === photo.deadline;
      // What the claimant sees agrees with it, once the explainer's worker has answered for these words: until
      // then the screen still shows the last photo's explanation (the words go in the box a moment before).
      await expect.poll(async () => ((await page.locator('#result-heading').textContent()) ?? '').trim(), SLOW).toBe(titles.kinds[explained.kind]?.title);
      if (deadline) await expect.poll(() => page.locator('section.result').textContent(), SLOW).toContain(longDate(deadline));
      rows.push({ id: photo.id, kind: explained.kind, deadline, ok, ms: reading.ms, prepareMs: reading.prepareMs, readMs: reading.readMs });
      console.log(
        `${ok ? 'right' : 'WRONG'} ${photo.id}: ${explained.kind} ${deadline ?? '-'} (want ${photo.kind} ${photo.deadline}); ` +
          `${(reading.ms / 1000).toFixed(1)} s in all, page ${(reading.prepareMs / 1000).toFixed(1)} s, words ${(reading.readMs / 1000).toFixed(1)} s`,
      );
    }
    const full = rows.filter((_, i) => set.photos[i]!.fullPage);
    const right = full.filter((row) => row.ok).length;
    mkdirSync('.reports', { recursive: true });
    writeFileSync('.reports/photo-explain.json', JSON.stringify({ right, of: full.length, rows }, null, 2));
    console.log(`kind and deadline right: ${right} of ${full.length} full-page photos; all photos ${rows.filter((r) => r.ok).length} of ${rows.length}`);
    expect(right).toBeGreaterThanOrEqual(9);
  }, 900_000);
});
