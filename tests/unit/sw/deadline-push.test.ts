// The service worker's choice for a push on an adviser's computer (issue 13,
// point 4): a new item whose sealed hint opens here, from the pinned client,
// with a deadline 7 days away or less (or past) shows the desk's discreet
// "deadline within 7 days" notification; anything else the generic one.
// Real hints, real keys (Node's WebCrypto), the module the worker runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../src/client/services/crypto';
import { sealHints } from '../../../src/client/services/deadline-hints';
import { buildPayload } from '../../../src/server/push/send';
import { ADVISER_SOON_TAG, ADVISER_SOON_WORDS, FALLBACK_TEXTS, addShown, parsePayload } from '../../../src/shared/protocol/push-routing';
import { MAX_PUSH_HINTS, type PushPayload } from '../../../src/shared/protocol/push-types';
import { notificationForPush, type AdviserKeysForWorker } from '../../../src/sw/deadline-push';

const CONNECTION = '6f1c2d3e-0000-4000-8000-000000000001';
// Thursday 5 March 2026, 23:30 UTC: already Thursday in London (GMT), so UK "today" is 2026-03-05.
const NOW = new Date('2026-03-05T23:30:00Z');

async function setup() {
  const claimant = await generateKeyPair();
  const computer = await generateKeyPair();
  const other = await generateKeyPair();
  const keys: AdviserKeysForWorker = {
    publicKey: computer.publicKey,
    privateKey: computer.privateKey,
    pinnedKey: (connectionId) => Promise.resolve(connectionId === CONNECTION ? claimant.publicKey : undefined),
  };
  /** The push this computer gets for an item whose phone found `soonest`, through the relay's payload builder and the worker's reader. */
  async function push(soonest: string | null, options: { sender?: typeof claimant; itemId?: string; to?: string } = {}): Promise<PushPayload | null> {
    const itemId = options.itemId ?? crypto.randomUUID();
    const [hint] = await sealHints(soonest, [options.to ?? computer.publicKey], { sender: options.sender ?? claimant, connectionId: CONNECTION, itemId });
    const payload = buildPayload({
      id: crypto.randomUUID(),
      kind: 'adviser-new-item',
      ref: null,
      deadlineId: null,
      deadlineDate: null,
      dueAt: NOW,
      hints: [{ connectionId: CONNECTION, itemId, hint: hint!.hint }],
    });
    return parsePayload(JSON.stringify(payload));
  }
  const decide = (payload: PushPayload | null, own: AdviserKeysForWorker | null = keys) =>
    notificationForPush(payload, null, { keys: () => Promise.resolve(own), now: NOW });
  return { claimant, computer, other, keys, push, decide };
}

const GENERIC = FALLBACK_TEXTS.kinds['adviser-new-item'].body;

describe('the service worker on an adviser-new-item push with a hint', () => {
  it('a deadline 0 to 7 days away, or already past: the desk\'s "deadline within 7 days" notification (no client, kind or date)', async () => {
    const { push, decide } = await setup();
    for (const soonest of ['2026-03-05', '2026-03-09', '2026-03-12', '2026-03-01']) {
      const payload = await push(soonest);
      const shown = await decide(payload);
      expect(shown.title).toBe(ADVISER_SOON_WORDS.title);
      expect(shown.options.body).toBe('A new item from a client has a deadline within 7 days.');
      expect(shown.options.tag).toBe(ADVISER_SOON_TAG);
      expect(shown.options.data).toEqual({ url: '/adviser/deadlines', id: ADVISER_SOON_TAG, kind: null });
      expect(shown.soonItemIds).toEqual([payload!.hints![0]!.itemId]);
      expect(JSON.stringify(shown)).not.toContain(soonest);
    }
  });

  it("the words, tag and tap are the desk's own (adviser:desk.notification, notify-soon.ts)", () => {
    const adviser = JSON.parse(readFileSync('locales/en/adviser.json', 'utf8')) as { desk: { notification: { title: string; body: string } } };
    expect(adviser.desk.notification).toEqual({ ...ADVISER_SOON_WORDS });
    expect(readFileSync('src/client/adviser/desk/notify-soon.ts', 'utf8')).toContain('export const SOON_TAG = ADVISER_SOON_TAG;');
  });

  it('8 days or more, no date, no hint, a bad or forged hint, no pin, no keys: the generic notification', async () => {
    const { push, decide, other, keys } = await setup();
    const generic = async (payload: PushPayload | null, own: AdviserKeysForWorker | null = keys) => {
      const shown = await decide(payload, own);
      expect(shown.options.body).toBe(GENERIC);
      expect(shown.options.tag).not.toBe(ADVISER_SOON_TAG);
      expect(shown.soonItemIds).toEqual([]);
    };
    await generic(await push('2026-03-13'));
    await generic(await push(null));
    await generic(parsePayload(JSON.stringify({ v: 1, id: 'r1', kind: 'adviser-new-item' })));
    // A hint of the right shape that is not a hint.
    await generic(
      parsePayload(JSON.stringify({ v: 1, id: 'r1', kind: 'adviser-new-item', hints: [{ connectionId: CONNECTION, itemId: 'i', hint: 'A'.repeat(150) + 'A' }] })),
    );
    // Not shaped like one: dropped when the payload is read.
    expect(
      parsePayload(JSON.stringify({ v: 1, id: 'r1', kind: 'adviser-new-item', hints: [{ connectionId: CONNECTION, itemId: 'i', hint: 'short' }] }))?.hints,
    ).toBeUndefined();
    // Sealed by another key than the client's pinned one (the relay's, say), or for another computer.
    await generic(await push('2026-03-06', { sender: other }));
    await generic(await push('2026-03-06', { to: other.publicKey }));
    // Moved to another item (its id changed on the way).
    const moved = (await push('2026-03-06'))!;
    moved.hints![0]!.itemId = crypto.randomUUID();
    await generic(moved);
    // Another connection this computer has not pinned.
    const elsewhere = (await push('2026-03-06'))!;
    elsewhere.hints![0]!.connectionId = '6f1c2d3e-0000-4000-8000-000000000009';
    await generic(elsewhere);
    // Not an adviser's computer, or its database could not be read.
    await generic(await push('2026-03-06'), null);
    await generic(await push('2026-03-06'), { ...keys, pinnedKey: () => Promise.reject(new Error('IndexedDB failed')) });
    // Other kinds are untouched.
    expect((await decide(parsePayload('{"v":1,"id":"r","kind":"reply"}'))).options.body).toBe(FALLBACK_TEXTS.kinds.reply.body);
  });

  it('several items waiting together: the soonest one decides; the payload stays well under 4 KB', async () => {
    const { claimant, computer, decide } = await setup();
    const hints = [];
    for (let i = 0; i < MAX_PUSH_HINTS + 2; i++) {
      const itemId = crypto.randomUUID();
      const [sealed] = await sealHints(i === 5 ? '2026-03-08' : null, [computer.publicKey], { sender: claimant, connectionId: CONNECTION, itemId });
      hints.push({ connectionId: CONNECTION, itemId, hint: sealed!.hint });
    }
    const payload = buildPayload({ id: crypto.randomUUID(), kind: 'adviser-new-item', ref: null, deadlineId: null, deadlineDate: null, dueAt: NOW, hints });
    expect(payload.hints).toHaveLength(MAX_PUSH_HINTS);
    const text = JSON.stringify(payload);
    expect(new TextEncoder().encode(text).length).toBeLessThan(2500);
    const shown = await decide(parsePayload(text));
    expect(shown.options.tag).toBe(ADVISER_SOON_TAG);
    expect(shown.soonItemIds).toEqual([hints[5]!.itemId]);
  });

  it('keeps the list of items already notified short, newest last', () => {
    expect(addShown(null, ['a'])).toEqual(['a']);
    expect(addShown(['a', 'b', 7], ['a', 'c'])).toEqual(['b', 'a', 'c']);
    expect(
      addShown(
        Array.from({ length: 60 }, (_, i) => `x${i}`),
        ['y'],
      ),
    ).toHaveLength(50);
  });
});
