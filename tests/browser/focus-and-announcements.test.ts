// What axe cannot see, checked in real Chromium: the language list changes
// nothing until a language is chosen; focus shows in forced colours (Windows
// high contrast) on links, buttons and file inputs; focus never falls back to
// <body> after an action removes or disables the control that had it; the
// live region says when an explanation appears; one submit makes one alert.
// Each test names the finding of shared/reviews/accessibility-2026-12.md it covers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';
import { enrolmentLink } from './relay-people';

let harness: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uc-focus-'));
  harness = await startHarness({ relay: true, dataDir });
});
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function claimantPage(options: Parameters<Harness['newContext']>[0] = {}): Promise<Page> {
  const context = await harness.newContext({ serviceWorkers: 'block', ...options });
  return context.newPage();
}

async function go(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForApp(page);
}

/** The machine is shared: announcements wait for a pause, and a busy core can stretch it. */
const SLOW = { timeout: 15_000 };

/** The focused element, described: never "body". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} ${el.textContent?.trim().slice(0, 40) ?? ''}`.trim();
  });

/** Everything the polite status region said, in order (a MutationObserver, as the review used). */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.querySelector('[role="status"][aria-live="polite"]')!;
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}
const announcements = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

/** The number of pixels that differ between two PNG screenshots, counted in a blank page (no CSP). */
async function changedPixels(context: BrowserContext, a: Buffer, b: Buffer): Promise<number> {
  const scratch = await context.newPage();
  try {
    return await scratch.evaluate(
      async ([one, two]) => {
        const load = async (b64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${b64}`;
          await image.decode();
          const canvas = new OffscreenCanvas(image.width, image.height);
          const g = canvas.getContext('2d')!;
          g.drawImage(image, 0, 0);
          return g.getImageData(0, 0, image.width, image.height);
        };
        const [x, y] = await Promise.all([load(one!), load(two!)]);
        if (x.width !== y.width || x.height !== y.height) return Number.MAX_SAFE_INTEGER;
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 30) changed++;
        }
        return changed;
      },
      [a.toString('base64'), b.toString('base64')],
    );
  } finally {
    await scratch.close();
  }
}

/** Pixels that change around an element when it takes keyboard focus (its outline is drawn outside it). */
async function focusChange(page: Page, target: Locator, around: Locator = target): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await around.scrollIntoViewIfNeeded();
  const box = (await around.boundingBox())!;
  const clip = { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: box.width + 16, height: box.height + 16 };
  const before = await page.screenshot({ clip });
  // A key press first, so the browser treats the focus as keyboard focus (:focus-visible).
  await page.keyboard.press('Shift');
  await target.focus();
  const after = await page.screenshot({ clip });
  await target.blur();
  return changedPixels(page.context(), before, after);
}

describe('language list (finding 2)', () => {
  it('arrowing through it changes nothing; choosing a language changes it and focuses the heading', async () => {
    const page = await claimantPage();
    await go(page, '/');
    const summary = page.locator('.language-picker summary');
    await summary.focus();
    await page.keyboard.press('Enter'); // open the list
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'Home']) {
      await page.keyboard.press(key);
      await expect(
        page.evaluate(() => document.documentElement.lang),
        key,
      ).resolves.toBe('en');
    }
    // Tab through the list: still nothing changes.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['en', 'ltr']);
    const welsh = page.getByRole('link', { name: 'Cymraeg' });
    await expect(welsh.getAttribute('hreflang')).resolves.toBe('cy');
    await expect(welsh.getAttribute('lang')).resolves.toBe('cy');
    await expect(page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).resolves.toBe('true');
    await welsh.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'cy');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.context().close();
  });
});

describe('focus in forced colours (findings 3 and 6)', () => {
  it('links, buttons and the error summary’s links show focus', async () => {
    const page = await claimantPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await go(page, '/helpers');
    await page.getByRole('button', { name: 'Write my request' }).click();
    await page.locator('#mr-errors').waitFor();
    const targets: [string, Locator][] = [
      ['menu link', page.locator('.site-nav a[href="/explain"]')],
      ['app name link', page.locator('.site-header__name')],
      ['footer link', page.locator('.site-footer a[href="/privacy"]')],
      ['error summary link', page.locator('#mr-errors a').first()],
      ['button', page.getByRole('button', { name: 'Write my request' })],
      ['language list', page.locator('.language-picker summary')],
      ['date field', page.locator('#mr-decision-date-day')],
    ];
    for (const [name, target] of targets) expect(await focusChange(page, target), name).toBeGreaterThan(50);
    await page.context().close();
  });
});

describe('focus is never lost to <body> (finding 4), and the explanation is announced (finding 5)', () => {
  it('Explain: the live region says the explanation is ready, changes and goes; Save and Clear move focus on purpose', async () => {
    const page = await claimantPage();
    await go(page, '/explain');
    await recordAnnouncements(page);
    const box = page.locator('#notice-text');
    await box.fill(SAMPLE_MRN);
    await expect.poll(() => announcements(page), SLOW).toContain('Explanation ready: Mandatory reconsideration notice (MRN). Read it after the message box.');
    // Choosing the kind changes the explanation: said once more.
    await page.getByRole('button', { name: "I'll choose the kind of message" }).click();
    await page.locator('#kind-select').selectOption('payment-statement');
    await expect.poll(() => announcements(page), SLOW).toContain('Explanation ready: Payment statement. Read it after the message box.');
    await page.locator('#kind-select').selectOption('');

    // Save → focus on the link that replaced the button.
    const save = page.getByRole('button', { name: 'Save on this phone' });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('a#explain-see-saved See my saved message');

    // Clear → focus back in the box, and "Explanation cleared." once the result goes.
    await page.getByRole('button', { name: 'Clear' }).focus();
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toBe('textarea#notice-text');
    await expect.poll(() => announcements(page), SLOW).toContain('Explanation cleared.');

    // Typing a message key by key is announced once, after the pause, not on every key.
    const before = (await announcements(page)).length;
    await box.pressSequentially('Your claim has been closed', { delay: 30 });
    await expect.poll(() => announcements(page), SLOW).toContain('Explanation ready: Your claim was closed. Read it after the message box.');
    await page.waitForTimeout(1500);
    expect((await announcements(page)).length - before).toBe(1);
    await page.context().close();
  });

  it('Explain: paste help is there before any failure, and a failed paste is shown, not only announced (finding 9)', async () => {
    const page = await claimantPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { readText: () => Promise.reject(new Error('blocked')) } });
    });
    await go(page, '/explain');
    await expect(page.locator('#notice-text-hint').textContent()).resolves.toContain('press and hold in the box, then choose Paste');
    await page.getByRole('button', { name: 'Paste' }).click();
    await page.locator('main .inline-status').filter({ hasText: 'We could not paste.' }).waitFor();
    await page.context().close();
  });

  it('Explain, photo reader: each file input read once, strong focus also in forced colours, focus kept while busy (findings 4, 6 and 17)', async () => {
    const page = await claimantPage();
    await go(page, '/explain');
    const pick = await page.locator('.photo-reader .button-group').ariaSnapshot();
    expect(pick.match(/Take a photo/g)).toHaveLength(1);
    expect(pick.match(/Choose a picture/g)).toHaveLength(1);
    const choose = page.locator('#photo-choose');
    const chooseLabel = page.locator('label[for="photo-choose"]');
    const labelBox = (await chooseLabel.boundingBox())!;
    expect(await focusChange(page, choose, chooseLabel)).toBeGreaterThan(0.6 * labelBox.width * labelBox.height);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await focusChange(page, page.locator('#photo-take'), page.locator('label[for="photo-take"]')), 'file input in forced colours').toBeGreaterThan(50);
    await page.emulateMedia({ forcedColors: 'none' });
    // Choosing a picture makes the reader busy (it asks to download the reading tool): focus stays on the input.
    const png = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(300, 200);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 300, 200);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await choose.focus();
    await choose.setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await page.getByRole('heading', { name: 'This phone needs a reading tool first' }).waitFor(SLOW);
    await expect(focused(page)).resolves.toMatch(/^input#photo-choose/);
    await page.context().close();
  });

  it('Reminders: refused permission moves focus to the summary, which links to the help (no "above": finding 16)', async () => {
    const page = await claimantPage();
    await page.addInitScript(() => {
      let permission: NotificationPermission = 'default';
      Object.defineProperty(Notification, 'permission', { get: () => permission });
      Notification.requestPermission = async () => (permission = 'denied');
    });
    await go(page, '/reminders');
    const turnOn = page.getByRole('button', { name: 'Turn on reminders' });
    await turnOn.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^div#reminders-errors/);
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    const link = page.locator('#reminders-errors a');
    await expect(link.textContent()).resolves.toBe('Notifications are blocked for this app. See how to allow them.');
    await expect(page.locator('main').textContent()).resolves.not.toContain('above');
    await link.click();
    await expect(focused(page)).resolves.toMatch(/^div#reminders-help/);
    // The reply reminder's link says where it goes (finding 11).
    await expect(page.getByRole('link', { name: 'Connect to my adviser' }).getAttribute('href')).resolves.toBe('/connect');
    await page.context().close();
  });
});

describe('one alert per submit, a message at the field, "Error:" in the title (finding 8)', () => {
  for (const [path, submit, summary] of [
    ['/helpers', 'Write my request', '#mr-errors'],
    ['/helpers', 'Write my note', '#consent-errors'],
    ['/connect', 'Continue', '#connect-problem'],
  ] as const) {
    it(`${path}: ${submit}`, async () => {
      const page = await claimantPage();
      await go(page, path);
      const title = await page.title();
      await page.getByRole('button', { name: submit }).click();
      await expect.poll(() => focused(page)).toMatch(new RegExp(`^div${summary}`));
      await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
      await expect(page.title()).resolves.toBe(`Error: ${title}`);
      // Each message at its field starts with a hidden "Error:" and describes the field.
      const errors = page.locator('.field__error');
      expect(await errors.count()).toBeGreaterThan(0);
      for (const error of await errors.all()) {
        await expect(error.locator('.visually-hidden').textContent()).resolves.toBe('Error: ');
        const id = await error.getAttribute('id');
        await expect(page.locator(`[aria-describedby~="${id}"]`).count()).resolves.toBeGreaterThan(0);
      }
      await page.context().close();
    });
  }

  it('/reminders: no day chosen', async () => {
    const page = await claimantPage();
    await go(page, '/reminders');
    for (const day of [0, 1, 2, 3, 4, 5, 6]) await page.locator(`#journal-day-${day}`).uncheck();
    await page.getByRole('button', { name: 'Turn on reminders' }).click();
    await expect.poll(() => focused(page)).toMatch(/^div#reminders-errors/);
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    await expect(page.locator('#journal-days-error').textContent()).resolves.toBe('Error: Choose at least one day to check your journal.');
    await expect(page.locator('#journal-days').getAttribute('aria-describedby')).resolves.toBe('journal-days-error');
    await page.context().close();
  });
});

describe('saved messages (findings 11, 12 and 13)', () => {
  it('each link names its date; a near deadline has a mark besides colour; the English original is marked as English', async () => {
    const page = await claimantPage();
    await page.clock.setFixedTime(new Date('2026-12-03T12:00:00Z'));
    for (const date of ['9 November 2026', '2 November 2026']) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill(SAMPLE_MRN.replace('9 November 2026', date));
      await page.getByRole('button', { name: 'Save on this phone' }).click();
      await page.getByRole('link', { name: 'See my saved message' }).waitFor();
      await page.getByRole('button', { name: 'Clear' }).click();
    }
    await go(page, '/');
    await page.locator('.saved-list__item').nth(1).waitFor();
    // Same kind, different names: the message's date follows, hidden, in the link.
    await page.getByRole('link', { name: /^Mandatory reconsideration notice \(MRN\)\s*, 9 November 2026$/ }).waitFor();
    await page.getByRole('link', { name: /^Mandatory reconsideration notice \(MRN\)\s*, 2 November 2026$/ }).waitFor();
    // The appeal of the first is due in 6 days: a mark as well as red (the mark is decoration; the words say "6 days left").
    const marks = page.locator('.saved-list__due--soon .due-soon');
    await expect(marks.count()).resolves.toBeGreaterThan(0);
    await expect(marks.first().getAttribute('aria-hidden')).resolves.toBe('true');

    // In Arabic, the saved English message is read as English.
    await page.getByRole('link', { name: /9 November 2026/ }).click();
    await page.locator('.original').waitFor();
    await page.locator('.language-picker summary').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await expect(page.locator('.original__text').getAttribute('lang')).resolves.toBe('en');
    await page.context().close();
  });
});

describe('with the relay: Connect, Send and the adviser (findings 4, 6, 8, 10, 14, 15, 17)', () => {
  it('never loses focus, shows file inputs’ focus in forced colours, spells out the safety code, warns before the code expires, reads the count out', async () => {
    // The adviser, with a clock we can move on.
    const adviserContext = await harness.newContext({ serviceWorkers: 'block' });
    const adviser = await adviserContext.newPage();
    await adviser.clock.install();
    await adviser.goto(await enrolmentLink(harness, dataDir));
    await waitForApp(adviser);
    await adviser.getByRole('button', { name: 'Set up this computer' }).click();
    await adviser.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    await recordAnnouncements(adviser);

    // Invite: empty submit, one alert, then a code.
    const invite = adviser.getByRole('button', { name: 'Make an invite' });
    await invite.click();
    await expect.poll(() => focused(adviser)).toMatch(/^div#invite-errors/);
    await expect(adviser.locator('[role="alert"]').count()).resolves.toBe(1);
    await expect(adviser.title()).resolves.toMatch(/^Error: /);
    await adviser.getByLabel('Who is it for?').fill('J.S. housing');
    await invite.focus();
    await adviser.keyboard.press('Enter');
    await adviser.getByText(/It works once, until/).waitFor();
    expect(await focused(adviser)).not.toBe('body');
    const code = (await adviser.locator('.invite-code span[aria-hidden]').first().textContent())!.trim();
    // The adviser's safety code, shown with the invite: read out to a client who types the code.
    const adviserSafety = adviser.locator('section[aria-labelledby="invite-heading"] .adviser-fingerprint');
    await expect(adviserSafety.locator('.visually-hidden').textContent()).resolves.toMatch(/^Your safety code: (\w \w \w \w, ){3}\w \w \w \w$/);
    const safetyCode = (await adviserSafety.locator('span[aria-hidden]').textContent())!.trim();

    // "Make a code" keeps focus, then warns 2 minutes before the code expires, and says when it has.
    const makeCode = adviser.getByRole('button', { name: 'Make a code' });
    await makeCode.focus();
    await adviser.keyboard.press('Enter');
    await adviser.getByRole('heading', { name: 'Code for your new computer' }).waitFor();
    await expect(focused(adviser)).resolves.toMatch(/^button#devices-make-code/);
    await adviser.clock.fastForward('08:01');
    await adviser.locator('.adviser-warning').filter({ hasText: 'This code stops working in 2 minutes.' }).waitFor();
    await expect.poll(() => announcements(adviser), SLOW).toContain('This code stops working in 2 minutes. Make a new code if you still need one.');
    await adviser.clock.fastForward('02:00');
    await expect.poll(() => announcements(adviser), SLOW).toContain('This code has expired. Make a new one if you still need it.');
    expect(await focused(adviser)).not.toBe('body');

    // The claimant connects with the typed code.
    const claimant = await claimantPage({ viewport: { width: 360, height: 740 } });
    await go(claimant, '/connect');
    await claimant.getByLabel('Code from your adviser').fill(code);
    await claimant.getByRole('button', { name: 'Continue' }).focus();
    await claimant.keyboard.press('Enter');
    await expect.poll(() => focused(claimant)).toMatch(/^div#connect-adviser/);
    // A typed code: the person types the safety code the adviser reads out.
    await claimant.getByLabel("Your adviser's safety code").fill(safetyCode);
    await claimant.getByRole('button', { name: 'Agree and connect' }).click();
    await claimant.getByRole('heading', { level: 1, name: 'Send to my adviser' }).waitFor();
    // The safety codes: real text, no aria-label, spelled out for screen readers (finding 10).
    const safety = claimant.locator('.forward-fingerprint--own');
    await expect(safety.getAttribute('aria-label')).resolves.toBeNull();
    await expect(safety.locator('.visually-hidden').textContent()).resolves.toMatch(/^Your safety code: (\w \w \w \w, ){3}\w \w \w \w$/);
    const claimantSafetyCode = (await safety.locator('span[aria-hidden]').textContent())!.trim();

    // File inputs: read once (finding 17), focus visible in forced colours and strong normally (finding 6).
    const pick = await claimant.locator('.forward-pick').ariaSnapshot();
    expect(pick.match(/Take a photo/g)).toHaveLength(1);
    expect(pick.match(/Choose a picture/g)).toHaveLength(1);
    const choose = claimant.locator('#send-choose-picture');
    const chooseLabel = claimant.locator('label[for="send-choose-picture"]');
    // Normally the whole label turns yellow, like a focused button (not a faint ring outside it, 1.35:1).
    const labelBox = (await chooseLabel.boundingBox())!;
    expect(await focusChange(claimant, choose, chooseLabel)).toBeGreaterThan(0.6 * labelBox.width * labelBox.height);
    await claimant.emulateMedia({ forcedColors: 'active' });
    expect(await focusChange(claimant, choose, chooseLabel), 'file input in forced colours').toBeGreaterThan(50);
    expect(await focusChange(claimant, claimant.locator('#send-take-photo'), claimant.locator('label[for="send-take-photo"]'))).toBeGreaterThan(50);
    await claimant.emulateMedia({ forcedColors: 'none' });

    // Choose a picture → focus on Remove picture; Remove → back to Choose a picture.
    const photo = await claimant.evaluate(async () => {
      const canvas = new OffscreenCanvas(400, 300);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#eee';
      g.fillRect(0, 0, 400, 300);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await choose.focus();
    await choose.setInputFiles({ name: 'letter.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await expect.poll(() => focused(claimant), { timeout: 20_000 }).toMatch(/^button#send-remove-picture/);
    await claimant.keyboard.press('Enter');
    await expect(focused(claimant)).resolves.toMatch(/^input#send-choose-picture/);

    // Send → focus stays on the button while it works and after.
    await claimant.getByLabel('Paste or type text').fill('Your claim has been closed.');
    const send = claimant.getByRole('button', { name: 'Send to my adviser' });
    await send.focus();
    await claimant.keyboard.press('Enter');
    await claimant.locator('.forward-item').first().waitFor();
    await expect.poll(() => focused(claimant)).toMatch(/^button/);

    // The adviser opens the item (focus goes to it), closes it (focus back to Open), replies.
    await adviser.clock.runFor(31_000); // the inbox checks every 30 s
    await adviser.getByRole('link', { name: /J\.S\. housing/ }).click();
    const open = adviser.getByRole('button', { name: 'Open' }).first();
    await open.waitFor({ timeout: 20_000 });
    await open.focus();
    await adviser.keyboard.press('Enter');
    await adviser.getByRole('button', { name: 'Close' }).waitFor();
    await expect.poll(() => focused(adviser)).toMatch(/^div/);
    await adviser.getByRole('button', { name: 'Close' }).focus();
    await adviser.keyboard.press('Enter');
    await expect.poll(() => focused(adviser)).toMatch(/^button#item-.*-open/);

    // Replies wait until the adviser has typed the client's safety code (read out from the phone).
    await adviser.getByLabel('Safety code your client reads out').fill(claimantSafetyCode);
    await adviser.getByRole('button', { name: 'Check the safety code' }).click();
    await expect.poll(() => announcements(adviser), SLOW).toContain('The safety codes match. You can reply.');
    // The reply: one alert on an empty submit; the count is linked and read out at the thresholds only.
    await recordAnnouncements(adviser);
    const sendReply = adviser.getByRole('button', { name: 'Send reply' });
    await sendReply.click();
    await expect.poll(() => focused(adviser)).toMatch(/^div#reply-errors/);
    await expect(adviser.locator('[role="alert"]').count()).resolves.toBe(1);
    const reply = adviser.getByLabel('Your reply');
    await expect(reply.getAttribute('aria-describedby')).resolves.toContain('reply-text-count');
    await reply.fill('x'.repeat(905));
    await adviser.clock.runFor(1000);
    await expect.poll(() => announcements(adviser), SLOW).toContain('95 characters left');
    await reply.pressSequentially('yyy');
    await adviser.clock.runFor(1000);
    expect((await announcements(adviser)).filter((said) => /characters left/.test(said))).toEqual(['95 characters left']);
    await reply.fill('Thanks. I will send your appeal today.');
    await sendReply.focus();
    await adviser.keyboard.press('Enter');
    await expect.poll(() => announcements(adviser), SLOW).toContain('Reply sent.');
    await expect(focused(adviser)).resolves.toMatch(/^button Send reply/);

    // The claimant stops sharing: focus goes to the stopped notice.
    await claimant.getByRole('button', { name: 'Stop sharing' }).click();
    // Focus moves into the question, so it is read out.
    await expect.poll(() => focused(claimant)).toMatch(/^div Are you sure/);
    await claimant.getByRole('button', { name: 'Yes, stop sharing' }).focus();
    await claimant.keyboard.press('Enter');
    // The connection is gone from this phone (after the relay has deleted it): focus on the screen's heading,
    // above "You are not connected".
    await expect.poll(() => focused(claimant), SLOW).toMatch(/^h1 Send to my adviser/);

    await adviserContext.close();
    await claimant.context().close();
  });
});
