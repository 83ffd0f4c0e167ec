// The relay's storage, as one interface with two adapters: PGlite (embedded
// PostgreSQL in WebAssembly, files in ./data) by default, and PostgreSQL when
// DATABASE_URL is set. Both run the same SQL (sql-store.ts), written one
// module per aggregate; each module holds its part of this interface.
//
// What the relay keeps is the least it needs: names and organisations of
// advisers (they are enrolled by their organisation), public keys, hashes of
// credentials and codes, the adviser's own label for a client, and opaque
// ciphertext with its size and times. Never plaintext, never a claimant name.
// Times are ISO 8601 strings in UTC (Dates in the push queue); ids are UUIDs
// unless said otherwise.
import type { AdviserStore } from './advisers';
import type { ConnectionStore } from './connections';
import type { DeviceRequestStore } from './device-requests';
import type { InviteStore } from './invites';
import type { ItemStore } from './items';
import type { PushQueueStore } from './push-queue';
import type { RateLimitStore } from './rate-limits';
import type { ReminderStore } from './reminders';
import type { SettingStore } from './settings';
import type { StatsStore } from './stats';
import type { SubscriberStore } from './subscribers';

export type { Adviser, AdviserDevice, AdviserSummary, Computer, CredentialOwner } from './advisers';
export type { Connection, ConnectionSummary } from './connections';
export type { DeviceRequestState, PendingDeviceRequest } from './device-requests';
export type { InviteState } from './invites';
export type { AddItemCheck, AddItemResult, Direction, Item, ItemCursor, ItemWithEnvelope, ItemWithEnvelopePieces, NewItem, Quota } from './items';
export type { ClaimedReminder, ClaimRef } from './push-queue';
export type { NewReminder, Reminder, ReminderKind, ReminderState } from './reminders';
export type { PushKeys, PushPreferencesRow, PushSubscriber } from './subscribers';
export type { StoredCounts } from './stats';

export interface Store
  extends
    AdviserStore,
    DeviceRequestStore,
    InviteStore,
    ConnectionStore,
    ItemStore,
    SettingStore,
    SubscriberStore,
    ReminderStore,
    PushQueueStore,
    RateLimitStore,
    StatsStore {
  /** Creates the tables (numbered migrations) if needed. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** After deletes: reclaims the space of deleted rows and overwrites them (the embedded store; PostgreSQL's autovacuum does this itself). */
  reclaimSpace(): Promise<void>;
  /** True when this process alone can use the store (PGlite, see SqlDriver.exclusive): state kept in memory cannot diverge from another process's. */
  readonly singleProcess?: boolean;
}
