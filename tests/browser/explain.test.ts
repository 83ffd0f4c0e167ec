import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';

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
});
