import { describe, expect, it } from 'vitest';
import { FALLBACK_TEXTS, notificationFor, parsePayload, urlForPayload, type CachedPushTexts } from '../../../src/shared/protocol/push-routing';

describe('where a tap on a reminder goes', () => {
  it('opens the right screen for each kind', () => {
    expect(urlForPayload({ kind: 'reply' })).toBe('/send');
    expect(urlForPayload({ kind: 'journal' })).toBe('/reminders#journal');
    expect(urlForPayload({ kind: 'deadline', ref: 'abc-123' })).toBe('/notice/abc-123');
    expect(urlForPayload({ kind: 'deadline' })).toBe('/');
    expect(urlForPayload({ kind: 'adviser-new-item' })).toBe('/adviser');
    expect(urlForPayload({ kind: 'adviser-stopped' })).toBe('/adviser');
  });

  it('never builds another address from the ref', () => {
    for (const ref of ['../admin', '//evil.example', 'a/b', 'x?y', 'https://evil.example']) expect(urlForPayload({ kind: 'deadline', ref })).toBe('/');
  });
});

describe('reading a push', () => {
  it('accepts v1 payloads only', () => {
    expect(parsePayload('{"v":1,"id":"r1","kind":"journal"}')).toEqual({ v: 1, id: 'r1', kind: 'journal' });
    expect(parsePayload('{"v":1,"id":"r1","kind":"deadline","deadline":{"id":"appeal","daysLeft":2},"ref":"n1","extra":"x"}')).toEqual({
      v: 1,
      id: 'r1',
      kind: 'deadline',
      deadline: { id: 'appeal', daysLeft: 2 },
      ref: 'n1',
    });
    for (const bad of [null, '', 'not json', '[]', '{"v":2,"id":"r","kind":"reply"}', '{"v":1,"kind":"reply"}', '{"v":1,"id":"r","kind":"money"}']) {
      expect(parsePayload(bad)).toBeNull();
    }
  });
});

describe('the notification', () => {
  const welsh: CachedPushTexts = {
    ...FALLBACK_TEXTS,
    lang: 'cy',
    kinds: { ...FALLBACK_TEXTS.kinds, deadline: { title: 'UC Companion', body: '{{deadline}}. Diwrnodau ar ôl: {{count}}.' } },
    deadlines: { appeal: 'Eich apêl' },
    snoozeHour: 'Atgoffa fi mewn awr',
    snoozeTomorrow: 'Yfory',
    deadlineToday: "{{deadline}}. Heddiw yw'r diwrnod olaf.",
  };

  it('uses the cached words, the id as tag, and offers snoozing for deadlines and the journal', () => {
    const { title, options } = notificationFor({ v: 1, id: 'r-7', kind: 'deadline', deadline: { id: 'appeal', daysLeft: 7 }, ref: 'n1' }, welsh);
    expect(title).toBe('UC Companion');
    expect(options.body).toBe('Eich apêl. Diwrnodau ar ôl: 7.');
    expect(options).toMatchObject({ tag: 'r-7', renotify: false, lang: 'cy', data: { url: '/notice/n1', id: 'r-7', kind: 'deadline' } });
    expect(options.actions.map((a) => [a.action, a.title])).toEqual([
      ['snooze-hour', 'Atgoffa fi mewn awr'],
      ['snooze-tomorrow', 'Yfory'],
    ]);
    expect(notificationFor({ v: 1, id: 'r-8', kind: 'deadline', deadline: { id: 'appeal', daysLeft: 0 } }, welsh).options.body).toBe(
      "Eich apêl. Heddiw yw'r diwrnod olaf.",
    );
    expect(notificationFor({ v: 1, id: 'j', kind: 'journal' }, welsh).options.actions).toHaveLength(2);
    expect(notificationFor({ v: 1, id: 'r', kind: 'reply' }, welsh).options.actions).toEqual([]);
  });

  it('falls back to short English, and still shows something for a payload it cannot read', () => {
    expect(notificationFor({ v: 1, id: 'x', kind: 'reply' }, null).options.body).toBe('You have a new message from your adviser.');
    expect(notificationFor({ v: 1, id: 'x', kind: 'reply' }, { broken: true }).options.lang).toBe('en');
    const unknown = notificationFor(null, welsh);
    expect(unknown.title).toBeTruthy();
    expect(unknown.options.body).toBeTruthy();
    expect(unknown.options.data.url).toBe('/');
  });
});
