// The relay's storage, as one interface with two adapters: PGlite (embedded
// PostgreSQL in WebAssembly, files in ./data) by default, and PostgreSQL when
// DATABASE_URL is set. Both run the same SQL (src/server/store/sql-store.ts).
//
// What the relay keeps is the least it needs: names and organisations of
// advisers (they are enrolled by their organisation), public keys, hashes of
// credentials and codes, the adviser's own label for a client, and opaque
// ciphertext with its size and times. Never plaintext, never a claimant name.

/** Times are ISO 8601 strings in UTC; ids are UUIDs unless said otherwise. */
export interface Adviser {
  id: string;
  name: string;
  org: string;
  /** base64url of the adviser's HPKE public key (raw P-256 point); null until enrolled. */
  publicKey: string | null;
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
  /** Uses the one-time enrolment token: sets the public key and adds a device. Null when unknown, used or expired. */
  enrolAdviser(input: { enrolTokenHash: string; publicKey: string; deviceTokenHash: string; now: string }): Promise<Adviser | null>;
  getAdviser(id: string): Promise<Adviser | null>;

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
