// Issue 12, point 2 (the adviser's part): "Your computers" lists each of the
// adviser's computers (name, added, last used, which one is this), names
// this one and removes another, by keyboard alone, with no axe violations.
// Also: a new invite's label reaches the relay sealed, never in the clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, type Harness } from './harness';
import { axeViolations } from './layout';
import { adviserIdOf, enrolmentLink } from './relay-people';

const SLOW = { timeout: 20_000 };
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ relay: true });
}, 60_000);
afterAll(() => harness?.close());

/** A second computer for the adviser, added on the relay directly (the add-computer screens have tests of their own). */
async function secondComputer(adviserId: string): Promise<string> {
  const store = harness.store!;
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 10 * 60_000).toISOString();
  await store.createDeviceCode({ adviserId, codeHash: 'second-code', expiresAt: later, now });
  const request = await store.requestDevice({ codeHash: 'second-code', publicKey: 'second-key', pollTokenHash: 'second-poll', expiresAt: later, now });
  if (request.status !== 'pending') throw new Error('request failed');
  await store.approveDevice({ id: request.id, adviserId, signature: 'second-signature', expiresAt: later, now });
  const claimed = await store.claimDevice({ id: request.id, pollTokenHash: 'second-poll', deviceTokenHash: 'second-device', now });
  if (claimed.status !== 'claimed') throw new Error('claim failed');
  return claimed.deviceId;
}

const focused = (page: Page) =>
  page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id}:${document.activeElement?.textContent?.trim().slice(0, 40)}`);

/** Presses Tab until the focused element is a button whose text is `name` (at most 60 presses). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() : null));
    if (text === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

describe("the adviser's computers", () => {
  it('lists, names and removes computers by keyboard; axe-clean; the invite label is sealed', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(await enrolmentLink(harness, '/unused'));
    await waitForApp(page);
    await page.getByRole('button', { name: 'Set up this computer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    const adviserId = await adviserIdOf(page);
    const otherId = await secondComputer(adviserId);
    await page.reload();
    await waitForApp(page);

    const panel = page.locator('section[aria-labelledby="computers-heading"]');
    await expect.poll(() => panel.locator('li').count(), SLOW).toBe(2);
    await expect(panel.locator('li').first().textContent()).resolves.toMatch(/A computer with no name \(this computer\)Added.*Last usedNot since it was added/);
    await expect(panel.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Name this computer: type the name and press Enter.
    await page.getByLabel('Name this computer').focus();
    await page.keyboard.type('Office laptop');
    await page.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Office laptop (this computer)' }).waitFor(SLOW);

    // Remove the other one: Tab to Remove, Enter, Tab to the confirmation, Enter.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, 'Remove');
    await page.keyboard.press('Enter');
    await panel.getByText(/Remove A computer with no name\? It will stop working at once/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'Yes, remove it');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('li').count(), SLOW).toBe(1);
    // The row is gone with its buttons: focus is on the list's heading, not lost to the page.
    await expect.poll(() => focused(page)).toBe('h2#computers-heading:Your computers');
    await expect.poll(() => page.locator('[role="status"]').first().textContent(), SLOW).toContain('A computer with no name was removed.');
    expect((await harness.store!.listComputers(adviserId)).map((c) => c.id)).not.toContain(otherId);
    expect(await axeViolations(page)).toEqual([]);

    // An invite: the label is sealed on this computer; the relay keeps no plaintext label.
    await page.getByLabel('Who is it for?').fill('J.S. housing');
    await page.getByRole('button', { name: 'Make an invite' }).click();
    await page.getByText(/It works once, until/).waitFor(SLOW);
    const code = (await page.locator('.invite-code span[aria-hidden]').first().textContent())!.trim().replaceAll('-', '');
    const invite = await harness.store!.findInvite(harness.codeHash(code), new Date().toISOString());
    expect(invite?.label).toBe('');
    await context.close();
  }, 90_000);
});
