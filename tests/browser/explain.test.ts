import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';
import { SAMPLE_UNSURE } from './explain-samples';
import { axeViolations, horizontalOverflow } from './layout';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Day, month and year of "Date of the message", as shown. */
function dateFields(page: Page): Promise<string[]> {
  const group = page.getByRole('group', { name: 'Date of the message' });
  return Promise.all(['Day', 'Month', 'Year'].map((name) => group.getByLabel(name, { exact: true }).inputValue()));
}

describe('explain a pasted notice', () => {
  it('shows the kind and the appeal deadline, lets the date be corrected, saves it and shows it on Home after a reload', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/');
    await waitForApp(page);
    await page.getByRole('link', { name: 'Explain a message' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Explain a message' }).waitFor();

    await page.getByLabel('Your message').fill(SAMPLE_MRN);
    const result = page.locator('section.result');
    await expect(result.locator('h2').textContent()).resolves.toMatch(/reconsideration notice/i);
    // Appeal: 9 November 2026 + 1 month = Wednesday 9 December 2026, 17 days after 22 November.
    await expect(result.textContent()).resolves.toContain('9 December 2026');
    await expect(result.textContent()).resolves.toContain('17 days left');
    await expect(dateFields(page)).resolves.toEqual(['9', '11', '2026']);

    // Correcting the date changes the deadline at once: 20 Nov + 1 month = 20 Dec, a Sunday,
    // so the last day is the next working day, Monday 21 Dec. (A date after today is refused.)
    await page.getByRole('group', { name: 'Date of the message' }).getByLabel('Day').fill('20');
    await expect.poll(() => result.textContent()).toContain('21 December 2026');

    await page.getByRole('button', { name: 'Save on this phone' }).click();
    await page.getByRole('link', { name: 'See my saved message' }).waitFor();

    await page.goto('/');
    await page.reload();
    await waitForApp(page);
    const saved = page.locator('.saved-list__item');
    await saved.first().waitFor();
    await expect(saved.count()).resolves.toBe(1);
    await expect(saved.first().textContent()).resolves.toContain('21 December 2026');

    // Open it, then delete it (with the confirming step).
    await saved.first().locator('a').click();
    await page.getByRole('heading', { level: 1, name: 'Saved message' }).waitFor();
    await expect(dateFields(page)).resolves.toEqual(['20', '11', '2026']);
    await page.getByRole('button', { name: 'Delete this message' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('You have not saved any messages yet', { exact: false }).waitFor();
    await context.close();
  });

  it('lets the claimant choose the kind when there is no text, counting from today', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByRole('button', { name: "I'll choose the kind of message" }).click();
    const select = page.getByLabel(/kind of message/i).last();
    const value = await select.evaluate((el: HTMLSelectElement) => [...el.options].find((option) => option.value === 'sanction-decision')?.value);
    expect(value).toBe('sanction-decision');
    await select.selectOption('sanction-decision');
    const result = page.locator('section.result');
    // MR: 22 November 2026 + 1 month = 22 December 2026 (strict, never moved).
    await expect(result.textContent()).resolves.toContain('22 December 2026');
    await expect(dateFields(page)).resolves.toEqual(['22', '11', '2026']);
    await context.close();
  });

  it('warns plainly when pasted text holds a password', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill('my UC password is Sunflower2024 and memorable word is rover');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/never share/i);
    await context.close();
  });

  it('keeps what was typed across a reload', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill('Your claim has been closed');
    await page.reload();
    await waitForApp(page);
    await expect(page.getByLabel('Your message').inputValue()).resolves.toBe('Your claim has been closed');
    await context.close();
  });

  it('when unsure: shows the likeliest kinds and asks; a yes gives the MR deadline, never "no deadline"', async () => {
    const context = await harness.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill(SAMPLE_UNSURE);
    const result = page.locator('section.result');

    // Both questions are open: the likeliest kinds to pick from, and "is this a decision?".
    await page.getByRole('group', { name: 'We are not sure what kind of message this is' }).waitFor();
    const question = page.getByRole('group', { name: 'Is this a decision?' });
    await question.waitFor();
    // To be safe the MR deadline is shown already (9 November 2026 + 1 month), marked as not sure.
    await expect(result.textContent()).resolves.toContain('9 December 2026');
    await expect(result.textContent()).resolves.toContain('We are not sure these dates apply');
    await expect(page.getByRole('link', { name: 'Send to my adviser' }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);

    // "Was a decision made?" No. "Can you ask for it to be looked at again?" Yes: it is a decision after all.
    await question.getByText('Does it say a decision was made about your money or your claim?').waitFor();
    await question.getByRole('button', { name: 'No', exact: true }).click();
    await question.getByText('Does it say you can ask for it to be looked at again?').waitFor();
    // The new question has focus, so a screen reader reads it at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Does it say you can ask for it to be looked at again?');
    await question.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByText('You said it is a decision.', { exact: false }).waitFor();
    // The answer shows at once; the explanation it changes comes from the explainer's worker a moment later.
    await expect.poll(() => result.textContent()).not.toContain('We are not sure these dates apply');
    await expect(result.textContent()).resolves.toContain('9 December 2026');
    await expect(result.locator('.deadline').first().textContent()).resolves.toContain('Last day for DWP to get your request to look again');

    // Change the answer: no and no. The MR date goes, but while the kind is unsure we never say "no deadline".
    await page.getByRole('button', { name: 'Change my answer' }).click();
    await question.getByRole('button', { name: 'No', exact: true }).click();
    await question.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByText('You said it is not a decision.', { exact: false }).waitFor();
    await expect.poll(() => result.textContent()).not.toContain('9 December 2026');
    await expect(result.textContent()).resolves.not.toContain('This message has no deadline');
    await expect(result.textContent()).resolves.toContain('it may have one');

    // Picking one of the likeliest kinds settles the kind.
    const firstKind = page.getByRole('group', { name: 'We are not sure what kind of message this is' }).getByRole('button').first();
    const title = await firstKind.textContent();
    await firstKind.click();
    // The explainer answers from its worker a moment later.
    await expect.poll(() => result.locator('h2').textContent()).toBe(title);
    await expect.poll(() => page.getByRole('group', { name: 'We are not sure what kind of message this is' }).count()).toBe(0);
    await context.close();
  });

  it('asks about a kind that may or may not be a decision, chosen with no text', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByRole('button', { name: "I'll choose the kind of message" }).click();
    await page
      .getByLabel(/kind of message/i)
      .last()
      .selectOption('housing-costs');
    const question = page.getByRole('group', { name: 'Is this a decision?' });
    await question.getByRole('button', { name: 'Yes', exact: true }).click();
    const result = page.locator('section.result');
    await page.getByText('You said it is a decision.', { exact: false }).waitFor();
    // MR: 22 November 2026 + 1 month = 22 December 2026 (from the explainer's worker, a moment after the answer).
    await expect.poll(() => result.textContent()).toContain('22 December 2026');
    await context.close();
  });

  it('a saved message we were unsure about asks too, and keeps the answer', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill(SAMPLE_UNSURE);
    await page.getByRole('group', { name: 'Is this a decision?' }).waitFor();
    await page.getByRole('button', { name: 'Save on this phone' }).click();
    await page.getByRole('link', { name: 'See my saved message' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saved message' }).waitFor();

    const question = page.getByRole('group', { name: 'Is this a decision?' });
    await question.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByText('You said it is a decision.', { exact: false }).waitFor();
    await page.reload();
    await waitForApp(page);
    await page.getByText('You said it is a decision.', { exact: false }).waitFor();
    await expect(page.locator('section.result').textContent()).resolves.toContain('9 December 2026');
    await context.close();
  });
});
