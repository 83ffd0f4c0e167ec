// The relay's storage, as one interface with two adapters: PGlite (embedded
// PostgreSQL in WebAssembly, files in ./data) by default, and PostgreSQL when
// DATABASE_URL is set. Both run the same SQL (src/server/store/sql-store.ts).
//
// What the relay keeps is the least it needs: names and organisations of
// advisers (they are enrolled by their organisation), public keys, hashes of
// credentials and codes, the adviser's own label for a client, and opaque
// ciphertext with its size and times. Never plaintext, never a claimant name.

/** One computer of an adviser: its HPKE public key, signed by the adviser's signing key. */
export interface AdviserDevice {
  id: string;
  /** base64url of the device's HPKE public key (raw P-256 point). */
  publicKey: string;
  /** base64url ECDSA P-256 signature (IEEE P1363, 64 bytes) of the device key by the signing key. */
  signature: string;
  createdAt: string;
}

/** Times are ISO 8601 strings in UTC; ids are UUIDs unless said otherwise. */
export interface Adviser {
  id: string;
  name: string;
  org: string;
  /** base64url of the adviser's ECDSA P-256 signing key (raw point); null until enrolled. */
  signingKey: string | null;
  /** Devices with a signed key, oldest first (devices from before signed keys are left out). */
  devices: AdviserDevice[];
  createdAt: string;
}

/** A request to add a computer, made with a one-time device code. */
export type DeviceRequestState = 'open' | 'pending' | 'approved' | 'refused' | 'claimed';

export interface PendingDeviceRequest {
  id: string;
  publicKey: string;
  createdAt: string;
}

export interface Connection {
  id: string;
  adviserId: string;
  /** The adviser's own label for this client (e.g. "J.S. housing"), never shown to anyone else. */
  label: string;
  /** base64url of the claimant's HPKE public key, for replies. */
  claimantPublicKey: string;
  createdAt: string;
  stoppedAt: string | null;
}

export type Direction = 'to-adviser' | 'to-claimant';

export interface Item {
  /** Made by the sending device, so a repeat of the same send is the same item. */
  id: string;
  connectionId: string;
  direction: Direction;
  /** The encrypted envelope, as the client sent it (base64url text). */
  envelope: string;
  /** Bytes of the decoded envelope. */
  size: number;
  createdAt: string;
  /** When the adviser marked it seen (to-adviser) or the claimant fetched it (to-claimant). */
  seenAt: string | null;
}

export interface ConnectionSummary extends Connection {
  lastItemAt: string | null;
  unseen: number;
}

export type CredentialOwner = { kind: 'adviser'; adviserId: string; deviceId: string } | { kind: 'claimant'; connectionId: string };

export interface Store extends PushStore {
  /** Creates the tables (numbered migrations) if needed. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createAdviser(input: { name: string; org: string; enrolTokenHash: string; enrolExpiresAt: string }): Promise<Adviser>;
  /**
   * Uses the one-time enrolment token: sets the signing key and adds the first
   * device with its signed key. Null when unknown, used or expired. The caller
   * has checked the signature.
   */
  enrolAdviser(input: {
    enrolTokenHash: string;
    signingKey: string;
    device: { publicKey: string; signature: string };
    deviceTokenHash: string;
    now: string;
  }): Promise<Adviser | null>;
  getAdviser(id: string): Promise<Adviser | null>;
  /** The adviser's devices with signed keys, oldest first. */
  listDevices(adviserId: string): Promise<AdviserDevice[]>;

  // Adding a computer (see src/shared/protocol/api-types.ts). Every step checks the
  // state and the expiry in the same statement that moves it on.
  /** Stores a new one-time device code (its hash) in state 'open'. */
  createDeviceCode(input: { adviserId: string; codeHash: string; expiresAt: string; now: string }): Promise<{ id: string }>;
  /**
   * Uses the code once (open → pending), keeping the new computer's key and the
   * hash of its poll token; the request then lives until `expiresAt`.
   */
  requestDevice(input: {
    codeHash: string;
    publicKey: string;
    pollTokenHash: string;
    expiresAt: string;
    now: string;
  }): Promise<{ status: 'pending'; id: string; expiresAt: string } | { status: 'not_found' } | { status: 'gone' }>;
  /** The adviser's own request, with its state ('expired' once past its time and not claimed or refused); null when unknown or not theirs. */
  getDeviceRequest(
    id: string,
    adviserId: string,
    now: string,
  ): Promise<{ id: string; publicKey: string | null; state: DeviceRequestState | 'expired'; createdAt: string } | null>;
  /** Requests waiting for the adviser, newest first (not expired). */
  listPendingDevices(adviserId: string, now: string): Promise<PendingDeviceRequest[]>;
  /** pending → approved with the signature; the claim then has until `expiresAt`. False when not pending, expired, or not the adviser's. */
  approveDevice(input: { id: string; adviserId: string; signature: string; expiresAt: string; now: string }): Promise<boolean>;
  /** pending or approved → refused (refused again is fine); 'gone' once claimed; 'not_found' when unknown or not theirs. */
  refuseDevice(input: { id: string; adviserId: string; now: string }): Promise<'refused' | 'gone' | 'not_found'>;
  /**
   * For the new computer, with its poll token: approved → claimed, adding the
   * device (key, signature, token hash) in the same transaction, once.
   */
  claimDevice(input: {
    id: string;
    pollTokenHash: string;
    deviceTokenHash: string;
    now: string;
  }): Promise<{ status: 'claimed'; adviser: Adviser; deviceId: string } | { status: 'pending' } | { status: 'gone' } | { status: 'not_found' }>;

  /** Finds who a credential belongs to (by its hash), or null. */
  findCredential(tokenHash: string): Promise<CredentialOwner | null>;

  createInvite(input: { codeHash: string; adviserId: string; label: string; expiresAt: string }): Promise<void>;
  /** The invite and its adviser; `state` says whether it can still be used. */
  findInvite(codeHash: string, now: string): Promise<{ adviser: Adviser; label: string; expiresAt: string; state: 'open' | 'used' | 'expired' } | null>;
  /** Uses the invite (single use) and makes the connection, atomically. Null when not open any more. */
  connect(input: {
    codeHash: string;
    connectionId: string;
    claimantPublicKey: string;
    claimantTokenHash: string;
    now: string;
  }): Promise<{ connection: Connection; adviser: Adviser } | null>;

  getConnection(id: string): Promise<Connection | null>;
  listConnections(adviserId: string): Promise<ConnectionSummary[]>;
  /** Stop sharing: deletes every item and credential of the connection, and the claimant's push subscribers and reminders, and keeps only a stopped marker (no label, no keys). */
  stopConnection(id: string, now: string): Promise<void>;

  /** Adds an item; a repeat of the same id with the same envelope returns the stored one with `created: false`. */
  addItem(item: Omit<Item, 'seenAt'>): Promise<{ item: Item; created: boolean } | { conflict: true }>;
  listItems(connectionId: string, direction: Direction): Promise<Item[]>;
  getItem(id: string): Promise<Item | null>;
  markSeen(id: string, now: string): Promise<Item | null>;

  /** Retention: deletes items seen before `seenBefore`, and any item created before `createdBefore`. Returns how many. */
  deleteExpired(input: { seenBefore: string; createdBefore: string }): Promise<number>;
}

// Push reminders (see src/shared/protocol/push-types.ts). A subscriber is one browser
// push subscription with its own s_ credential (hashed), optionally linked to
// a claimant's connection (replies) or an adviser's device (new items,
// stopped sharing). Reminders are rows the sender picks up when due.

export type ReminderKind = 'reply' | 'journal' | 'deadline' | 'adviser-new-item' | 'adviser-stopped';
export type ReminderState = 'due' | 'sending' | 'sent' | 'failed';

export interface PushKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSubscriber extends PushKeys {
  id: string;
  connectionId: string | null;
  adviserDeviceId: string | null;
  replies: boolean;
  /** Minutes after midnight, UK time. */
  quiet: { start: number; end: number };
  /** Null when journal reminders are off. */
  journal: { days: number; minute: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Reminder {
  id: string;
  subscriberId: string;
  kind: ReminderKind;
  ref: string | null;
  deadlineId: string | null;
  /** YYYY-MM-DD */
  deadlineDate: string | null;
  dueAt: string;
  state: ReminderState;
  attempts: number;
  sentAt: string | null;
  /** A copy made by "snooze": kept when the deadline list or journal time is replaced. */
  snoozed: boolean;
  createdAt: string;
}

export interface NewReminder {
  subscriberId: string;
  kind: ReminderKind;
  dueAt: string;
  ref?: string | null;
  deadlineId?: string | null;
  deadlineDate?: string | null;
  snoozed?: boolean;
}

export interface PushPreferencesRow {
  replies: boolean;
  quiet: { start: number; end: number };
  journal: { days: number; minute: number } | null;
}

export interface PushStore {
  /** A relay-wide setting, or null. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  /** Stores `value` unless `key` is already set; returns what is stored (first writer wins across processes). */
  initSetting(key: string, value: string): Promise<string>;

  /** A new subscriber; any other subscriber with the same endpoint (the same browser subscription) is deleted. */
  createSubscriber(input: PushKeys & { tokenHash: string; connectionId?: string | null; adviserDeviceId?: string | null; now: string }): Promise<PushSubscriber>;
  findSubscriber(tokenHash: string): Promise<PushSubscriber | null>;
  getSubscriber(id: string): Promise<PushSubscriber | null>;
  /** New endpoint/keys for the same subscriber (re-sync); false when unknown. */
  resyncSubscriber(id: string, keys: PushKeys, now: string): Promise<boolean>;
  /** Deletes the subscriber and (cascade) its reminders; false when unknown. */
  deleteSubscriber(id: string): Promise<boolean>;
  updatePreferences(id: string, prefs: PushPreferencesRow, now: string): Promise<PushSubscriber | null>;
  /** Subscribers linked to any device of the adviser. */
  listAdviserSubscribers(adviserId: string): Promise<PushSubscriber[]>;
  /** Subscribers linked to the connection (the claimant's phones). */
  listConnectionSubscribers(connectionId: string): Promise<PushSubscriber[]>;

  /**
   * Replaces the subscriber's deadline reminders: deletes its 'due' ones (snoozed
   * copies only when their deadline left the list), inserts `reminders`, skipping
   * any already sent/being sent for the same deadline and time. Returns those inserted.
   */
  replaceDeadlineReminders(subscriberId: string, reminders: NewReminder[]): Promise<Reminder[]>;
  /** Replaces the waiting (unsnoozed) journal reminder with one at `dueAt` (none when null). */
  setJournalReminder(subscriberId: string, dueAt: string | null): Promise<Reminder | null>;
  /**
   * Inserts one-off reminders (reply, adviser-new-item, adviser-stopped, snooze
   * copies). With `coalesce`, one is skipped when its subscriber already has a
   * 'due' unsnoozed reminder of the same kind and ref.
   */
  addReminders(reminders: NewReminder[], options?: { coalesce?: boolean }): Promise<Reminder[]>;
  /** The subscriber's reminder, or null (unknown or someone else's). */
  getReminder(id: string, subscriberId: string): Promise<Reminder | null>;
  /** Reminders of any state, oldest due first (for tests and the sender). */
  listReminders(subscriberId: string): Promise<Reminder[]>;
  /** Sent at or after `since`, newest first. */
  listRecentReminders(subscriberId: string, since: string): Promise<Reminder[]>;
}
