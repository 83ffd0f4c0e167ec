// What the API shows of stored rows (src/shared/protocol/api-types.ts).
import type { AdviserKeys, ItemInfo, ItemWithEnvelope } from '../../shared/protocol/api-types';
import type { ServerResponse } from 'node:http';
import type { Adviser, Item, ItemWithEnvelopePieces } from '../store/store';
import { notFound } from './errors';
import { sendJsonWithPieces } from './respond';

export function itemInfo(item: Item): ItemInfo {
  return { id: item.id, createdAt: item.createdAt, seenAt: item.seenAt, size: item.size };
}

/** Sends ItemWithEnvelope (GET an item or a reply) with the envelope's text written in its pieces. */
export function sendItemWithEnvelope(res: ServerResponse, item: ItemWithEnvelopePieces): void {
  const key: keyof ItemWithEnvelope = 'envelope';
  sendJsonWithPieces(res, 200, { ...itemInfo(item) }, key, item.envelopePieces);
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
