// Client labels ("J.S. housing") are the adviser's own notes and often a
// name: the relay must never hold them in the clear. The adviser's app seals
// each label like an item (crypto/envelope.ts) to every one of the adviser's
// computers whose key the adviser's signing key vouches for, so the relay
// keeps only ciphertext and cannot add a key of its own to read labels.
// A computer added after a label was sealed (say, after the invite was made)
// cannot open it until a computer that can seals it again to all of them
// (shareLabels), which the inbox does whenever it lists the clients.
// Labels from before this are plaintext: shown as they are, and sealed by
// the first computer that sees them (sealOldLabels), which drops the plaintext.
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import { checkAdviserKeys } from './adviser-keys';
import { relay } from './api-client';
import { openEnvelope, sealPayload, sealedToExactly } from './crypto';

/** What a computer needs: its credential, its own key pair, and the adviser's signing key (pinned at set-up). */
export interface LabelKeys {
  adviserId: string;
  deviceToken: string;
  publicKey: string;
  privateKey: CryptoKey;
  signingKey: string;
}

/** Labels are bound to the adviser and to being a label, so an item's envelope can never pass for one, nor the other way round. */
const labelBinding = (adviserId: string) => ({ connectionId: `label:${adviserId}`, direction: 'to-adviser' as const, itemId: 'client-label' });

/** The public keys of the adviser's computers, as the relay lists them and the signing key signed them. */
export async function ownComputerKeys(keys: LabelKeys): Promise<string[]> {
  const me = await relay.me(keys.deviceToken);
  if (me.signingKey !== keys.signingKey) throw new Error('The relay gave a different signing key for this adviser.');
  const { adviser } = await checkAdviserKeys({ name: me.name, org: me.org, signingKey: me.signingKey, devices: me.devices });
  return adviser.devices.map((device) => device.publicKey);
}

/** Seals the label to `recipients` (the adviser's own computers), signed by this computer's key. */
export async function sealLabel(keys: LabelKeys, label: string, recipients: string[]): Promise<string> {
  const { envelope } = await sealPayload(
    recipients,
    { kind: 'text', text: label, sentAt: new Date().toISOString() },
    { sender: { publicKey: keys.publicKey, privateKey: keys.privateKey }, binding: labelBinding(keys.adviserId) },
  );
  return envelope;
}

/**
 * The label this computer can read: the sealed label when one of the
 * adviser's own computers (`senders`, as ownComputerKeys checked them) sealed
 * it, else the old plaintext one; null when neither.
 */
export async function readLabel(keys: LabelKeys, senders: readonly string[], connection: Pick<ConnectionInfo, 'label' | 'sealedLabel'>): Promise<string | null> {
  if (connection.sealedLabel) {
    try {
      const opened = await openEnvelope(keys, connection.sealedLabel, { senders, binding: labelBinding(keys.adviserId) });
      return opened.text ?? null;
    } catch {
      // Sealed before this computer was added, or damaged.
      return connection.label || null;
    }
  }
  return connection.label || null;
}

/** Seals every old plaintext label of these connections and sends it; the relay then drops the plaintext. Returns how many. */
export async function sealOldLabels(keys: LabelKeys, connections: ConnectionInfo[]): Promise<number> {
  const old = connections.filter((c) => !c.stoppedAt && !c.sealedLabel && c.label);
  if (old.length === 0) return 0;
  const recipients = await ownComputerKeys(keys);
  if (recipients.length === 0) return 0;
  let sealed = 0;
  for (const connection of old) {
    await relay.setLabel(keys.deviceToken, connection.id, { sealedLabel: await sealLabel(keys, connection.label, recipients) });
    sealed++;
  }
  return sealed;
}

/**
 * Seals again each label this computer can open that is not sealed to exactly
 * `recipients` (ownComputerKeys: every computer the signing key vouches for
 * now), so a computer added since can read it and a removed one is dropped.
 * Returns how many.
 */
export async function shareLabels(keys: LabelKeys, recipients: readonly string[], connections: ConnectionInfo[]): Promise<number> {
  if (!recipients.includes(keys.publicKey)) return 0;
  let sealed = 0;
  for (const connection of connections) {
    if (connection.stoppedAt || !connection.sealedLabel || (await sealedToExactly(connection.sealedLabel, recipients))) continue;
    const opened = await openEnvelope(keys, connection.sealedLabel, { senders: recipients, binding: labelBinding(keys.adviserId) }).catch(() => null);
    if (!opened?.text) continue;
    await relay.setLabel(keys.deviceToken, connection.id, { sealedLabel: await sealLabel(keys, opened.text, [...recipients]) });
    sealed++;
  }
  return sealed;
}
