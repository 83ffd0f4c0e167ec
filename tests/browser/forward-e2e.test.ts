// The whole forwarding journey in real Chromium, with two separate browser
// contexts (adviser and claimant) and the relay on an embedded database
// kept in a folder, so we can also read its raw files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DELIVERED_ITEMS, startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';
import { adviserIdOf, enrolmentLink } from './relay-people';
import { generateKeyPair, sealPayload } from '../../src/client/services/crypto';

const TEXT_MARKER = 'PLAINTEXT-MARKER-7f3a9c';
const NOTE_MARKER = 'NOTE-MARKER-b41d2e';
const FORGED_MARKER = 'I no longer want to appeal FORGED-4c1e';

let harness: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uc-relay-'));
  harness = await startHarness({ relay: true, dataDir });
});
afterAll(async () => {
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every file below a folder, as bytes. */
function allFiles(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [readFileSync(path)];
  });
}

function containsAnywhere(files: Buffer[], needle: string | Buffer): boolean {
  return files.some((bytes) => bytes.includes(needle));
}

/** The marker as it would look if base64url-encoded at any of the 3 alignments. */
function base64Forms(text: string): string[] {
  return [0, 1, 2].map((pad) =>
    Buffer.from('x'.repeat(pad) + text)
      .toString('base64url')
      .slice(Math.ceil((pad * 4) / 3) + 1, -2),
  );
}

async function letterPhoto(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#f4f1ea';
    g.fillRect(0, 0, 1200, 900);
    g.fillStyle = '#222';
    g.font = '48px sans-serif';
    g.fillText('Mandatory Reconsideration Notice', 80, 150);
    g.fillText('Date of this notice: 9 November 2026', 80, 240);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

describe('forwarding a notice to an adviser', () => {
  it('enrol, add a second computer, invite, connect, send offline (typed text and a shared photo), read on both computers, reply, see "Seen", stop sharing, and nothing is left', async () => {
    const store = harness.store!;

    // The adviser sets up their computer from the enrolment link.
    const adviserContext = await harness.newContext();
    const adviser = await adviserContext.newPage();
    await adviser.goto(await enrolmentLink(harness, dataDir));
    await waitForApp(adviser);
    await adviser.getByRole('button', { name: 'Set up this computer' }).click();
    await adviser.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor();
    expect(adviser.url()).not.toContain('#'); // the one-time token is gone from the address bar

    // …and invites a client.
    await adviser.getByLabel('Who is it for?').fill('J.S. housing');
    await adviser.getByRole('button', { name: 'Make an invite' }).click();
    await adviser.getByText(/It works once, until/).waitFor();
    const code = /^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/.exec((await adviser.locator('.invite-code span[aria-hidden]').textContent())?.trim() ?? '')?.[0];
    expect(code).toBeTruthy();

    // A second computer joins with a one-time code from the first, after the
    // adviser checks both show the same safety code.
    const secondContext = await harness.newContext();
    const second = await secondContext.newPage();
    const devices = adviser.locator('section[aria-labelledby="devices-heading"]');
    await devices.getByRole('button', { name: 'Make a code' }).click();
    const deviceCode = (await devices.locator('.invite-code span[aria-hidden]').textContent())?.trim() ?? '';
    expect(deviceCode).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    // The first computer shows the adviser's safety code with the one-time code: the new computer asks for it.
    const adviserCode = (await devices.locator('.adviser-fingerprint span[aria-hidden]').textContent())?.trim() ?? '';
    expect(adviserCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await second.goto('/adviser/add-device');
    await waitForApp(second);
    await second.getByLabel('Code from your other computer').fill(deviceCode);
    await second.getByLabel('Safety code shown on your first computer').fill(adviserCode.toLowerCase());
    await second.getByRole('button', { name: 'Continue' }).click();
    // The safety code as shown (screen readers get it spelled out, in a hidden copy).
    const safety = second.locator('.device-fingerprint span[aria-hidden]');
    await expect.poll(async () => (await safety.textContent().catch(() => ''))?.trim() ?? '').toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const secondCode = (await safety.textContent())!.trim();
    const request = devices.locator('.device-request');
    await request.waitFor({ timeout: 15_000 });
    await expect.poll(() => request.locator('.device-fingerprint').textContent()).toContain(secondCode);
    // Approving needs the new computer's safety code typed in full: a wrong one is refused at the field.
    await request.getByLabel('Safety code shown on the new computer').fill(secondCode.slice(-4));
    await request.getByRole('button', { name: 'This matches, add it' }).click();
    await request.getByText('This is not the safety code of the computer asking to join.').first().waitFor();
    await request.getByLabel('Safety code shown on the new computer').fill(secondCode);
    await request.getByRole('button', { name: 'This matches, add it' }).click();
    await second.getByRole('heading', { level: 1, name: 'Your inbox' }).waitFor({ timeout: 30_000 });

    // The claimant types the code on their phone and agrees.
    const claimantContext = await harness.newContext({ viewport: { width: 360, height: 740 } });
    const claimant = await claimantContext.newPage();
    await claimant.goto('/connect');
    await waitForApp(claimant);
    await waitForServiceWorker(claimant);
    await claimant.getByLabel('Code from your adviser').fill(code!.toLowerCase().replace(/-/g, ' '));
    await claimant.getByRole('button', { name: 'Continue' }).click();
    await claimant.getByText('Sam Jones', { exact: false }).first().waitFor();
    await expect.poll(() => claimant.locator('main').textContent()).toContain('Cardiff Advice');
    // A typed code: the safety code the adviser reads out (shown with the invite) must be typed before connecting.
    const inviteSafety = (await adviser.locator('section[aria-labelledby="invite-heading"] .adviser-fingerprint span[aria-hidden]').textContent())?.trim() ?? '';
    expect(inviteSafety).toBe(adviserCode);
    await claimant.getByRole('button', { name: 'Agree and connect' }).click();
    await claimant.getByText('Type the safety code your adviser reads out to you.').first().waitFor();
    await claimant.getByLabel("Your adviser's safety code").fill(inviteSafety.replace(/-/g, ' '));
    await claimant.getByRole('button', { name: 'Agree and connect' }).click();
    await claimant.getByRole('heading', { level: 1, name: 'Send to my adviser' }).waitFor();
    const claimantCode = (await claimant.locator('.forward-fingerprint--own span[aria-hidden]').textContent())?.trim() ?? '';
    expect(claimantCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // No signal: both sends wait in the outbox on the phone.
    const photo = await letterPhoto(claimant);
    await claimantContext.setOffline(true);
    // The text goes from the Explain screen, with no signal.
    await claimant.goto('/explain');
    await waitForApp(claimant);
    await claimant.getByLabel('Your message').fill(`Your claim has been closed. ${TEXT_MARKER}`);
    await claimant.getByRole('link', { name: 'Send to my adviser' }).click();
    await claimant.getByRole('heading', { level: 1, name: 'Send to my adviser' }).waitFor();
    await expect.poll(() => claimant.getByLabel('Paste or type text').inputValue()).toContain(TEXT_MARKER);
    await claimant.getByRole('button', { name: 'Send to my adviser' }).click();
    await claimant.locator('.forward-item--waiting').first().waitFor();
    // The photo arrives through Android's share sheet: a POST to our share
    // target, answered by the service worker even with no signal.
    const shared = await claimant.evaluate(
      async (bytes) => {
        const form = new FormData();
        form.append('file', new File([new Uint8Array(bytes)], 'letter.jpg', { type: 'image/jpeg' }));
        const response = await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' });
        return { type: response.type, status: response.status };
      },
      [...photo],
    );
    expect(shared.type === 'opaqueredirect' || shared.status === 303).toBe(true);
    await claimant.goto('/send?shared=1');
    await waitForApp(claimant);
    await claimant.getByAltText('The photo you are about to send').waitFor();
    await claimant.getByLabel('A note for your adviser (optional)').fill(NOTE_MARKER);
    await claimant.getByRole('button', { name: 'Send to my adviser' }).click();
    await expect.poll(() => claimant.locator('.forward-item--waiting').count()).toBe(2);

    // Back online, the claimant opens the app on Home: what waited is sent
    // straight away, once each, without visiting the Send screen.
    await claimant.goto('/');
    await waitForApp(claimant);
    await claimantContext.setOffline(false);
    await claimant.reload();
    await waitForApp(claimant);
    const [connection] = await store.listConnections(await adviserIdOf(adviser));
    expect(connection).toBeTruthy();
    await expect.poll(async () => (await store.listItems(connection!.id, 'to-adviser')).length, { timeout: 20_000 }).toBe(2);
    await claimant.goto('/send');
    await waitForApp(claimant);
    // Sent or already seen (the phone's status check may have run since).
    await expect.poll(() => claimant.locator(DELIVERED_ITEMS).count(), { timeout: 20_000 }).toBe(2);

    // The relay's raw files never hold the plaintext, but do hold the ciphertext.
    const items = await store.listItems(connection!.id, 'to-adviser');
    const stored = await store.getEnvelope(items[0]!.id);
    const files = allFiles(dataDir);
    // The store keeps the bytes the envelope's base64url encodes (an aligned slice of it decodes to a slice of them).
    expect(containsAnywhere(files, Buffer.from(stored!.envelope.slice(100, 160), 'base64url')), 'the ciphertext should be on disk').toBe(true);
    for (const marker of [TEXT_MARKER, NOTE_MARKER]) {
      expect(containsAnywhere(files, marker), marker).toBe(false);
      for (const form of base64Forms(marker)) expect(containsAnywhere(files, form), `${marker} as base64`).toBe(false);
    }

    // The adviser sees both, opens the photo, and replies.
    await adviser.reload();
    await waitForApp(adviser);
    // Not checked yet: the inbox marks the client in words (this computer has not typed their safety code).
    const inboxRow = adviser.locator('.client-list__item', { hasText: 'J.S. housing' });
    await expect.poll(() => inboxRow.textContent()).toContain('Safety code not checked yet');
    await adviser.getByRole('link', { name: /J\.S\. housing/ }).click();
    await expect.poll(() => adviser.getByRole('button', { name: 'Open' }).count()).toBe(2);
    // Each item says so, with the way to check right there; the Open button is described by the warning too.
    const notChecked = 'Not checked yet: Ask J.S. housing to read you the safety code from their phone, and type it here, before you act on this.';
    await expect.poll(() => adviser.locator('.item .not-checked').count()).toBe(2);
    expect((await adviser.locator('.item .not-checked p').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(notChecked);
    await expect.poll(() => adviser.getByRole('button', { name: 'Open', description: /Not checked yet/ }).count()).toBe(2);
    await adviser.getByRole('link', { name: 'Type the safety code' }).first().click();
    await expect.poll(() => adviser.evaluate(() => document.activeElement?.id)).toBe('client-safety-typed');
    // Both screens show the same safety code for the client.
    await expect.poll(async () => (await adviser.locator('.client-fingerprint span[aria-hidden]').textContent())?.trim()).toBe(claimantCode);
    // Opening one turns its button into "Close", so always open the first left.
    await adviser.getByRole('button', { name: 'Open' }).first().click();
    await expect.poll(() => adviser.getByRole('button', { name: 'Open' }).count()).toBe(1);
    await adviser.getByRole('button', { name: 'Open' }).first().click();
    await expect.poll(() => adviser.getByRole('button', { name: 'Open' }).count()).toBe(0);
    await adviser.locator('img[alt^="Photo sent by your client"]').waitFor();
    await expect.poll(() => adviser.locator('main').textContent()).toContain(TEXT_MARKER);
    await expect.poll(() => adviser.locator('main').textContent()).toContain(NOTE_MARKER);
    // Opened, each item still carries the warning at its top (it prints with it).
    await expect.poll(() => adviser.locator('.item-view .not-checked').count()).toBe(2);
    expect(await adviser.getByRole('region', { description: /Not checked yet/ }).count()).toBe(2);
    // The second computer can open what was sent after it joined.
    await second.reload();
    await waitForApp(second);
    await second.getByRole('link', { name: /J\.S\. housing/ }).click();
    await expect.poll(() => second.getByRole('button', { name: 'Open' }).count()).toBe(2);
    await second.getByRole('button', { name: 'Open' }).first().click();
    await second.getByRole('button', { name: 'Open' }).first().click();
    await second.locator('img[alt^="Photo sent by your client"]').waitFor();
    await expect.poll(() => second.locator('main').textContent()).toContain(TEXT_MARKER);

    // Replies wait until the adviser has typed the safety code the client reads out.
    await adviser.getByLabel('Safety code your client reads out').waitFor();
    expect(await adviser.getByLabel('Your reply').count()).toBe(0);
    await adviser.getByLabel('Safety code your client reads out').fill(secondCode);
    await adviser.getByRole('button', { name: 'Check the safety code' }).click();
    await adviser.getByText('This is not the safety code this computer has for your client.').first().waitFor();
    // A wrong code leaves the warnings in place.
    expect(await adviser.locator('.item-view .not-checked').count()).toBe(2);
    await adviser.getByLabel('Safety code your client reads out').fill(claimantCode.toLowerCase());
    await adviser.getByRole('button', { name: 'Check the safety code' }).click();
    // Checked: the warnings go, on this computer only (the second one has not typed the code).
    await expect.poll(() => adviser.locator('.not-checked').count()).toBe(0);
    await expect.poll(() => adviser.locator('.item--not-checked').count()).toBe(0);
    await second.reload();
    await waitForApp(second);
    await expect.poll(() => second.locator('.item .not-checked').count()).toBe(2);
    await adviser.getByLabel('Your reply').fill('Thanks. I will send your appeal today.');
    await adviser.getByRole('button', { name: 'Send reply' }).click();
    // Said in the live region and shown under the button (the region's words may be replaced at once by another's).
    await adviser.locator('#reply-sent').filter({ hasText: 'Reply sent.' }).waitFor();
    // The inbox no longer marks the client.
    await adviser.goto('/adviser');
    await waitForApp(adviser);
    await adviser.locator('.client-list[aria-busy="false"]').waitFor();
    expect(await adviser.locator('.client-list .not-checked-mark').count()).toBe(0);
    await adviser.getByRole('link', { name: /J\.S\. housing/ }).click();
    await expect.poll(() => adviser.locator('.item').count()).toBeGreaterThan(0);

    // The claimant sees "Seen" and the reply.
    await claimant.reload();
    await waitForApp(claimant);
    await expect.poll(() => claimant.locator('.forward-item--seen').count(), { timeout: 20_000 }).toBe(2);
    await claimant.getByText('Thanks. I will send your appeal today.').waitFor();

    // The hostile operator writes to the relay's store: it replays the
    // client's item under a new id, and injects a reply sealed by a key of its own.
    const [genuineInfo] = await store.listItems(connection!.id, 'to-adviser');
    const genuineItem = await store.getEnvelope(genuineInfo!.id);
    const replayedId = crypto.randomUUID();
    await store.addItem({
      id: replayedId,
      connectionId: connection!.id,
      direction: 'to-adviser',
      envelope: genuineItem!.envelope,
      size: genuineItem!.size,
      createdAt: new Date().toISOString(),
    });
    const operator = await generateKeyPair();
    const forgedId = crypto.randomUUID();
    const forged = await sealPayload(
      [(await store.getConnection(connection!.id))!.claimantPublicKey],
      { kind: 'text', text: FORGED_MARKER, sentAt: new Date().toISOString() },
      {
        sender: operator,
        binding: { connectionId: connection!.id, direction: 'to-claimant', itemId: forgedId },
      },
    );
    await store.addItem({
      id: forgedId,
      connectionId: connection!.id,
      direction: 'to-claimant',
      envelope: forged.envelope,
      size: forged.envelope.length,
      createdAt: new Date().toISOString(),
    });
    // The adviser's screen says it could not be checked, and cannot open it.
    await adviser.reload();
    await waitForApp(adviser);
    await adviser.getByText('This item could not be checked: it may not be from your client. Ask them to send it again.').first().waitFor();
    await expect.poll(() => adviser.locator('.item__refused').count()).toBe(1);
    // The phone shows the injected reply only as that, never its words.
    await claimant.reload();
    await waitForApp(claimant);
    await claimant.getByText('This item could not be checked: it may not be from your adviser. Ask them to send it again.').first().waitFor();
    expect(await claimant.locator('main').textContent()).not.toContain(FORGED_MARKER);

    // The claimant stops sharing; the adviser's inbox shows it.
    await claimant.getByRole('button', { name: 'Stop sharing' }).click();
    await claimant.getByRole('button', { name: 'Yes, stop sharing' }).click();
    await claimant.getByText('Sharing has stopped.').first().waitFor();
    await adviser.goto('/adviser');
    await waitForApp(adviser);
    await adviser.getByText(/Stopped sharing on/).waitFor();

    // Nothing of that connection is left on the relay.
    expect(await store.listItems(connection!.id, 'to-adviser')).toEqual([]);
    expect(await store.listItems(connection!.id, 'to-claimant')).toEqual([]);
    const stopped = await store.getConnection(connection!.id);
    expect(stopped).toMatchObject({ label: '', claimantPublicKey: '' });
    expect(stopped!.stoppedAt).not.toBeNull();
    await adviserContext.close();
    await secondContext.close();
    await claimantContext.close();
  });
});
