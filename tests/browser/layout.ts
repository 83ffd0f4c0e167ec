// Layout and accessibility checks shared by the browser tests.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// Legacy mode runs axe.run() in the page itself: the default runs each frame
// partly, then opens a blank page, injects axe (500 KB) there a second time
// and finishes there, which was most of the cost of every check (the app has
// no cross-origin frames, the one thing legacy mode leaves out). Only
// violations are collected in full: they are all the tests read.
//
// `skipContrast` leaves out colour contrast, the slowest rule (half of each
// check): the accessibility suite checks contrast on every screen in English
// and Arabic (left to right, right to left) and skips it in the other
// languages, whose pages use the same style sheet and colours.
export async function axeViolations(page: Page, { skipContrast = false } = {}): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .disableRules(skipContrast ? ['color-contrast'] : [])
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
