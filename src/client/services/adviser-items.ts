// What an adviser computer opens and sends, without the screens: an item
// from a client is shown only when it was sealed by the client's PINNED key
// (claimant-pin.ts) for this connection, 'to-adviser', under its own item id;
// a reply is sealed by this computer's own key (which the adviser's signing
// key vouched for) and bound to the connection, 'to-claimant' and its id.
// Adviser-only (vite.config.ts keeps it out of the claimant's download).
import { EnvelopeRefused, openEnvelope, sealPayload, type Payload } from './crypto';

/** This computer's HPKE key pair (adviser-db Identity has both). */
export interface ComputerKeys {
  publicKey: string;
  privateKey: CryptoKey;
}

export type OpenedItem =
  | { ok: true; payload: Payload & { sha256: string } }
  /**
   * 'not-for-this-computer': no entry for this computer's key (sent before it
   * joined, say). 'unchecked': not sealed by the pinned client key for this
   * connection and item (forged, moved, replayed, or damaged): never shown.
   */
  | { ok: false; why: 'not-for-this-computer' | 'unchecked' };

export async function openClientItem(
  computer: ComputerKeys,
  pinnedClaimantKey: string,
  connectionId: string,
  item: { id: string; envelope: string },
): Promise<OpenedItem> {
  try {
    const { sender: _sender, ...payload } = await openEnvelope(computer, item.envelope, {
      senders: [pinnedClaimantKey],
      binding: { connectionId, direction: 'to-adviser', itemId: item.id },
    });
    return { ok: true, payload };
  } catch (error) {
    return { ok: false, why: error instanceof EnvelopeRefused && error.reason === 'not-for-this-key' ? 'not-for-this-computer' : 'unchecked' };
  }
}

/** A reply sealed to the client's pinned key only, by this computer's key. */
export async function sealReply(
  computer: ComputerKeys,
  pinnedClaimantKey: string,
  connectionId: string,
  replyId: string,
  text: string,
  sentAt: string,
): Promise<{ envelope: string; sha256: string }> {
  return sealPayload(
    [pinnedClaimantKey],
    { kind: 'text', text, sentAt },
    { sender: computer, binding: { connectionId, direction: 'to-claimant', itemId: replyId } },
  );
}
