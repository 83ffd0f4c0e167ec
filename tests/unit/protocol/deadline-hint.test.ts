// Sealed deadline hints (issue 13, point 4): one per adviser computer, the
// same size with or without a deadline, opening only on that computer, from
// the pinned client, for that connection and item. Real keys, real HPKE Auth
// mode under Node's WebCrypto.
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../src/client/services/crypto';
import { sealHints, soonestInWords, soonestOpen } from '../../../src/client/services/deadline-hints';
import { openDeadlineHint, sealDeadlineHint } from '../../../src/shared/protocol/deadline-hint';
import { HINT_BYTES, HINT_CHARS, isHintShaped } from '../../../src/shared/protocol/hint-shape';
import { fromBase64Url, toBase64Url } from '../../../src/shared/protocol/base64url';
import { explainNotice } from '../../../src/shared/notices';

/** The explainer itself, as its Web Worker runs it (there is no worker under Node). */
const inPage = async (text: string, options: Parameters<typeof explainNotice>[1]) => explainNotice(text, options);

const CONNECTION = '6f1c2d3e-0000-4000-8000-000000000001';
const ITEM = '6f1c2d3e-0000-4000-8000-00000000000a';

async function parties() {
  const claimant = await generateKeyPair();
  const computer = await generateKeyPair();
  const other = await generateKeyPair();
  return { claimant, computer, other };
}

async function refused(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(Error);
}

describe('deadline hints', () => {
  it('round trip: the computer opens its hint with the pinned client key, with or without a date', async () => {
    const { claimant, computer } = await parties();
    const binding = { connectionId: CONNECTION, itemId: ITEM, recipientKey: computer.publicKey };
    for (const soonest of ['2026-04-02', null]) {
      const hint = await sealDeadlineHint({ soonest }, { sender: claimant, binding });
      expect(await openDeadlineHint(hint, { recipientPrivateKey: computer.privateKey, senderKey: claimant.publicKey, binding })).toEqual({ soonest });
    }
  });

  it('every hint has the same size, with a deadline or without, and a fresh look each time', async () => {
    const { claimant, computer } = await parties();
    const binding = { connectionId: CONNECTION, itemId: ITEM, recipientKey: computer.publicKey };
    const withDate = await sealDeadlineHint({ soonest: '2026-12-31' }, { sender: claimant, binding });
    const without = await sealDeadlineHint({ soonest: null }, { sender: claimant, binding });
    const again = await sealDeadlineHint({ soonest: null }, { sender: claimant, binding });
    expect(HINT_BYTES).toBe(113);
    expect(HINT_CHARS).toBe(151);
    for (const hint of [withDate, without, again]) {
      expect(hint).toHaveLength(HINT_CHARS);
      expect(fromBase64Url(hint)).toHaveLength(HINT_BYTES);
      expect(isHintShaped(hint)).toBe(true);
    }
    expect(again).not.toBe(without);
    await expect(sealDeadlineHint({ soonest: '2 April' }, { sender: claimant, binding })).rejects.toThrow();
  });

  it('is refused for another computer, connection, item or sender, and when damaged', async () => {
    const { claimant, computer, other } = await parties();
    const binding = { connectionId: CONNECTION, itemId: ITEM, recipientKey: computer.publicKey };
    const hint = await sealDeadlineHint({ soonest: '2026-04-02' }, { sender: claimant, binding });
    const open = (changes: Partial<{ key: CryptoKey; sender: string; connectionId: string; itemId: string; recipientKey: string; hint: string }>) =>
      openDeadlineHint(changes.hint ?? hint, {
        recipientPrivateKey: changes.key ?? computer.privateKey,
        senderKey: changes.sender ?? claimant.publicKey,
        binding: {
          ...binding,
          ...(changes.connectionId ? { connectionId: changes.connectionId } : {}),
          ...(changes.itemId ? { itemId: changes.itemId } : {}),
          ...(changes.recipientKey ? { recipientKey: changes.recipientKey } : {}),
        },
      });
    // Another computer, with its own key (and its own key id in the binding).
    await refused(open({ key: other.privateKey, recipientKey: other.publicKey }));
    // The right private key but another computer's id in the binding.
    await refused(open({ recipientKey: other.publicKey }));
    await refused(open({ connectionId: '6f1c2d3e-0000-4000-8000-000000000002' }));
    await refused(open({ itemId: '6f1c2d3e-0000-4000-8000-00000000000b' }));
    // Sealed by someone else (the relay's own key, say) but shown as the pinned client's, and the reverse.
    const forged = await sealDeadlineHint({ soonest: '2026-04-02' }, { sender: other, binding });
    await refused(open({ hint: forged }));
    await refused(open({ sender: other.publicKey }));
    const bytes = fromBase64Url(hint);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    await refused(open({ hint: toBase64Url(bytes) }));
    await refused(open({ hint: hint.slice(0, -4) }));
    // The genuine one still opens.
    expect(await open({})).toEqual({ soonest: '2026-04-02' });
  });

  it('the phone: one hint per computer, from the soonest open deadline its explainer finds', async () => {
    const { claimant, computer, other } = await parties();
    const hints = await sealHints('2026-04-02', [computer.publicKey, other.publicKey, computer.publicKey], {
      sender: claimant,
      connectionId: CONNECTION,
      itemId: ITEM,
    });
    expect(hints.map((h) => h.key)).toEqual([computer.publicKey, other.publicKey]);
    for (const [i, who] of [computer, other].entries()) {
      const binding = { connectionId: CONNECTION, itemId: ITEM, recipientKey: who.publicKey };
      expect(await openDeadlineHint(hints[i]!.hint, { recipientPrivateKey: who.privateKey, senderKey: claimant.publicKey, binding })).toEqual({
        soonest: '2026-04-02',
      });
    }
    // The late limit and deadlines already past do not count.
    expect(
      soonestOpen(
        [
          { id: 'late-limit', date: '2026-03-10' },
          { id: 'mandatory-reconsideration', date: '2026-03-01' },
          { id: 'appeal', date: '2026-03-20' },
        ],
        '2026-03-05',
      ),
    ).toBe('2026-03-20');
    expect(soonestOpen([], '2026-03-05')).toBeNull();
    expect(await soonestInWords('', undefined, inPage)).toBeNull();
    expect(await soonestInWords('Thanks, see you Tuesday', undefined, inPage)).toBeNull();
    // Words the desk's browser test sends too: a deadline within 7 days.
    const now = new Date('2026-03-05T12:00:00Z');
    const soon = await soonestInWords('You need to accept your claimant commitment. Accept it within 7 days or your claim may be closed.', now, inPage);
    expect(soon).not.toBeNull();
    expect(soon! >= '2026-03-05' && soon! <= '2026-03-12').toBe(true);
  });
});
