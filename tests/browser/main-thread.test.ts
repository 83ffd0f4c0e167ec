// How long each claimant screen holds up the page's thread while it loads,
// measured in CPU time so that a busy machine does not change the answer
// (Lighthouse's blocking time is simulated from wall-clock time, which a
// shared machine stretches: see lighthouse.test.ts). From the first paint
// on, every task of the page's main thread counts its thread CPU time times
// Lighthouse's mobile CPU slowdown, and what is over 50 ms blocks, as in
// Lighthouse's total blocking time. The slowdown is ×4 on a machine as fast
// as the one the budget was set on and less on a slower one, measured before
// each screen with a fixed piece of work (cpu-calibration.ts): a slower CPU
// lengthens CPU time too, and CI once failed Arabic Reminders at 102 ms with
// tasks that take 57 ms here. Budget: 80 ms a screen, in English and Arabic
// (a performance score of 98 leaves room for about 100 ms of simulated
// blocking time). Before the explainer moved to a worker and UK time stopped
// loading Intl's time-zone data, Explain, a saved notice, Write to DWP and
// Reminders blocked for 50 to 150 ms; now every screen is at 0 to 36 ms
// on Chromium 156 (up to 50 at a load of 11 on 2 cores, where CPU time
// stretches too). Nothing of the test's own runs in the page while it is
// traced (see headingShown). A screen over budget is measured again (up to
// three runs) and the lowest figure counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { SAMPLE_MRN, startHarness, type Harness } from './harness';
import { rendererMainThread, type TraceEvent } from './trace-events';
import { calibratedSlowdown, fixedWorkCpuMs } from './cpu-calibration';

const BUDGET_MS = 80;
const CPU_SLOWDOWN = 4;
/** The least slowdown a slower machine gets: on a machine more than twice as slow as the reference, a screen is held to more than the reference's budget rather than waved through. */
const MIN_CPU_SLOWDOWN = 2;
const LONG_TASK_MS = 50;
/**
 * A screen over budget is measured again, up to this many runs in all, and
 * the lowest figure counts: other work on the machine (another core's
 * process sharing caches, or the CPU's clock) can lengthen a task's CPU time
 * but never shorten it. With 2 runs, Arabic Home once measured 88 ms (tasks
 * of 79 and 109 ms at ×4) where the run before had 34.
 */
const MAX_RUNS = 3;

let harness: Harness;
const results: Record<string, { blockingMs: number; longTasksMs: number[]; slowdown: number; fixedWorkMs: number }> = {};

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  if (Object.keys(results).length > 0) {
    mkdirSync('.reports', { recursive: true });
    writeFileSync(
      '.reports/main-thread.json',
      JSON.stringify({ budgetMs: BUDGET_MS, cpuSlowdown: CPU_SLOWDOWN, minCpuSlowdown: MIN_CPU_SLOWDOWN, results }, null, 2),
    );
  }
  await harness?.close();
});

async function savedNoticePath(page: Page): Promise<string> {
  await page.goto('/explain');
  await page.locator('#notice-text').fill(SAMPLE_MRN);
  await page.locator('#save-notice').click(); // by id: in every language, whatever questions the last explanation showed
  return (await page.locator('section.result a.button[href^="/notice/"]').getAttribute('href')) ?? '';
}

/**
 * Waits for the screen's heading with a one-line expression, not a locator:
 * a locator first evaluates Playwright's own script of some hundreds of KB
 * in the page, and on Chromium 156 its parse alone was a 40 to 60 ms task at
 * ×4 on the page's thread, counted as the screen's.
 */
async function headingShown(cdp: CDPSession): Promise<void> {
  const shown = async () => (await cdp.send('Runtime.evaluate', { expression: "document.querySelector('main h1') !== null" })).result.value;
  await expect.poll(shown, { timeout: 30_000 }).toBe(true);
}

/** A first visit to the screen (no service worker), traced: its blocking time and long tasks, from CPU time. */
async function measure(path: string | ((page: Page) => Promise<string>), language: string) {
  const context = await harness.newContext({ serviceWorkers: 'block' });
  try {
    let address = typeof path === 'string' ? path : '';
    if (typeof path !== 'string') {
      const first = await context.newPage();
      address = await path(first);
      await first.close();
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] } });
    await page.goto(`${address}${address.includes('?') ? '&' : '?'}lang=${language}`);
    await headingShown(cdp);
    // The screen's words and data arrive, and anything it starts after its first paint runs.
    await page.waitForTimeout(2000);
    await cdp.send('Tracing.end');
    await complete;
    const fixedWorkMs = await fixedWorkCpuMs(cdp);
    const slowdown = calibratedSlowdown(fixedWorkMs, CPU_SLOWDOWN, MIN_CPU_SLOWDOWN);
    const fcp = events.find((event) => event.name === 'firstContentfulPaint');
    const main = rendererMainThread(events, fcp?.pid);
    expect(fcp, 'the screen painted').toBeDefined();
    expect(main, "the page's main thread is in the trace").toBeDefined();
    const longTasksMs = events
      .filter((event) => event.pid === main!.pid && event.tid === main!.tid && event.ph === 'X' && event.name === 'RunTask' && event.ts >= fcp!.ts)
      .map((task) => Math.round((slowdown * (task.tdur ?? task.dur ?? 0)) / 1000))
      .filter((ms) => ms > LONG_TASK_MS);
    return {
      blockingMs: longTasksMs.reduce((sum, ms) => sum + ms - LONG_TASK_MS, 0),
      longTasksMs,
      slowdown: Math.round(slowdown * 100) / 100,
      fixedWorkMs: Math.round(fixedWorkMs * 10) / 10,
    };
  } finally {
    await context.close();
  }
}

const SCREENS: { name: string; path: string | ((page: Page) => Promise<string>) }[] = [
  { name: 'home', path: '/' },
  { name: 'explain', path: '/explain' },
  { name: 'saved notice', path: savedNoticePath },
  { name: 'write to DWP (helpers)', path: '/helpers' },
  { name: 'send to my adviser', path: '/send' },
  { name: 'connect to my adviser', path: '/connect' },
  { name: 'reminders', path: '/reminders' },
  { name: 'privacy', path: '/privacy' },
  { name: 'not found', path: '/no-such-page' },
];

for (const language of ['en', 'ar']) {
  describe(`the page's main thread while a screen loads (CPU time ×${CPU_SLOWDOWN} on the reference machine), ${language}`, () => {
    for (const screen of SCREENS) {
      it(`${screen.name}: blocks for at most ${BUDGET_MS} ms`, { timeout: 90_000 }, async () => {
        let figures = await measure(screen.path, language);
        for (let run = 2; run <= MAX_RUNS && figures.blockingMs > BUDGET_MS; run++) {
          const again = await measure(screen.path, language);
          if (again.blockingMs < figures.blockingMs) figures = again;
        }
        results[`${language} ${screen.name}`] = figures;
        console.log(
          `main thread ${language} ${screen.name}: blocking ${figures.blockingMs} ms (long tasks ${figures.longTasksMs.join(', ') || 'none'} ms; CPU ×${figures.slowdown}, fixed work ${figures.fixedWorkMs} ms)`,
        );
        expect(figures.blockingMs).toBeLessThanOrEqual(BUDGET_MS);
      });
    }
  });
}
