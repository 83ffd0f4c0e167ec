// Letter mode on the Send screen: a photo of a letter on a table becomes the
// cleaned page, shown before sending, with progress and Cancel while it is
// prepared; "Send the photo as it is" swaps in the plain photo; and the
// photo can be explained from there. (Sending itself is covered by
// forward-e2e.test.ts; here a connection is put straight into the
// claimant's database, so no relay is needed.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, waitForApp, type Harness } from './harness';
import { photoSet, type PhotoSet } from '../support/letter-photos/generate';

/** The machine is shared: a picture can take a moment to load into the preview. */
const SLOW = { timeout: 20_000 };
let harness: Harness;
let set: PhotoSet;

beforeAll(async () => {
  [harness, set] = await Promise.all([startHarness(), photoSet()]);
}, 300_000);
afterAll(async () => harness?.close());

async function connectedSendScreen(page: Page): Promise<void> {
  await page.goto('/send');
  await waitForApp(page);
  await page.getByText('You are not connected to an adviser yet.').waitFor();
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('uc-forward');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('connection', 'readwrite');
      tx.objectStore('connection').put({
        key: 'only',
        connectionId: 'test-connection',
        claimantToken: 'test-token',
        adviser: { name: 'Sam Jones', org: 'Cardiff Advice', signingKey: '', devices: [] },
        fingerprint: 'test',
        connectedAt: new Date().toISOString(),
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.reload();
  await waitForApp(page);
  await page.locator('.forward-adviser__name').filter({ hasText: 'Sam Jones' }).waitFor();
}

describe('letter mode on the Send screen', () => {
  it('shows the cleaned page before sending, can send the photo as it is instead, and can explain it', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await connectedSendScreen(page);
    const photo = join(set.dir, set.photos.find((p) => p.id === 'sanction')!.file);

    // Cancel while the page is being cleaned: nothing is added.
    await page.locator('#send-choose-picture').setInputFiles(photo);
    await page.getByRole('progressbar', { name: 'Finding the page and making the photo smaller' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped. The photo was not added.' }).waitFor();
    expect(await page.getByAltText('The photo you are about to send').count()).toBe(0);

    // Again, to the end: the cleaned page, and its size.
    await page.locator('#send-choose-picture').setInputFiles(photo);
    const preview = page.getByAltText('The photo you are about to send');
    await preview.waitFor({ timeout: 60_000 });
    await page.getByText('We straightened the page and made the writing clear.', { exact: false }).waitFor();
    const cleanedSize = await page.locator('.forward-preview').textContent();
    const kb = (text: string | null) => Number(/Size: (\d+) KB/.exec(text ?? '')?.[1]);
    expect(kb(cleanedSize)).toBeLessThanOrEqual(100);
    // Portrait A4, straightened. (The preview loads its picture after it shows: its size is 0 until then.)
    const naturalRatio = () => preview.evaluate((img: HTMLImageElement) => img.naturalHeight / img.naturalWidth);
    await expect.poll(naturalRatio, SLOW).toBeCloseTo(Math.SQRT2, 2);

    // "As it is": today's photo, not straightened, and back again.
    await page.getByRole('button', { name: 'Send the photo as it is' }).click();
    await page.getByText('Your adviser will get the photo as you took it', { exact: false }).waitFor({ timeout: 60_000 });
    // A new picture in the preview: it loads after the note shows.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight)), SLOW).toBe(1600);
    await page.getByRole('button', { name: 'Send the clear page instead' }).click();
    await page.getByText('We straightened the page and made the writing clear.', { exact: false }).waitFor({ timeout: 60_000 });

    // "What does this letter mean?" takes the photo to the Explain screen.
    await page.getByRole('link', { name: 'What does this letter mean?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Explain a message' }).waitFor();
    await page.getByRole('group', { name: 'This phone needs a reading tool first' }).waitFor();
    await context.close();
  }, 240_000);
});
