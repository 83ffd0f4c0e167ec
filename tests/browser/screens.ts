// One list of example states per screen, used by the axe, layout and
// keyboard tests, so every screen is checked the same way.
import type { Page } from 'playwright-core';
import { waitForApp, SAMPLE_MRN } from './harness';
import { SAMPLE_UNSURE } from './explain-samples';

export interface ScreenExample {
  name: string;
  open(page: Page): Promise<void>;
}

async function go(page: Page, path: string) {
  await page.goto(path);
  await waitForApp(page);
}

export const SCREENS: ScreenExample[] = [
  { name: 'home', open: (page) => go(page, '/') },
  { name: 'explain (empty)', open: (page) => go(page, '/explain') },
  {
    name: 'explain (result)',
    async open(page) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill(SAMPLE_MRN);
      await page.locator('section.result').waitFor();
    },
  },
  {
    name: 'explain (not sure: likeliest kinds and a question)',
    async open(page) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill(SAMPLE_UNSURE);
      await page.locator('#challenge-title').waitFor();
    },
  },
  {
    name: 'explain (password warning, kind picker open)',
    async open(page) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill('password: Sunflower2024');
      await page.locator('.kind-picker button').click();
      await page.locator('.warning').waitFor();
    },
  },
  {
    name: 'explain (photo chosen: the reading tool note)',
    async open(page) {
      await go(page, '/explain');
      // Any picture: the note comes before anything is read or downloaded.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG4VW8wAAAABJRU5ErkJggg==', 'base64');
      await page.locator('#photo-choose').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: png });
      await page.locator('.photo-reader [role="group"]').waitFor();
    },
  },
  {
    name: 'saved notice and home list',
    async open(page) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill(SAMPLE_MRN);
      await page.locator('#save-notice').click(); // by id: in every language, whatever questions the last explanation showed
      await page.locator('section.result a.button[href^="/notice/"]').click();
      await page.locator('#notice-date').waitFor();
    },
  },
  {
    name: 'explain (half-typed date: error at the field and in the summary)',
    async open(page) {
      await go(page, '/explain');
      await page.locator('#notice-text').fill(SAMPLE_MRN);
      await page.locator('#notice-date-year').fill('20');
      await page.locator('#notice-date-year').press('Tab');
      await page.locator('#notice-date-errors').waitFor();
    },
  },
  {
    name: 'home (language list open)',
    async open(page) {
      await go(page, '/');
      await page.locator('.language-picker summary').click();
      await page.locator('.language-picker__list').waitFor();
    },
  },
  { name: 'helpers', open: (page) => go(page, '/helpers') },
  {
    name: 'helpers (errors shown)',
    async open(page) {
      await go(page, '/helpers');
      await page.locator('form button[type="submit"]').first().click();
      await page.locator('[role="alert"]').first().waitFor();
    },
  },
  { name: 'not found', open: (page) => go(page, '/no-such-page') },
  {
    name: 'adviser deadlines board (overdue, due soon, later; no relay)',
    async open(page) {
      await go(page, '/adviser');
      await seedAdviserDesk(page);
      await go(page, '/adviser/deadlines');
      await page.locator('ol.board > li').first().waitFor();
      // Leave this browser as it was: other examples expect a computer that is not set up.
      await clearAdviserDesk(page);
    },
  },
  { name: 'connect to my adviser', open: (page) => go(page, '/connect') },
  {
    name: 'connect (error shown)',
    async open(page) {
      await go(page, '/connect');
      await page.locator('main form button[type="submit"]').first().click();
      await page.locator('[role="alert"]').first().waitFor();
    },
  },
  { name: 'send to my adviser (not connected)', open: (page) => go(page, '/send') },
  { name: 'privacy', open: (page) => go(page, '/privacy') },
  { name: 'reminders (off)', open: (page) => go(page, '/reminders') },
  {
    name: 'reminders (error shown)',
    async open(page) {
      await go(page, '/reminders');
      // No day chosen for the journal reminder: the summary says so, before any permission prompt.
      for (const day of [0, 1, 2, 3, 4, 5, 6]) await page.locator(`#journal-day-${day}`).uncheck();
      await page.locator('main form button[type="submit"]').click();
      await page.locator('[role="alert"]').first().waitFor();
    },
  },
  { name: 'adviser inbox (computer not set up)', open: (page) => go(page, '/adviser') },
];

/**
 * An adviser's computer with three explained items, put straight into its
 * database (uc-adviser, already made by the app): the board reads only this
 * computer's records, so no relay is needed to show it.
 */
async function seedAdviserDesk(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('uc-adviser');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const item = (itemId: string, label: string, kind: string, id: string, date: string) => ({
      itemId,
      connectionId: `conn-${itemId}`,
      label,
      receivedAt: new Date().toISOString(),
      source: 'photo',
      found: { kind, noticeDate: day(-20), countFrom: day(-20), deadlines: [{ id, date, target: date, rule: 'mr-one-month' }] },
      handled: {},
      explainedAt: new Date().toISOString(),
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['identity', 'desk'], 'readwrite');
      tx.objectStore('identity').put(
        {
          adviserId: 'adv-1',
          name: 'Sam Jones',
          org: 'Cardiff Advice',
          signingKey: '',
          publicKey: '',
          privateKey: keys.privateKey,
          deviceToken: 'no-relay-here',
          enrolledAt: new Date().toISOString(),
        },
        'self',
      );
      const desk = tx.objectStore('desk');
      desk.put(item('a', 'R. Patel', 'sanction-decision', 'mandatory-reconsideration', day(-2)));
      desk.put(item('b', 'A very long client reference that wraps on a small screen', 'claimant-commitment', 'respond', day(3)));
      desk.put(item('c', 'J.S. housing', 'mandatory-reconsideration-notice', 'appeal', day(20)));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** Chooses a language from the list in the header, as a person does: open it, then follow the language's link. */
export async function setLanguage(page: Page, code: string): Promise<void> {
  const picker = page.locator('details.language-picker');
  if ((await picker.getAttribute('open')) === null) await picker.locator('summary').click();
  await picker.locator(`a[hreflang="${code}"]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

async function clearAdviserDesk(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('uc-adviser');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['identity', 'desk'], 'readwrite');
      tx.objectStore('identity').clear();
      tx.objectStore('desk').clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}
