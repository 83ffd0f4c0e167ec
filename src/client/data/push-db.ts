// What this device keeps about its reminders, in IndexedDB `uc-push`: one
// record per role, with the relay's subscriber token and the claimant's
// choices. The service worker reads the tokens too: what it relies on is in
// src/shared/protocol/databases.ts.
import { type DBSchema } from 'idb';
import { databaseOpener, type Migration } from './open-db';
import { PUSH_DB_NAME, type PushRole, type SubscriberToken } from '../../shared/protocol/databases';

export type { PushRole };

/** 0 = Monday … 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The claimant's reminder choices, as the Reminders screen shows them (services/push-prefs.ts). */
export interface ReminderSettings {
  replies: boolean;
  journal: { on: boolean; days: Weekday[]; time: string };
  deadlines: boolean;
  /** "HH:MM", UK time. */
  quiet: { from: string; to: string };
}

export interface SubscriberRecord extends SubscriberToken {
  /** The claimant's choices, as last saved. */
  settings?: ReminderSettings;
  /** JSON of the Preferences last sent, so a re-sync sends only changes. */
  sent?: string;
}

interface PushDB extends DBSchema {
  subscribers: { key: PushRole; value: SubscriberRecord };
}

const MIGRATIONS: ReadonlyArray<Migration<PushDB>> = [
  (db) => {
    db.createObjectStore('subscribers', { keyPath: 'role' });
  },
];
const database = databaseOpener<PushDB>(PUSH_DB_NAME, MIGRATIONS);

export async function getSubscriber(role: PushRole): Promise<SubscriberRecord | undefined> {
  return (await database.get()).get('subscribers', role);
}

export async function putSubscriber(record: SubscriberRecord): Promise<void> {
  await (await database.get()).put('subscribers', record);
}

export async function deleteSubscriber(role: PushRole): Promise<void> {
  await (await database.get()).delete('subscribers', role);
}
