// The desk's work queue: each item handed in is decrypted on this computer,
// read (text, photo or PDF) and explained, one at a time, and the result
// kept in the adviser's database, so a photo is read once, not on every
// visit. Every long step shows progress and can be stopped. When an item
// the adviser has not seen yet has a deadline within 7 days, this computer
// shows a notification itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import { daysBetween, todayInLondon } from '../../../shared/notices';
import type { ItemInfo } from '../../../shared/protocol/api-types';
import { relay } from '../../services/api-client';
import { openClientItem } from '../../services/adviser-items';
import { correctDeskItem, getDeskItem, markHandled, saveDeskItem, type DeskItem, type Identity } from '../../data/adviser-db';
import { deskItemFor, readingOfText, soonestDaysLeft, type Correction } from './explain-item';
import { readItem, type ReadStep } from './read-item';
import { SOON_DAYS } from './board';

export type DeskState =
  | { step: 'waiting' }
  | { step: 'reading'; stage: ReadStep; fraction: number | null }
  | { step: 'done'; item: DeskItem }
  | { step: 'stopped' }
  | { step: 'failed'; code: 'failed' | 'nothing-found' };

export interface DeskJob {
  /** Without its envelope: fetched when the item is read. */
  item: ItemInfo;
  /** The client's pinned key: an item is read only when it was sealed by it. */
  claimantKey: string;
  connectionId: string;
  label: string;
}

/** Words read this session, by item: a correction is explained again from them. Never stored. */
const wordsRead = new Map<string, { text: string; sentAt: string }>();

export interface Desk {
  states: ReadonlyMap<string, DeskState>;
  /** Items waiting or being read (for "2 of 5"). */
  pending: number;
  add(jobs: readonly DeskJob[]): void;
  cancel(itemId: string): void;
  cancelAll(): void;
  retry(itemId: string): void;
  correct(itemId: string, correction: Correction | null): Promise<void>;
  setHandled(itemId: string, deadlineId: string, handled: boolean): Promise<void>;
}

export function useDesk(identity: Identity, onSoon?: (itemId: string) => void): Desk {
  const [states, setStates] = useState<ReadonlyMap<string, DeskState>>(new Map());
  const jobs = useRef(new Map<string, DeskJob>());
  const queue = useRef<string[]>([]);
  const running = useRef<{ itemId: string; controller: AbortController } | null>(null);
  const gone = useRef(false);
  const set = (itemId: string, state: DeskState) => {
    if (!gone.current) setStates((old) => new Map(old).set(itemId, state));
  };

  useEffect(
    () => () => {
      gone.current = true;
      running.current?.controller.abort();
    },
    [],
  );

  async function explain(job: DeskJob, signal: AbortSignal): Promise<void> {
    const { item } = job;
    // Lists carry no envelopes: the item's is fetched when it is read.
    const { envelope } = await relay.item(identity.deviceToken, item.id);
    const opened = await openClientItem(identity, job.claimantKey, job.connectionId, { id: item.id, envelope });
    if (!opened.ok) throw new Error(opened.why);
    const payload = opened.payload;
    const read = await readItem(payload, {
      signal,
      onProgress: (stage, fraction) => {
        if (!signal.aborted) set(item.id, { step: 'reading', stage, fraction });
      },
    });
    if (!read.text.trim()) {
      set(item.id, { step: 'failed', code: 'nothing-found' });
      return;
    }
    wordsRead.set(item.id, { text: read.text, sentAt: payload.sentAt });
    const facts = { itemId: item.id, connectionId: job.connectionId, label: job.label, receivedAt: item.createdAt, sentAt: payload.sentAt };
    const saved = await saveDeskItem(deskItemFor(facts, read.text, read.source));
    set(item.id, { step: 'done', item: saved });
    const days = soonestDaysLeft(saved.corrected ?? saved.found, todayInLondon(), daysBetween);
    if (!item.seenAt && days !== null && days <= SOON_DAYS) onSoon?.(item.id);
  }

  async function pump(): Promise<void> {
    if (running.current) return;
    const itemId = queue.current.shift();
    const job = itemId ? jobs.current.get(itemId) : undefined;
    if (!itemId || !job) return;
    const controller = new AbortController();
    running.current = { itemId, controller };
    set(itemId, { step: 'reading', stage: 'prepare', fraction: null });
    try {
      await explain(job, controller.signal);
    } catch {
      set(itemId, controller.signal.aborted ? { step: 'stopped' } : { step: 'failed', code: 'failed' });
    } finally {
      running.current = null;
      if (!gone.current) void pump();
    }
  }

  function enqueue(itemId: string) {
    if (!queue.current.includes(itemId)) queue.current.push(itemId);
    set(itemId, { step: 'waiting' });
    void pump();
  }

  function stop(itemId: string) {
    queue.current = queue.current.filter((id) => id !== itemId);
    if (running.current?.itemId === itemId) running.current.controller.abort();
    else set(itemId, { step: 'stopped' });
  }

  async function update(itemId: string, change: () => Promise<DeskItem | undefined>) {
    const next = await change();
    if (next) set(itemId, { step: 'done', item: next });
  }

  const pending = [...states.values()].filter((s) => s.step === 'waiting' || s.step === 'reading').length;

  return {
    states,
    pending,
    add(list) {
      for (const job of list) {
        if (jobs.current.has(job.item.id)) continue;
        jobs.current.set(job.item.id, job);
        // Read before on this computer: shown at once, not read again.
        void getDeskItem(job.item.id).then(
          (kept) => (kept ? set(job.item.id, { step: 'done', item: kept }) : enqueue(job.item.id)),
          () => enqueue(job.item.id),
        );
      }
    },
    cancel: stop,
    cancelAll() {
      for (const id of [...queue.current]) stop(id);
      if (running.current) stop(running.current.itemId);
    },
    retry: enqueue,
    correct: (itemId, correction) =>
      update(itemId, async () => {
        if (!correction) return correctDeskItem(itemId, null);
        const kept = await getDeskItem(itemId);
        if (!kept) return undefined;
        // Without the words (read in an earlier session), the kind and date alone give the deadlines.
        const words = wordsRead.get(itemId) ?? { text: '', sentAt: kept.receivedAt };
        const reading = readingOfText(words.text, words.sentAt, { ...correction, kind: correction.kind ?? kept.found.kind });
        return correctDeskItem(itemId, { ...reading, at: new Date().toISOString() });
      }),
    setHandled: (itemId, deadlineId, handled) => update(itemId, () => markHandled(itemId, deadlineId, handled ? new Date().toISOString() : null)),
  };
}
