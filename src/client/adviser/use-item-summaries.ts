// What each of a client's items is (text, photo, PDF) and when it was sent,
// for the list on their page: each item's envelope is fetched once, opened on
// this computer against the client's pinned key, and not kept.
import { useRef, useState } from 'preact/hooks';
import type { ItemInfo } from '../../shared/protocol/api-types';
import { relay } from '../services/api-client';
import { openClientItem } from '../services/adviser-items';
import type { Identity } from '../data/adviser-db';
import { isPdf } from './desk/pdf-text';

/** What an item is and when it was sent: read from the envelope, content not kept. 'refused': it could not be checked. */
export interface Summary {
  /** 'pdf': an 'image' item whose file is a PDF (a photo and a PDF travel alike). */
  kind: 'text' | 'image' | 'pdf' | 'damaged' | 'refused';
  sentAt?: string;
}

/** The summaries so far, and `summarise`, which reads the items not read yet (again on the next call if one could not be fetched). */
export function useItemSummaries(identity: Identity, connectionId: string) {
  const [summaries, setSummaries] = useState<Map<string, Summary>>(new Map());
  const known = useRef(new Set<string>());

  async function summarise(list: ItemInfo[], claimantKey: string | null) {
    for (const item of list) {
      if (known.current.has(item.id)) continue;
      known.current.add(item.id);
      let summary: Summary;
      // No pinned key: nothing can be checked, so nothing is shown as the client's.
      // Lists carry no envelopes: each item's is fetched once, opened here, and not kept.
      let opened: Awaited<ReturnType<typeof openClientItem>>;
      try {
        opened = claimantKey
          ? await openClientItem(identity, claimantKey, connectionId, { id: item.id, envelope: (await relay.item(identity.deviceToken, item.id)).envelope })
          : ({ ok: false, why: 'unchecked' } as const);
      } catch {
        known.current.delete(item.id); // not fetched (no signal, say): try again on the next poll
        continue;
      }
      if (opened.ok) summary = { kind: opened.payload.kind === 'image' && isPdf(opened.payload) ? 'pdf' : opened.payload.kind, sentAt: opened.payload.sentAt };
      else summary = { kind: opened.why === 'unchecked' ? 'refused' : 'damaged' };
      setSummaries((old) => new Map(old).set(item.id, summary));
    }
  }

  return { summaries, summarise };
}
