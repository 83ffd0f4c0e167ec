// The service worker's own relay calls, in real Chromium: it reads the
// subscriber tokens the page keeps in IndexedDB `uc-push` (never creating that
// database), snoozes a reminder from a notification's button, and tells the
// relay about a new subscription for every role on the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';
import { startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

interface RelayCall {
  method: string;
  path: string;
  auth: string | undefined;
  body: unknown;
}

/** Answers every push route here, and notes what was asked. */
async function fakeRelay(context: BrowserContext): Promise<RelayCall[]> {
  const calls: RelayCall[] = [];
  await context.route('**/api/push/**', async (route) => {
    const request: Request = route.request();
    calls.push({
      method: request.method(),
      path: new URL(request.url()).pathname,
      auth: (await request.allHeaders())['authorization'],
      body: request.postData() ? (JSON.parse(request.postData() ?? '') as unknown) : undefined,
    });
    await route.fulfill({ status: 204 });
  });
  return calls;
}

async function serviceWorker(context: BrowserContext, page: Page): Promise<Worker> {
  await waitForServiceWorker(page);
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** A tap on a notification's button, fired at the service worker's own listeners; waits for what they passed to waitUntil. */
function tapAction(worker: Worker, action: string): Promise<void> {
  return worker.evaluate(async (action) => {
    const waits: Promise<unknown>[] = [];
    const notification = { data: { id: 'rem-1', url: '/reminders' }, close: () => undefined };
    globalThis.dispatchEvent(Object.assign(new Event('notificationclick'), { action, notification, waitUntil: (p: Promise<unknown>) => waits.push(p) }));
    await Promise.all(waits);
  }, action);
}

/** The browser replaced the push subscription (as `pushsubscriptionchange` says). */
function subscriptionChanged(worker: Worker, endpoint: string): Promise<void> {
  return worker.evaluate(async (endpoint) => {
    const waits: Promise<unknown>[] = [];
    const newSubscription = { endpoint, toJSON: () => ({ endpoint, keys: { p256dh: 'p256', auth: 'auth' } }) };
    globalThis.dispatchEvent(
      Object.assign(new Event('pushsubscriptionchange'), { oldSubscription: null, newSubscription, waitUntil: (p: Promise<unknown>) => waits.push(p) }),
    );
    await Promise.all(waits);
  }, endpoint);
}

async function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

describe("the service worker's relay calls", () => {
  it('snoozes nothing, and creates no database, on a device without reminders', async () => {
    const context = await harness.newContext();
    const calls = await fakeRelay(context);
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    const worker = await serviceWorker(context, page);
    await tapAction(worker, 'snooze-hour');
    expect(calls).toEqual([]);
    expect(await databases(page)).not.toContain('uc-push');
  });

  it("snoozes with the claimant's token, and re-subscribes every role with the credential it was made with", async () => {
    const context = await harness.newContext();
    const calls = await fakeRelay(context);
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    const worker = await serviceWorker(context, page);
    // What the page keeps once reminders are on (src/client/data/push-db.ts, version 1).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('uc-push', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('subscribers', { keyPath: 'role' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('subscribers', 'readwrite');
            tx.objectStore('subscribers').put({ role: 'claimant', subscriberToken: 's_claimant', ownerToken: 'c_owner', sent: '{}' });
            tx.objectStore('subscribers').put({ role: 'adviser', subscriberToken: 's_adviser', ownerToken: 'a_owner' });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );

    await tapAction(worker, 'snooze-tomorrow');
    expect(calls).toEqual([{ method: 'POST', path: '/api/push/snooze', auth: 'Bearer s_claimant', body: { reminderId: 'rem-1', until: 'tomorrow' } }]);

    calls.length = 0;
    await subscriptionChanged(worker, 'https://push.example/new');
    const subscription = { endpoint: 'https://push.example/new', keys: { p256dh: 'p256', auth: 'auth' } };
    expect(calls.sort((a, b) => (a.auth ?? '').localeCompare(b.auth ?? ''))).toEqual([
      { method: 'PUT', path: '/api/push/subscription', auth: 'Bearer s_adviser', body: { adviserToken: 'a_owner', subscription } },
      { method: 'PUT', path: '/api/push/subscription', auth: 'Bearer s_claimant', body: { claimantToken: 'c_owner', subscription } },
    ]);
  });
});
