// Push reminders in real Chromium against the production build: the service
// worker shows every push in the person's language, replaces by tag, offers
// snoozing, and opens the right screen. Pushes are delivered through the
// DevTools protocol, as the push service would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { startHarness, waitForApp, waitForServiceWorker, type Harness } from './harness';
import { setLanguage } from './screens';
import type { PushPayload } from '../../src/shared/protocol/push-types';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

interface Shown {
  title: string;
  body: string;
  tag: string;
  lang: string;
  data: { url: string; id: string };
  actions: { action: string; title: string }[];
}

/** Polls an async check in the page (waitForFunction does not await promises). */
async function poll<T>(check: () => Promise<T | null>, what: string): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function cachedTextsLanguage(page: Page, lang: string): Promise<void> {
  await poll(
    () =>
      page.evaluate(async (want) => {
        const response = await caches.match('/__push/texts');
        return response && ((await response.json()) as { lang: string }).lang === want ? true : null;
      }, lang),
    `the ${lang} texts`,
  );
}

async function pushTo(context: BrowserContext, page: Page): Promise<(payload: PushPayload, tag?: string) => Promise<Shown>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(harness.baseUrl) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const id = await registrationId;
  return async (payload, tag = payload.id) => {
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: harness.baseUrl, registrationId: id, data: JSON.stringify(payload) });
    return poll(
      () =>
        page.evaluate(async (tag): Promise<Shown | null> => {
          const registration = await navigator.serviceWorker.ready;
          const [n] = await registration.getNotifications({ tag });
          if (!n) return null;
          const { title, body, lang, data } = n;
          const actions = (n as Notification & { actions?: { action: string; title: string }[] }).actions ?? [];
          return { title, body, tag: n.tag, lang, data: data as Shown['data'], actions: actions.map(({ action, title: t }) => ({ action, title: t })) };
        }, tag),
      `notification ${tag}`,
    );
  };
}

describe('push reminders', () => {
  it('shows each push in English, then in Welsh, with the right tag, actions and screen', async () => {
    const context = await harness.newContext();
    await context.grantPermissions(['notifications'], { origin: harness.baseUrl });
    const page = await context.newPage();
    await page.goto('/reminders');
    await waitForApp(page);
    await waitForServiceWorker(page);
    await cachedTextsLanguage(page, 'en');
    const push = await pushTo(context, page);

    const deadline = await push({ v: 1, id: 'rem-deadline-1', kind: 'deadline', deadline: { id: 'appeal', daysLeft: 7 }, ref: 'notice-abc' });
    expect(deadline.title).toBe('UC Companion');
    expect(deadline.body).toBe('Your appeal. Days left: 7.');
    expect(deadline.tag).toBe('rem-deadline-1');
    expect(deadline.data.url).toBe('/notice/notice-abc');
    expect(deadline.actions).toEqual([
      { action: 'snooze-hour', title: 'Remind me in 1 hour' },
      { action: 'snooze-tomorrow', title: 'Tomorrow' },
    ]);

    const reply = await push({ v: 1, id: 'rem-reply-1', kind: 'reply' });
    expect(reply.body).toBe('You have a new message from your adviser.');
    expect(reply.data.url).toBe('/send');
    expect(reply.actions).toEqual([]);

    const journal = await push({ v: 1, id: 'rem-journal-1', kind: 'journal' });
    expect(journal.body).toBe('Time to check your Universal Credit journal.');
    expect(journal.data.url).toBe('/reminders#journal');
    expect(journal.actions.map((a) => a.action)).toEqual(['snooze-hour', 'snooze-tomorrow']);

    // A resend with the same id replaces the notification rather than adding one.
    await push({ v: 1, id: 'rem-journal-1', kind: 'journal' });
    const sameTag = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications({ tag: 'rem-journal-1' })).length);
    expect(sameTag).toBe(1);

    // Switch to Welsh on the Reminders screen: the words follow.
    await setLanguage(page, 'cy');
    await cachedTextsLanguage(page, 'cy');
    const welsh = await push({ v: 1, id: 'rem-deadline-2', kind: 'deadline', deadline: { id: 'appeal', daysLeft: 0 }, ref: 'notice-abc' });
    expect(welsh.body).toBe("Eich apêl. Heddiw yw'r diwrnod olaf.");
    expect(welsh.lang).toBe('cy');
    expect(welsh.actions).toEqual([
      { action: 'snooze-hour', title: 'Atgoffa fi mewn awr' },
      { action: 'snooze-tomorrow', title: 'Yfory' },
    ]);
    const welshReply = await push({ v: 1, id: 'rem-reply-2', kind: 'reply' });
    expect(welshReply.body).toBe('Mae gennych chi neges newydd gan eich cynghorydd.');

    // Even a push it cannot read shows something (iOS revokes silent ones).
    const odd = await push({ v: 1, id: 'rem-odd', kind: 'nonsense' } as unknown as PushPayload, 'reminder');
    expect(odd.body).not.toBe('');
    expect(odd.data.url).toBe('/');
    await context.close();
  });

  it('never asks for permission on load, and loads no push code for people without reminders', async () => {
    const context = await harness.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await waitForApp(page);
    expect(scripts.filter((path) => /push-client|nav-badge|push-texts/.test(path))).toEqual([]);
    await page.goto('/reminders');
    await page.getByRole('button', { name: 'Turn on reminders' }).waitFor();
    await expect(page.evaluate(() => Notification.permission)).resolves.toBe('default');
    await context.close();
  });
});
