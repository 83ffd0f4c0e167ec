// Every date field, typed into the way people type: one key at a time, and
// sometimes only half. The GOV.UK date input keeps what was typed, the
// deadlines follow only a real date, and a half-typed date shows the GOV.UK
// error at the field and in the summary. Never today in its place (the old
// field turned 5 November into 1 December mid-typing, with no message).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';
import { explainNotice } from '../../src/shared/notices';
import { writeDate, type DateWords } from '../../src/client/initial/i18n/format';
import { readFileSync } from 'node:fs';

const TODAY = '2026-11-22';
/** The machine is shared: the explainer's worker and the screen's effects (the tab's title) can lag behind a key press. */
const SLOW = { timeout: 15_000 };
const english = (JSON.parse(readFileSync('locales/en/common.json', 'utf8')) as { date: DateWords }).date;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

async function openAt(path: string): Promise<Page> {
  const context = await harness.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  await page.goto(path);
  await waitForApp(page);
  return page;
}

/**
 * Empties a field and types into it key by key, calling `after` after every
 * key (the emptying keys included), as the review did.
 */
async function typeKeys(page: Page, selector: string, text: string, after: (key: string) => Promise<void>): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await after('Backspace');
  for (const key of text) {
    await page.keyboard.type(key);
    await after(key);
  }
}

/** Moves focus out of a date input (Tab from its year field). */
async function leaveDate(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}-year`).focus();
  await page.keyboard.press('Tab');
}

async function fieldValues(page: Page, id: string): Promise<string[]> {
  return Promise.all(['day', 'month', 'year'].map((part) => page.locator(`#${id}-${part}`).inputValue()));
}

/** The appeal date the engine computes for the sample MRN counted from `from`, as the page writes it. */
function appealDate(from: string): string {
  const deadline = explainNotice(SAMPLE_MRN, { today: TODAY, noticeDate: from }).deadlines.find((d) => d.id === 'appeal');
  if (!deadline) throw new Error('no appeal deadline');
  return writeDate(deadline.date, english);
}

describe('Date of the message (Explain)', () => {
  it('is three labelled text fields with the numeric keyboard, in a fieldset with a legend and an example', async () => {
    const page = await openAt('/explain');
    await page.locator('#notice-text').fill(SAMPLE_MRN);
    const group = page.getByRole('group', { name: 'Date of the message' });
    await group.waitFor();
    for (const name of ['Day', 'Month', 'Year']) {
      const field = group.getByRole('textbox', { name, exact: true });
      await expect(field.getAttribute('type')).resolves.toBe('text');
      await expect(field.getAttribute('inputmode')).resolves.toBe('numeric');
    }
    await expect(page.locator('#notice-date-hint').textContent()).resolves.toContain('For example, 27 3 2026.');
    await expect(page.locator('input[type="date"], input[type="number"], input[type="time"]').count()).resolves.toBe(0);
    // The date found in the message fills the fields.
    await expect(fieldValues(page, 'notice-date')).resolves.toEqual(['9', '11', '2026']);
    await page.context().close();
  });

  it('typed digit by digit ends on the typed date and its deadline, never on today', async () => {
    const page = await openAt('/explain');
    await page.locator('#notice-text').fill(SAMPLE_MRN);
    const fromToday = appealDate(TODAY);
    const seen: string[] = [];
    const check = async () => {
      const text = (await page.locator('section.result').textContent()) ?? '';
      seen.push((await fieldValues(page, 'notice-date')).join('/'));
      expect(text, `after ${seen.at(-1)}`).not.toContain(fromToday);
    };
    await typeKeys(page, '#notice-date-day', '5', check);
    await typeKeys(page, '#notice-date-month', '11', check);
    await typeKeys(page, '#notice-date-year', '2026', check);
    // Every key kept what was typed (the old field put today back mid-typing).
    expect(seen).toEqual(['/11/2026', '5/11/2026', '5//2026', '5/1/2026', '5/11/2026', '5/11/', '5/11/2', '5/11/20', '5/11/202', '5/11/2026']);
    // The deadline for the typed date comes from the explainer's worker, a moment after the last key: wait for it.
    await expect.poll(() => page.locator('section.result .deadline__date strong').first().textContent(), SLOW).toBe(appealDate('2026-11-05'));
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('half-typed, shows the GOV.UK error at the field and in the summary, keeps what was typed and shows no deadline', async () => {
    const page = await openAt('/explain');
    await page.locator('#notice-text').fill(SAMPLE_MRN);
    await typeKeys(page, '#notice-date-year', '20', async () => {});
    await leaveDate(page, 'notice-date');
    const error = page.locator('#notice-date-error');
    await expect(error.textContent()).resolves.toBe('Error: Year must include 4 numbers');
    const summary = page.locator('#notice-date-errors');
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    await expect(summary.textContent()).resolves.toContain('There is a problem');
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    // The summary puts "Error:" in the tab's title from an effect, after the next frame: wait for it.
    await expect.poll(() => page.title(), SLOW).toMatch(/^Error: /);
    await expect(fieldValues(page, 'notice-date')).resolves.toEqual(['9', '11', '20']);
    await expect(page.locator('#notice-date-year').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('section.result .deadline').count()).resolves.toBe(0);
    await expect(page.locator('section.result').textContent()).resolves.not.toContain(appealDate(TODAY));

    // A missing month says so; the summary link goes to the month.
    await typeKeys(page, '#notice-date-month', '', async () => {});
    await typeKeys(page, '#notice-date-year', '2026', async () => {});
    await leaveDate(page, 'notice-date');
    await expect(error.textContent()).resolves.toBe('Error: Date of the message must include a month');
    await summary.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('notice-date-month');

    // Save with the date still wrong: the summary takes focus, nothing is saved.
    await page.getByRole('button', { name: 'Save on this phone' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('notice-date-errors');
    await expect(page.getByRole('link', { name: 'See my saved message' }).count()).resolves.toBe(0);

    // Fixed: the error goes and the deadlines come back, from the typed date.
    await typeKeys(page, '#notice-date-month', '10', async () => {});
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(0);
    // The title loses "Error:" from an effect after the next frame, and the explainer's worker answers a moment after the last key: wait for both.
    await expect.poll(() => page.title(), SLOW).not.toMatch(/^Error/);
    await expect.poll(() => page.locator('section.result .deadline__date strong').first().textContent(), SLOW).toBe(appealDate('2026-10-09'));
    await page.context().close();
  });

  it('a date in the future is refused with the GOV.UK wording', async () => {
    const page = await openAt('/explain');
    await page.locator('#notice-text').fill(SAMPLE_MRN);
    await typeKeys(page, '#notice-date-month', '12', async () => {});
    await leaveDate(page, 'notice-date');
    await expect(page.locator('#notice-date-error').textContent()).resolves.toBe('Error: Date of the message must be today or in the past');
    await page.context().close();
  });
});

describe('Date of the message (a saved message)', () => {
  it('typed digit by digit, the new date and deadline are kept after a reload', async () => {
    const page = await openAt('/explain');
    await page.locator('#notice-text').fill(SAMPLE_MRN);
    await page.getByRole('button', { name: 'Save on this phone' }).click();
    await page.getByRole('link', { name: 'See my saved message' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saved message' }).waitFor();
    const fromToday = appealDate(TODAY);
    const check = async () => expect(page.locator('main').textContent()).resolves.not.toContain(fromToday);
    await typeKeys(page, '#notice-date-day', '3', check);
    await typeKeys(page, '#notice-date-month', '11', check);
    await typeKeys(page, '#notice-date-year', '2026', check);
    await page.locator('main .inline-status').filter({ hasText: 'Dates updated.' }).waitFor(); // shown, not only announced
    await expect(page.locator('.deadline__date strong').first().textContent()).resolves.toBe(appealDate('2026-11-03'));
    await page.reload();
    await waitForApp(page);
    await page.locator('#notice-date-day').waitFor();
    await expect(fieldValues(page, 'notice-date')).resolves.toEqual(['3', '11', '2026']);
    await expect(page.locator('.deadline__date strong').first().textContent()).resolves.toBe(appealDate('2026-11-03'));

    // Half-typed: the error, and nothing saved.
    await typeKeys(page, '#notice-date-day', '', async () => {});
    await leaveDate(page, 'notice-date');
    await expect(page.locator('#notice-date-error').textContent()).resolves.toBe('Error: Date of the message must include a day');
    await page.reload();
    await waitForApp(page);
    await page.locator('#notice-date-day').waitFor();
    await expect(fieldValues(page, 'notice-date')).resolves.toEqual(['3', '11', '2026']);
    await page.context().close();
  });
});

describe('Write to DWP', () => {
  it('the date of the decision typed the UK way gives that date in the letter (not 11 September)', async () => {
    const page = await openAt('/helpers');
    await typeKeys(page, '#mr-decision-date-day', '09', async () => {});
    await typeKeys(page, '#mr-decision-date-month', '11', async () => {});
    await typeKeys(page, '#mr-decision-date-year', '2026', async () => {});
    await page.getByLabel('What the decision is about').fill('my housing costs');
    await page.getByLabel('Why you think the decision is wrong').fill('My rent is wrong.');
    await page.getByRole('button', { name: 'Write my request' }).click();
    const text = await page.getByLabel('Your request').inputValue();
    expect(text).toContain('decision dated 9 November 2026');
    // The request takes focus, so it is read out (the button stays where it was).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mr-result');
    await page.context().close();
  });

  it('a half-typed decision date is an error at the field and in one summary, and writes nothing', async () => {
    const page = await openAt('/helpers');
    await typeKeys(page, '#mr-decision-date-day', '9', async () => {});
    await typeKeys(page, '#mr-decision-date-year', '2026', async () => {});
    await page.getByLabel('What the decision is about').fill('my housing costs');
    await page.getByLabel('Why you think the decision is wrong').fill('My rent is wrong.');
    await page.getByRole('button', { name: 'Write my request' }).click();
    await expect(page.locator('#mr-decision-date-error').textContent()).resolves.toBe('Error: Date of the decision must include a month');
    await expect(page.locator('#mr-errors').textContent()).resolves.toContain('Date of the decision must include a month');
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mr-errors');
    await expect(page.title()).resolves.toBe('Error: Write to DWP – UC Companion');
    await expect(page.getByLabel('Your request').count()).resolves.toBe(0);
    await expect(fieldValues(page, 'mr-decision-date')).resolves.toEqual(['9', '', '2026']);
    await page.context().close();
  });

  it('the consent end date, typed key by key, ends in the note; half-typed it is an error', async () => {
    const page = await openAt('/helpers');
    await page.getByLabel("Adviser's full name").fill('Sam Jones');
    await page.getByLabel('Their organisation').fill('Cardiff Citizens Advice');
    await page.getByLabel('My housing costs').check();
    await page.getByLabel('Why they need to talk to DWP').fill('help me with my housing costs');
    await typeKeys(page, '#consent-until-day', '28', async () => {});
    await typeKeys(page, '#consent-until-month', '2', async () => {});
    await typeKeys(page, '#consent-until-year', '27', async () => {});
    await page.getByRole('button', { name: 'Write my note' }).click();
    await expect(page.locator('#consent-until-error').textContent()).resolves.toBe('Error: Year must include 4 numbers');
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    await typeKeys(page, '#consent-until-year', '2027', async () => {});
    await page.getByRole('button', { name: 'Write my note' }).click();
    const note = await page.getByLabel('Your note').inputValue();
    expect(note).toContain('28 February 2027');
    // Past the 6 months a note may last: the note's own words.
    await typeKeys(page, '#consent-until-month', '8', async () => {});
    await page.getByRole('button', { name: 'Write my note' }).click();
    await expect(page.locator('#consent-until-error').textContent()).resolves.toBe('Error: The end date must be within the next 6 months');
    await page.context().close();
  });
});

describe('Reminders', () => {
  it('asks for times as 24-hour text, keeps what was typed and shows a message at the field', async () => {
    const page = await openAt('/reminders');
    const time = page.getByLabel('What time (UK time)');
    await expect(time.getAttribute('type')).resolves.toBe('text');
    await expect(time.inputValue()).resolves.toBe('10:00');
    await expect(page.getByLabel('From', { exact: true }).inputValue()).resolves.toBe('21:00');
    await expect(page.locator('#journal-time-hint').textContent()).resolves.toBe('Use the 24-hour clock, for example 21:00.');
    await typeKeys(page, '#journal-time', '25:00', async () => {});
    await page.getByRole('button', { name: 'Turn on reminders' }).click();
    await expect(page.locator('#journal-time-error').textContent()).resolves.toBe('Error: Enter a time to check your journal, like 10:00.');
    await expect(time.getAttribute('aria-describedby')).resolves.toContain('journal-time-error');
    await expect(time.inputValue()).resolves.toBe('25:00');
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(1);
    // "930" is 09:30: accepted, so the time is no longer a problem.
    await typeKeys(page, '#journal-time', '930', async () => {});
    await page.getByRole('button', { name: 'Turn on reminders' }).click();
    await expect.poll(() => page.locator('#journal-time-error').count()).toBe(0);
    await expect(time.inputValue()).resolves.toBe('930');
    await page.context().close();
  });
});
