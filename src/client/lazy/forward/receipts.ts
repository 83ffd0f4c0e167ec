// "Download receipts": a small JSON file of what was sent, when, and its
// SHA-256, so the claimant can later show exactly what reached the adviser.
import type { OutboxItem } from '../../data/claimant-db';

export interface Receipt {
  what: string;
  kind: OutboxItem['kind'];
  state: OutboxItem['state'];
  createdAt: string;
  sentAt: string | null;
  seenAt: string | null;
  sha256: string;
  sizeBytes: number;
}

export function buildReceipts(items: OutboxItem[], adviser?: { name: string; org: string }): string {
  const receipts: Receipt[] = items.map((item) => ({
    what: item.summary,
    kind: item.kind,
    state: item.state,
    createdAt: item.createdAt,
    sentAt: item.sentAt ?? null,
    seenAt: item.seenAt ?? null,
    sha256: item.sha256,
    sizeBytes: item.size,
  }));
  return JSON.stringify({ app: 'UC Companion', downloadedAt: new Date().toISOString(), ...(adviser ? { adviser } : {}), receipts }, null, 2);
}
