import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedNotice } from '../../../src/client/data/notices-db';
import type { Preferences } from '../../../src/shared/protocol/push-types';
import {
  DEFAULT_SETTINGS,
  buildPushTexts,
  checkSettings,
  daysToMask,
  deadlinesFrom,
  maskToDays,
  savePreferences,
  timeToMinute,
  toPreferences,
  turnOffAll,
  turnOnReminders,
  type ReminderSettings,
} from '../../../src/client/services/push-client';
import { countUnseen } from '../../../src/client/services/push-recent';
import { minuteToTime } from '../../../src/shared/notices/uk-time';
import { todayInLondon } from '../../../src/shared/notices/calendar';
import { saveNotice } from '../../../src/client/data/notices-db';
import { saveConnection } from '../../../src/client/data/claimant-db';

function notice(id: string, deadlines: SavedNotice['deadlines'], extra: Partial<SavedNotice> = {}): SavedNotice {
  return {
    id,
    kind: 'mr-outcome' as SavedNotice['kind'],
    text: 'We have not changed the decision. Your National Insurance number is QQ123456C.',
    noticeDate: '2026-11-09',
    countFrom: '2026-11-09',
    countFromSource: 'text',
    deadlines,
    savedAt: '2026-11-10T10:00:00.000Z',
    title: 'Secret title',
    ...extra,
  };
}

const appeal = { id: 'appeal', date: '2026-12-09', target: '2026-12-02', rule: 'appeal-one-month', time: '17:00' } as SavedNotice['deadlines'][number];
const late = { id: 'late-limit', date: '2027-12-09', target: '2027-12-01', rule: 'late-appeal-13-months' } as SavedNotice['deadlines'][number];
const past = { id: 'respond', date: '2026-01-01', target: '2026-01-01', rule: 'explicit-date' } as SavedNotice['deadlines'][number];

describe('minutes and weekday masks', () => {
  it('converts times of day to UK minutes and back', () => {
    expect(timeToMinute('10:00')).toBe(600);
    expect(timeToMinute('00:00')).toBe(0);
    expect(timeToMinute('23:59')).toBe(1439);
    expect(timeToMinute('08:05:00')).toBe(485);
    for (const bad of ['', '24:00', '9:00', '10:60', 'ten']) expect(timeToMinute(bad), bad).toBeNull();
    expect(minuteToTime(600)).toBe('10:00');
    expect(minuteToTime(1260)).toBe('21:00');
    expect(minuteToTime(485)).toBe('08:05');
    for (let m = 0; m < 1440; m += 7) expect(timeToMinute(minuteToTime(m))).toBe(m);
  });

  it('makes a bit mask with bit 0 = Monday … bit 6 = Sunday', () => {
    expect(daysToMask([0, 3])).toBe(0b0001001);
    expect(daysToMask([6])).toBe(64);
    expect(daysToMask([0, 1, 2, 3, 4, 5, 6])).toBe(127);
    expect(daysToMask([])).toBe(0);
    expect(maskToDays(9)).toEqual([0, 3]);
    expect(maskToDays(127)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('preferences from the choices', () => {
  it('defaults to Mondays and Thursdays at 10:00 and quiet hours 21:00 to 08:00', () => {
    const prefs = toPreferences(DEFAULT_SETTINGS, [], '2026-11-10');
    expect(prefs).toEqual({ replies: true, journal: { days: 9, minute: 600 }, quiet: { start: 1260, end: 480 }, deadlines: [] });
  });

  it('sends only id, date and the notice id for each upcoming deadline: never text, title or kind', () => {
    const notices = [notice('n-1', [appeal, past]), notice('n-2', [late], { title: 'Another' })];
    const prefs = toPreferences(DEFAULT_SETTINGS, notices, '2026-11-10');
    expect(prefs.deadlines).toEqual([
      { id: 'appeal', date: '2026-12-09', ref: 'n-1' },
      { id: 'late-limit', date: '2027-12-09', ref: 'n-2' },
    ]);
    for (const d of prefs.deadlines) expect(Object.keys(d).sort()).toEqual(['date', 'id', 'ref']);
    const json = JSON.stringify(prefs);
    for (const secret of ['QQ123456C', 'Secret title', 'Another', 'mr-outcome', '17:00', '2026-12-02']) expect(json).not.toContain(secret);
  });

  it('leaves out deadlines that have passed, and all deadlines when they are turned off', () => {
    expect(deadlinesFrom([notice('n', [past])], '2026-11-10')).toEqual([]);
    expect(deadlinesFrom([notice('n', [appeal])], '2026-12-09')).toHaveLength(1); // the last day itself counts
    const off: ReminderSettings = { ...DEFAULT_SETTINGS, deadlines: false };
    expect(toPreferences(off, [notice('n', [appeal])], '2026-11-10').deadlines).toEqual([]);
  });

  it('sends journal: null when the journal reminder is off, and the chosen days and time when on', () => {
    const off: ReminderSettings = { ...DEFAULT_SETTINGS, journal: { on: false, days: [], time: '' } };
    expect(toPreferences(off, [], '2026-11-10').journal).toBeNull();
    const weekend: ReminderSettings = { ...DEFAULT_SETTINGS, journal: { on: true, days: [5, 6], time: '18:30' }, quiet: { from: '22:15', to: '07:45' } };
    const prefs = toPreferences(weekend, [], '2026-11-10');
    expect(prefs.journal).toEqual({ days: 96, minute: 1110 });
    expect(prefs.quiet).toEqual({ start: 1335, end: 465 });
  });

  it('refuses a journal reminder with no days, or a missing time', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, journal: { on: true, days: [], time: '10:00' } })).toEqual(['noDays']);
    expect(checkSettings({ ...DEFAULT_SETTINGS, journal: { on: true, days: [0], time: '' } })).toEqual(['journalTime']);
    expect(checkSettings({ ...DEFAULT_SETTINGS, quiet: { from: '', to: '08:00' } })).toEqual(['quietTime']);
    expect(() => toPreferences({ ...DEFAULT_SETTINGS, journal: { on: true, days: [], time: '10:00' } }, [], '2026-11-10')).toThrow();
  });

  it('knows the UK date across midnight UTC in summer time', () => {
    expect(todayInLondon(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayInLondon(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });

  it('counts reminders sent after the last one seen', () => {
    const list = [
      { id: 'a', kind: 'journal' as const, sentAt: '2026-11-10T10:00:00.000Z' },
      { id: 'b', kind: 'reply' as const, sentAt: '2026-11-09T10:00:00.000Z' },
    ];
    expect(countUnseen(list, '')).toBe(2);
    expect(countUnseen(list, '2026-11-09T10:00:00.000Z')).toBe(1);
    expect(countUnseen(list, '2026-11-10T10:00:00.000Z')).toBe(0);
  });

  it('builds the texts for the service worker from the reminders namespace', () => {
    const texts = buildPushTexts((key) => `[${key}]`, 'cy');
    expect(texts.lang).toBe('cy');
    expect(texts.kinds.deadline).toEqual({ title: '[reminders:push.deadline.title]', body: '[reminders:push.deadline.body]' });
    expect(texts.deadlines.appeal).toBe('[reminders:push.deadlineNames.appeal]');
    expect(texts.snoozeHour).toBe('[reminders:push.snoozeHour]');
  });
});

describe('talking to the relay', () => {
  const requests: { method: string; path: string; auth: string | null; body: unknown }[] = [];
  const subscription = {
    endpoint: 'https://push.example/abc',
    toJSON: () => ({ endpoint: 'https://push.example/abc', keys: { p256dh: 'p256', auth: 'auth' } }),
    unsubscribe: vi.fn(async () => true),
  };
  let current: typeof subscription | null = null;

  beforeEach(() => {
    requests.length = 0;
    current = null;
    vi.stubGlobal('Notification', { permission: 'granted', requestPermission: vi.fn(async () => 'granted') });
    vi.stubGlobal('navigator', {
      userAgent: 'test',
      platform: 'Linux',
      maxTouchPoints: 0,
      serviceWorker: {
        ready: Promise.resolve({
          pushManager: {
            getSubscription: async () => current,
            subscribe: vi.fn(async (options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
              expect(options.userVisibleOnly).toBe(true);
              expect(options.applicationServerKey).toBeInstanceOf(Uint8Array);
              current = subscription;
              return subscription;
            }),
          },
        }),
      },
    });
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const body = init.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      requests.push({ method: init.method ?? 'GET', path, auth: headers.Authorization ?? null, body });
      const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
      if (path === '/api/push/key') return json(200, { publicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U' });
      if (path === '/api/push/subscribers') return json(201, { subscriberToken: 'sub-token' });
      if (path === '/api/push/preferences') return json(200, body);
      return new Response(null, { status: 204 });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('turns on: permission, key, subscribe with the sharing credential, then preferences with only deadline dates', async () => {
    await saveConnection({
      connectionId: 'conn-1',
      claimantToken: 'c_sharing',
      adviser: { name: 'A', org: 'O', signingKey: '', devices: [] },
      fingerprint: 'f',
      connectedAt: '2026-11-01T10:00:00.000Z',
    });
    await saveNotice(notice('n-relay', [{ ...appeal, date: '2099-01-05' }]));
    await turnOnReminders(DEFAULT_SETTINGS);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/push/key', 'POST /api/push/subscribers', 'PUT /api/push/preferences']);
    expect(requests[1]?.body).toEqual({
      claimantToken: 'c_sharing',
      subscription: { endpoint: 'https://push.example/abc', keys: { p256dh: 'p256', auth: 'auth' } },
    });
    const prefs = requests[2]?.body as Preferences;
    expect(requests[2]?.auth).toBe('Bearer sub-token');
    expect(prefs.deadlines).toContainEqual({ id: 'appeal', date: '2099-01-05', ref: 'n-relay' });
    expect(JSON.stringify(prefs)).not.toContain('QQ123456C');

    requests.length = 0;
    await savePreferences({ ...DEFAULT_SETTINGS, replies: false, deadlines: false });
    expect(requests).toEqual([
      {
        method: 'PUT',
        path: '/api/push/preferences',
        auth: 'Bearer sub-token',
        body: { replies: false, journal: { days: 9, minute: 600 }, quiet: { start: 1260, end: 480 }, deadlines: [] },
      },
    ]);

    requests.length = 0;
    await turnOffAll();
    expect(requests.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual(['DELETE /api/push/subscription Bearer sub-token']);
    // Deleting needs the credential it was made with.
    expect(requests[0]?.body).toEqual({ claimantToken: 'c_sharing' });
    await expect(savePreferences(DEFAULT_SETTINGS)).rejects.toThrow();
  });

  it('asks nothing of the relay when permission is refused', async () => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn(async () => 'denied') });
    await expect(turnOnReminders(DEFAULT_SETTINGS)).rejects.toMatchObject({ code: 'denied' });
    expect(requests).toEqual([]);
  });
});
