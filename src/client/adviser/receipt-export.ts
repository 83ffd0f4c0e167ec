// The "Download receipts" file on a client's page: the adviser's evidence of
// what arrived from the client and when, and of the replies sent, as JSON.
// Facts and SHA-256 hashes only, never the words of an item or a reply.
import type { Receipt, SentReply } from '../data/adviser-db';

export interface ReceiptExport {
  client: string;
  connectionId: string;
  exportedAt: string;
  received: Array<{ what: string; sent: string; received: string; seen: string; sha256: string; itemId: string; size: number }>;
  replies: Array<{ what: string; sent: string; sha256: string; replyId: string }>;
}

/** The "Download receipts" file: what arrived, when, and a hash of each. Pure. */
export function buildReceiptExport(label: string, connectionId: string, receipts: Receipt[], replies: SentReply[], exportedAt: string): ReceiptExport {
  return {
    client: label,
    connectionId,
    exportedAt,
    received: receipts.map((r) => ({
      what: r.kind === 'image' ? 'photo' : r.kind === 'pdf' ? 'PDF' : 'text',
      sent: r.sentAt,
      received: r.receivedAt,
      seen: r.seenAt,
      sha256: r.sha256,
      itemId: r.itemId,
      size: r.size,
    })),
    replies: replies.map((r) => ({ what: 'reply', sent: r.sentAt, sha256: r.sha256, replyId: r.id })),
  };
}
