// Saved notices, kept on the device in IndexedDB. Loaded by the Home screen, so keep it small.
import { type DBSchema } from 'idb';
import { databaseOpener, type Migration } from './open-db';
import { NOTICES_DB_NAME } from './database-names';
import type { Challenge, Deadline, NoticeKind } from '../../shared/notices/types';

export interface SavedNotice {
  id: string;
  kind: NoticeKind;
  text: string;
  noticeDate: string | null;
  countFrom: string;
  countFromSource: 'text' | 'user' | 'today';
  deadlines: Deadline[];
  /** The claimant's answer to "is it a decision?", when we asked (older saves have none). */
  challenge?: Challenge;
  /** ISO timestamp. */
  savedAt: string;
  title?: string;
}

interface CompanionDB extends DBSchema {
  notices: { key: string; value: SavedNotice };
}


const DB_NAME = NOTICES_DB_NAME;

// Migration i upgrades version i to i + 1. Only ever append: users may hold any older version.
const MIGRATIONS: ReadonlyArray<Migration<CompanionDB>> = [
  (db) => {
    db.createObjectStore('notices', { keyPath: 'id' });
  },
];

const database = databaseOpener<CompanionDB>(DB_NAME, MIGRATIONS);
const getDb = database.get;

export async function saveNotice(n: SavedNotice): Promise<void> {
  await (await getDb()).put('notices', n);
}

export async function getNotice(id: string): Promise<SavedNotice | undefined> {
  return (await getDb()).get('notices', id);
}

/** All saved notices, newest first. */
export async function listNotices(): Promise<SavedNotice[]> {
  const all = await (await getDb()).getAll('notices');
  return all.sort(bySavedAtDesc);
}

export async function updateNotice(
  id: string,
  patch: Partial<Omit<SavedNotice, 'id'>>,
): Promise<SavedNotice> {
  const tx = (await getDb()).transaction('notices', 'readwrite');
  // One transaction, so a concurrent update can't slip in between the read and the write.
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    throw new Error(`No saved notice with id "${id}"`);
  }
  const updated: SavedNotice = { ...existing, ...patch, id };
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

export async function deleteNotice(id: string): Promise<void> {
  await (await getDb()).delete('notices', id);
}

/** The earliest deadline on or after `today` (YYYY-MM-DD strings compare in date order). */
export function nextDeadline(n: SavedNotice, today: string): Deadline | undefined {
  let next: Deadline | undefined;
  for (const d of n.deadlines) {
    if (d.date >= today && (!next || d.date < next.date)) next = d;
  }
  return next;
}

function bySavedAtDesc(a: SavedNotice, b: SavedNotice): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}

/** Upcoming deadlines first (soonest first, ties newest first), then the rest newest first. */
export function sortByNearestDeadline(list: SavedNotice[], today: string): SavedNotice[] {
  const keyed = list.map((n) => ({ n, next: nextDeadline(n, today)?.date }));
  keyed.sort((a, b) => {
    if (a.next && b.next) {
      if (a.next !== b.next) return a.next < b.next ? -1 : 1;
    } else if (a.next) {
      return -1;
    } else if (b.next) {
      return 1;
    }
    return bySavedAtDesc(a.n, b.n);
  });
  return keyed.map((k) => k.n);
}
