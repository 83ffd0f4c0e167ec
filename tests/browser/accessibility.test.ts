import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { SCREENS } from './screens';
import { axeViolations, horizontalOverflow } from './layout';
import { LANGUAGES } from '../../src/client/initial/i18n/languages';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

async function contextIn(language: string, options: Parameters<Harness['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await harness.newContext({ serviceWorkers: 'block', ...options });
  // The language as the picker leaves it remembered (localStorage), set before
  // each page's own script runs: opening Home and the picker once per language
  // cost about 2 s each (the picker itself: focus-and-announcements.test.ts).
  if (language !== 'en') await context.addInitScript((code) => localStorage.setItem('uc-language', code), language);
  return context;
}

// Colour contrast is the same style sheet in every language: checked in one
// language each way (left to right, right to left), skipped in the others.
const CONTRAST_CHECKED_IN = new Set(['en', 'ar']);

for (const { code: language, dir } of LANGUAGES) {
  // Screens of one language are checked two at a time: axe is CPU-bound and
  // one page at a time leaves a core idle.
  describe.concurrent(`every screen in ${language}`, () => {
    // One browser context per language (the choice is remembered in it). Each screen is a new
    // document (every screen opens with page.goto) in a page kept from an earlier screen when one
    // is free: a new page cost 0.2 to 1 s a screen on 2 cores, and the kept one's renderer has
    // axe and the app compiled already (this suite: 60 -> 37 s for English and Polish).
    let context: BrowserContext;
    const idlePages: Page[] = [];
    beforeAll(async () => {
      context = await contextIn(language, { viewport: { width: 320, height: 640 } });
    });
    afterAll(async () => context?.close());

    for (const screen of SCREENS) {
      const rules = CONTRAST_CHECKED_IN.has(language) ? 'zero axe violations' : 'zero axe violations (every rule but contrast)';
      it(`${screen.name}: ${rules}, lang and dir set, fits 320 px`, async ({ expect }) => {
        const page = idlePages.pop() ?? (await context.newPage());
        await screen.open(page);
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language);
        await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe(dir);
        await expect(axeViolations(page, { skipContrast: !CONTRAST_CHECKED_IN.has(language) })).resolves.toEqual([]);
        await expect(horizontalOverflow(page)).resolves.toEqual([]);
        // Drafts are kept per tab (sessionStorage): the next screen starts with none, as in a new tab.
        await page.evaluate(() => sessionStorage.clear());
        idlePages.push(page);
      });
    }
  });
}

describe('layout and input', () => {
  // 200 % page zoom on a 640 px window is a 320 px layout, checked above for
  // every screen; here the text alone is doubled, as "large text" settings do.
  it('works with text at 200 % and never blocks zoom', async () => {
    const context = await contextIn('en', { viewport: { width: 640, height: 800 } });
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await screen.open(page);
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await expect(horizontalOverflow(page), screen.name).resolves.toEqual([]);
    }
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
    await context.close();
  });

  it('gives every button, field and menu link a touch target of at least 44 px', async () => {
    const context = await contextIn('en', { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await screen.open(page);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, .site-nav a, a.button')]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => {
            const box = el.getBoundingClientRect();
            const isChoice = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
            // Checkboxes and radios count with their label, as GOV.UK styles them.
            const target = isChoice ? (el.closest('.choice, .checkbox') ?? el).getBoundingClientRect() : box;
            return target.height < 44 || target.width < 44;
          })
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} ${el.textContent?.trim().slice(0, 30)}`),
      );
      expect(small, screen.name).toEqual([]);
    }
    await context.close();
  });

  it('can be used with the keyboard alone: skip link, menu, explain, focus moves to the new heading', async () => {
    const context = await contextIn('en');
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForSelector('h1.page-heading');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
    expect(focusVisible).not.toBe('rgba(0, 0, 0, 0)');
    // Tab to the menu's "Explain a message" link and follow it.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent);
      if (text === 'Explain a message') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Explain a message' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The next Tab stops inside the screen: the paste box comes soon after.
    let reachedBox = false;
    for (let i = 0; i < 5 && !reachedBox; i++) {
      await page.keyboard.press('Tab');
      reachedBox = await page.evaluate(() => document.activeElement?.id === 'notice-text');
    }
    expect(reachedBox).toBe(true);
    await page.keyboard.type('Your claim has been closed');
    await page.locator('section.result').waitFor();
    await context.close();
  });

  it('has an axe check that finds what it should: an image with no text, low contrast (and not when told to skip it)', async () => {
    const context = await contextIn('en');
    const page = await context.newPage();
    await page.goto('/privacy');
    await page.waitForSelector('h1.page-heading');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><p id="pale">Pale words</p>');
      // Set from script: the app's CSP refuses style attributes.
      Object.assign(document.getElementById('pale')!.style, { color: '#bbb', background: '#fff' });
    });
    const found = await axeViolations(page);
    expect(found.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    const withoutContrast = await axeViolations(page, { skipContrast: true });
    expect(withoutContrast.map((v) => v.split(':')[0])).toEqual(['image-alt']);
    await context.close();
  });

  it('follows dark mode and reduced motion', async () => {
    const context = await contextIn('en', { colorScheme: 'dark', reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const screen of SCREENS.slice(0, 3)) {
      await screen.open(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(18, 19, 20)');
      await expect(axeViolations(page), screen.name).resolves.toEqual([]);
    }
    await context.close();
  });
});
