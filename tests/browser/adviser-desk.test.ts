// The adviser's desk in real Chromium, two contexts and the relay: the
// claimant photographs an MRN (a generated 12 MP photo) and sends it; on
// the adviser's computer the item is decrypted, read by the same OCR and
// explained, showing the appeal deadline; the deadlines board lists it
// first. A correction and "handled" stay on the adviser's computer; the
// exports hold the row; a new item with a deadline within 7 days shows a
// notification made by the adviser's computer itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DELIVERED_ITEMS, startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';
import { enrolmentLink } from './relay-people';
import { axeViolations, horizontalOverflow } from './layout';
import { photoSet, type PhotoSet } from '../support/letter-photos/generate';
import { daysBetween, todayInLondon } from '../../src/shared/notices';

let harness: Harness;
let dataDir: string;
let set: PhotoSet;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uc-desk-'));
  [harness, set] = await Promise.all([startHarness({ relay: true, dataDir }), photoSet()]);
}, 300_000);
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function sendText(claimant: Page, text: string, count: number): Promise<void> {
  await claimant.goto('/send');
  await waitForApp(claimant);
  await claimant.getByLabel('Paste or type text').fill(text);
  await claimant.getByRole('button', { name: 'Send to my adviser' }).click();
  // Sent or already seen: an item the adviser has opened shows as seen after the phone's next status check.
  await expect.poll(() => claimant.locator(DELIVERED_ITEMS).count(), { timeout: 20_000 }).toBe(count);
}

describe("the adviser's desk", () => {
  it('explains a photographed MRN on the adviser computer, shows the appeal deadline, and the board lists it first', async () => {
    const mrn = set.photos.find((p) => p.id === 'mrn')!;
    expect(mrn.kind).toBe('mandatory-reconsideration-notice');

    // The adviser sets up their computer and invites a client.
    const adviserContext = await harness.newContext({ viewport: { width: 1280, height: 900 } });
    await adviserContext.grantPermissions(['notifications'], { origin: harness.baseUrl });
    const adviser = await adviserContext.newPage();
    // What the adviser's page says in its console, printed if the notification below never comes.
    const adviserConsole: string[] = [];
    adviser.on('console', (message) => adviserConsole.push(`${message.type()}: ${message.text()}`));
    await adviser.goto(await enrolmentLink(harness, dataDir));
    await waitForApp(adviser);
    await adviser.getByRole('button', { name: 'Set up this computer' }).click();
    await adviser.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    await waitForServiceWorker(adviser);
    await adviser.getByLabel('Who is it for?').fill('R. Patel');
    await adviser.getByRole('button', { name: 'Make an invite' }).click();
    const code = (await adviser.locator('.invite-code span[aria-hidden]').textContent())!.trim();

    // The claimant connects, then photographs the MRN and sends it (letter mode: the cleaned page).
    const claimantContext = await harness.newContext({ viewport: { width: 360, height: 740 } });
    const claimant = await claimantContext.newPage();
    await claimant.goto('/connect');
    await waitForApp(claimant);
    await claimant.getByLabel('Code from your adviser').fill(code);
    await claimant.getByRole('button', { name: 'Continue' }).click();
    // The safety code the adviser reads out (shown with the invite) is typed before connecting.
    const safety = (await adviser.locator('section[aria-labelledby="invite-heading"] .adviser-fingerprint span[aria-hidden]').textContent())?.trim() ?? '';
    await claimant.getByRole('button', { name: 'Agree and connect' }).click();
    await claimant.getByLabel("Your adviser's safety code").fill(safety.replace(/-/g, ' '));
    await claimant.getByRole('button', { name: 'Agree and connect' }).click();
    await claimant.getByRole('heading', { level: 1, name: 'Send to my adviser' }).waitFor();
    await claimant.locator('#send-choose-picture').setInputFiles(join(set.dir, mrn.file));
    await claimant.getByAltText('The photo you are about to send').waitFor({ timeout: 120_000 });
    await claimant.getByRole('button', { name: 'Send to my adviser' }).click();
    await expect.poll(() => claimant.locator('.forward-item--sent').count(), { timeout: 30_000 }).toBe(1);
    // And a text with a later deadline (a closed claim: MR within a month of today).
    await sendText(claimant, 'Your claim has been closed.', 2);

    // On the adviser's computer: the item is read and explained, with no click.
    await adviser.getByRole('link', { name: 'R. Patel' }).click();
    const photoItem = adviser.locator('li.item').filter({ has: adviser.getByRole('heading', { level: 3, name: 'Photo' }) });
    const started = Date.now();
    await photoItem.locator('.desk__kind').filter({ hasText: 'Mandatory reconsideration notice (MRN)' }).waitFor({ timeout: 240_000 });
    const explainMs = Date.now() - started;
    const photoDesk = (await photoItem.locator('.desk').textContent()) ?? '';
    expect(photoDesk).toContain('13 November 2026');
    expect(photoDesk).toContain('Appeal to the tribunal (by 5 pm): 14 December 2026');
    const days = daysBetween(todayInLondon(), mrn.deadline);
    expect(photoDesk).toContain(days >= 0 ? (days === 1 ? '1 day left' : days === 0 ? 'Last day is today' : `${days} days left`) : 'Overdue');
    expect(photoDesk).toContain('Read from the photo on this computer');
    console.log(`adviser side: photo item explained in ${(explainMs / 1000).toFixed(1)} s (OCR engine download included)`);

    // The board: every open deadline, soonest first; the MRN's appeal is first.
    await adviser.goto('/adviser');
    await waitForApp(adviser);
    await adviser.getByRole('link', { name: 'Deadlines for all clients' }).click();
    await adviser.getByRole('heading', { level: 1, name: 'Deadlines for all clients' }).waitFor();
    const rows = adviser.locator('ol.board > li');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toContain('R. Patel');
    expect(first).toContain('Mandatory reconsideration notice (MRN)');
    expect(first).toContain('14 December 2026');
    // This computer never typed R. Patel's safety code: each row says so in words.
    await expect.poll(() => rows.filter({ hasText: 'Safety code not checked yet' }).count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Mandatory reconsideration request');

    // CSV and .ics are made in the browser and hold the rows, MRN first.
    const csvDownload = adviser.waitForEvent('download');
    await adviser.getByRole('button', { name: 'Download spreadsheet (CSV)' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('Client,Kind,Deadline,Last day,Time,Days left,Status,Notice date,Item');
    expect(csv[1]).toMatch(/^R\. Patel,Mandatory reconsideration notice \(MRN\),Appeal to the tribunal \(by 5 pm\),2026-12-14,17:00,/);
    const icsDownload = adviser.waitForEvent('download');
    await adviser.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
    const ics = readFileSync((await (await icsDownload).path())!, 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261214');

    // A new item with a deadline within 7 days, while the board is open: this computer notifies.
    await sendText(claimant, 'You need to accept your claimant commitment. Accept it within 7 days or your claim may be closed.', 3);
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(3);
    expect(await rows.first().textContent()).toContain('Due within 7 days');
    // The notice is shown a moment after the row appears (they are two steps): wait for it.
    const bodies = () => adviser.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.body));
    await expect
      .poll(bodies, { timeout: 30_000 })
      .toEqual(['A new item from a client has a deadline within 7 days.'])
      .catch((error: Error) => {
        throw new Error(`${error.message}\nThe adviser page's console:\n${adviserConsole.join('\n') || '(nothing)'}`);
      });

    // "Handled" clears a row, on this computer only.
    await rows
      .first()
      .getByRole('button', { name: /^Handled/ })
      .click();
    await expect.poll(() => rows.count()).toBe(2);
    await adviser.reload();
    await waitForApp(adviser);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);

    // A correction of the date is kept here and moves the deadline.
    await adviser.goto('/adviser');
    await waitForApp(adviser);
    await adviser.getByRole('link', { name: 'R. Patel' }).click();
    // (Every item's kind list holds "Claim closed": find the item by what it was read as.)
    const textItem = adviser.locator('li.item').filter({ has: adviser.locator('.desk__kind', { hasText: 'Claim closed' }) });
    await textItem.getByText('Correct the kind or date').click();
    await textItem.getByLabel('Day').fill('1');
    await textItem.getByLabel('Month').fill('12');
    await textItem.getByLabel('Year').fill('2026');
    await textItem.getByRole('button', { name: 'Save correction' }).click();
    await textItem.getByText('Corrected by you on this computer').waitFor();
    expect(await textItem.locator('.desk').textContent()).toContain('Mandatory reconsideration request: 1 January 2027');

    // The client screen with explained items (a correction form open) and the board: axe-clean at 320 px.
    await adviser.setViewportSize({ width: 320, height: 640 });
    await textItem.getByText('Correct the kind or date').click();
    await textItem.getByRole('button', { name: 'Save correction' }).waitFor();
    expect(await axeViolations(adviser)).toEqual([]);
    expect(await horizontalOverflow(adviser)).toEqual([]);
    await adviser.goto('/adviser/deadlines');
    await waitForApp(adviser);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    expect(await axeViolations(adviser)).toEqual([]);
    expect(await horizontalOverflow(adviser)).toEqual([]);

    // With no adviser screen open, the push itself says "deadline within 7 days": the phone
    // sealed a hint for this computer, which this computer's service worker opens.
    await adviser.goto('/adviser');
    await waitForApp(adviser);
    const connectionId = decodeURIComponent(((await adviser.getByRole('link', { name: 'R. Patel' }).getAttribute('href')) ?? '').split('/').pop() ?? '');
    await adviser.goto('/privacy');
    await waitForApp(adviser);
    const notifications = () =>
      adviser.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ tag: n.tag, body: n.body })));
    await adviser.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
    const posted = claimant.waitForRequest((request) => request.url().endsWith('/api/items') && request.method() === 'POST');
    await sendText(claimant, 'You need to accept your claimant commitment. Accept it within 7 days or your claim may be closed.', 4);
    const sent = JSON.parse((await posted).postData() ?? '{}') as { id: string; hints?: { key: string; hint: string }[] };
    expect(sent.hints).toHaveLength(1);
    const hint = sent.hints![0]!.hint;
    // What the relay's sender would push to this computer (its queue and push leg are covered by push-hints.test.ts).
    const cdp = await adviserContext.newCDPSession(adviser);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${harness.baseUrl}/`)).toBe(true);
    const registrationId = registrations.find((r) => r.scopeURL === `${harness.baseUrl}/`)!.registrationId;
    const push = (hints: { connectionId: string; itemId: string; hint: string }[], id: string) =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: harness.baseUrl,
        registrationId,
        data: JSON.stringify({ v: 1, id, kind: 'adviser-new-item', hints }),
      });
    await push([{ connectionId, itemId: sent.id, hint }], 'reminder-soon');
    await expect
      .poll(notifications, { timeout: 20_000 })
      .toEqual([{ tag: 'adviser-deadline-soon', body: 'A new item from a client has a deadline within 7 days.' }]);
    // The same hint moved to another item does not open: the plain "something new".
    await adviser.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
    await push([{ connectionId, itemId: '00000000-0000-4000-8000-000000000000', hint }], 'reminder-moved');
    await expect.poll(notifications, { timeout: 20_000 }).toEqual([{ tag: 'reminder-moved', body: 'A client sent you something new.' }]);

    await adviserContext.close();
    await claimantContext.close();
  }, 900_000);
});
