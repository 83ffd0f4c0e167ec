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

export interface Store {
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

  // Adding a computer (see src/forward/api-types.ts). Every step checks the
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
  /** Stop sharing: deletes every item and credential of the connection and keeps only a stopped marker (no label, no keys). */
  stopConnection(id: string, now: string): Promise<void>;

  /** Adds an item; a repeat of the same id with the same envelope returns the stored one with `created: false`. */
  addItem(item: Omit<Item, 'seenAt'>): Promise<{ item: Item; created: boolean } | { conflict: true }>;
  listItems(connectionId: string, direction: Direction): Promise<Item[]>;
  getItem(id: string): Promise<Item | null>;
  markSeen(id: string, now: string): Promise<Item | null>;

  /** Retention: deletes items seen before `seenBefore`, and any item created before `createdBefore`. Returns how many. */
  deleteExpired(input: { seenBefore: string; createdBefore: string }): Promise<number>;
}
