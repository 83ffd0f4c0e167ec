// What the API shows of stored rows (src/shared/protocol/api-types.ts).
import type { AdviserKeys, ItemInfo, ItemWithEnvelope } from '../../shared/protocol/api-types';
import type { Adviser, Item, ItemWithEnvelope as StoredItem } from '../store/store';
import { notFound } from './errors';

export function itemInfo(item: Item): ItemInfo {
  return { id: item.id, createdAt: item.createdAt, seenAt: item.seenAt, size: item.size };
}

export function itemWithEnvelope(item: StoredItem): ItemWithEnvelope {
  return { ...itemInfo(item), envelope: item.envelope };
}

export function newestFirst<T extends { createdAt: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The adviser's keys as a claimant sees them: the signing key and every signed device key. */
export function publicAdviser(adviser: Adviser): AdviserKeys {
  if (adviser.signingKey === null || adviser.devices.length === 0) throw notFound('That adviser has not finished setting up.');
  return {
    name: adviser.name,
    org: adviser.org,
    signingKey: adviser.signingKey,
    devices: adviser.devices.map((d) => ({ publicKey: d.publicKey, signature: d.signature })),
  };
}
