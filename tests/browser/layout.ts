// Layout and accessibility checks shared by the browser tests.
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { AXE_PATH } from './harness';

// axe.run() in the page itself, with axe-core loaded from the test server
// (harness.ts) as a cacheable script: AxeBuilder's legacy mode sent its
// 570 KB as a string to every page, to be compiled afresh each time (0.4 to
// 0.9 s a check, as much as the rules themselves). The app has no frames.
// Only violations are collected in full: they are all the tests read.
//
// `skipContrast` leaves out colour contrast, the slowest rule (half of each
// check): the accessibility suite checks contrast on every screen in English
// and Arabic (left to right, right to left) and skips it in the other
// languages, whose pages use the same style sheet and colours.
export async function axeViolations(page: Page, { skipContrast = false } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const options: RunOptions = {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: skipContrast ? { 'color-contrast': { enabled: false } } : {},
  };
  const violations = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
    return (await axe.run(document, runOptions)).violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, options);
  return violations.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/** Elements that stick out of the screen sideways (the first few), and whether the page scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1) && !el.closest('.visually-hidden, .skip-link');
    });
    const page = document.documentElement.scrollWidth > width ? ['document is wider than the screen'] : [];
    return [...page, ...wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)];
  });
}
