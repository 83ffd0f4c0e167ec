import type { SqlDriver } from './driver';

export interface Migration {
  version: number;
  /** Statements separated by ';', or a list of statements run as they are (for bodies that hold ';'). */
  sql: string | readonly string[];
}

/** Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE advisers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        org text NOT NULL,
        public_key text NULL,
        enrol_token_hash text NOT NULL UNIQUE,
        enrol_expires_at timestamptz NOT NULL,
        enrolled_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE adviser_devices (
        id uuid PRIMARY KEY,
        adviser_id uuid NOT NULL REFERENCES advisers(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX adviser_devices_adviser_idx ON adviser_devices (adviser_id);
      CREATE TABLE invites (
        code_hash text PRIMARY KEY,
        adviser_id uuid NOT NULL REFERENCES advisers(id) ON DELETE CASCADE,
        label text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invites_adviser_idx ON invites (adviser_id);
      CREATE TABLE connections (
        id uuid PRIMARY KEY,
        adviser_id uuid NOT NULL REFERENCES advisers(id) ON DELETE CASCADE,
        label text NOT NULL,
        claimant_public_key text NOT NULL,
        claimant_token_hash text NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        stopped_at timestamptz NULL
      );
      CREATE INDEX connections_adviser_idx ON connections (adviser_id, created_at);
      CREATE TABLE items (
        id uuid PRIMARY KEY,
        connection_id uuid NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        direction text NOT NULL CHECK (direction IN ('to-adviser', 'to-claimant')),
        envelope text NOT NULL,
        size integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        seen_at timestamptz NULL
      );
      CREATE INDEX items_connection_created_idx ON items (connection_id, created_at);
      CREATE INDEX items_created_idx ON items (created_at);
    `,
  },
  {
    // Several computers per adviser: one signing key per adviser, one signed
    // HPKE key per device, and one-time device codes. advisers.public_key (one
    // unsigned key) is no longer read or written: an adviser enrolled before
    // this has no signing key and enrols again.
    version: 2,
    sql: `
      ALTER TABLE advisers ADD COLUMN signing_key text NULL;
      ALTER TABLE adviser_devices ADD COLUMN public_key text NULL;
      ALTER TABLE adviser_devices ADD COLUMN signature text NULL;
      CREATE TABLE device_requests (
        id uuid PRIMARY KEY,
        adviser_id uuid NOT NULL REFERENCES advisers(id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        code_expires_at timestamptz NOT NULL,
        public_key text NULL,
        signature text NULL,
        poll_token_hash text NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'pending', 'approved', 'refused', 'claimed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        device_token_hash text NULL
      );
      CREATE INDEX device_requests_adviser_idx ON device_requests (adviser_id, state)
    `,
  },
  {
    // Envelopes are ciphertext: compressing them only costs time. Store them
    // out of line without trying to compress (measured: see the README).
    version: 3,
    sql: `ALTER TABLE items ALTER COLUMN envelope SET STORAGE EXTERNAL`,
  },
  {
    // Push reminders (see src/shared/protocol/push-types.ts). A subscriber is one
    // browser's push subscription, with a credential of its own; it may be
    // tied to a claimant's connection or an adviser's device so that replies,
    // new items and "stopped sharing" can reach it, and is deleted with them.
    version: 4,
    sql: `
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE push_subscribers (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        endpoint text NOT NULL,
        p256dh text NOT NULL,
        auth text NOT NULL,
        connection_id uuid NULL REFERENCES connections(id) ON DELETE CASCADE,
        adviser_device_id uuid NULL REFERENCES adviser_devices(id) ON DELETE CASCADE,
        replies_on boolean NOT NULL DEFAULT true,
        quiet_start smallint NOT NULL DEFAULT 1260,
        quiet_end smallint NOT NULL DEFAULT 480,
        journal_days smallint NOT NULL DEFAULT 0,
        journal_minute smallint NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX push_subscribers_connection_idx ON push_subscribers (connection_id);
      CREATE INDEX push_subscribers_device_idx ON push_subscribers (adviser_device_id);
      CREATE TABLE reminders (
        id uuid PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES push_subscribers(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('reply', 'journal', 'deadline', 'adviser-new-item', 'adviser-stopped')),
        ref text NULL,
        deadline_id text NULL,
        deadline_date date NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'due' CHECK (state IN ('due', 'sending', 'sent', 'failed')),
        attempts smallint NOT NULL DEFAULT 0,
        claimed_until timestamptz NULL,
        sent_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reminders_due_idx ON reminders (state, due_at);
      CREATE INDEX reminders_subscriber_idx ON reminders (subscriber_id)
    `,
  },
  {
    // Snoozed copies are kept when a device re-sends its deadline list or journal time.
    version: 5,
    sql: `
      ALTER TABLE reminders ADD COLUMN snoozed boolean NOT NULL DEFAULT false
    `,
  },
  {
    // Rate-limit buckets shared by every relay process on one database (see
    // store/rate-limits.ts). Keys are hashes (no addresses or tokens stored).
    // Unlogged: a crash may forget counters, which only gives back tokens.
    version: 6,
    sql: `
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_ms bigint NOT NULL,
        full_ms bigint NOT NULL,
        allowed boolean NOT NULL
      );
      CREATE INDEX rate_limits_full_idx ON rate_limits (full_ms)
      `,
  },
  {
    // Issue 12: computers expire when unused (last_seen_at, written at most
    // once a day) and may be named; a second request for one device code
    // makes it 'contested'; client labels sealed by the adviser's app
    // (sealed_label; old plaintext labels stay in label until renamed); item
    // lists by connection and direction, newest first, for paging and quotas.
    version: 7,
    sql: `
      ALTER TABLE adviser_devices ADD COLUMN last_seen_at timestamptz NULL;
      ALTER TABLE adviser_devices ADD COLUMN name text NULL;
      ALTER TABLE device_requests DROP CONSTRAINT device_requests_state_check;
      ALTER TABLE device_requests ADD CONSTRAINT device_requests_state_check
        CHECK (state IN ('open', 'pending', 'approved', 'refused', 'claimed', 'contested'));
      ALTER TABLE invites ADD COLUMN sealed_label text NULL;
      ALTER TABLE connections ADD COLUMN sealed_label text NULL;
      CREATE INDEX items_connection_direction_idx ON items (connection_id, direction, created_at DESC, id DESC)
    `,
  },
  {
    // Issue 13: a new item's sealed deadline hints for one adviser computer
    // (ciphertext the relay cannot read, with the connection and item each is
    // bound to), carried by that computer's 'adviser-new-item' push and
    // cleared once it is sent; deleted with the reminder in any case.
    version: 8,
    sql: `
      ALTER TABLE reminders ADD COLUMN hints jsonb NULL
    `,
  },
  {
    // Issue 14: each side's items and bytes on a connection, kept by triggers
    // on every insert and delete of items (sends, stop sharing, retention,
    // cascades), so a send checks its quota on the connection row it locks
    // instead of adding up all the connection's items each time. Items never
    // change connection, direction or size after they are stored.
    version: 9,
    sql: [
      `ALTER TABLE connections
         ADD COLUMN to_adviser_items integer NOT NULL DEFAULT 0,
         ADD COLUMN to_adviser_bytes bigint NOT NULL DEFAULT 0,
         ADD COLUMN to_claimant_items integer NOT NULL DEFAULT 0,
         ADD COLUMN to_claimant_bytes bigint NOT NULL DEFAULT 0`,
      `UPDATE connections c
       SET to_adviser_items = u.to_adviser_items, to_adviser_bytes = u.to_adviser_bytes,
           to_claimant_items = u.to_claimant_items, to_claimant_bytes = u.to_claimant_bytes
       FROM (
         SELECT connection_id,
                count(*) FILTER (WHERE direction = 'to-adviser') AS to_adviser_items,
                COALESCE(sum(size) FILTER (WHERE direction = 'to-adviser'), 0) AS to_adviser_bytes,
                count(*) FILTER (WHERE direction = 'to-claimant') AS to_claimant_items,
                COALESCE(sum(size) FILTER (WHERE direction = 'to-claimant'), 0) AS to_claimant_bytes
         FROM items GROUP BY connection_id
       ) u
       WHERE c.id = u.connection_id`,
      `CREATE FUNCTION items_usage_count() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           UPDATE connections c
           SET to_adviser_items = c.to_adviser_items + d.ai, to_adviser_bytes = c.to_adviser_bytes + d.ab,
               to_claimant_items = c.to_claimant_items + d.ci, to_claimant_bytes = c.to_claimant_bytes + d.cb
           FROM (
             SELECT connection_id,
                    count(*) FILTER (WHERE direction = 'to-adviser') AS ai,
                    COALESCE(sum(size) FILTER (WHERE direction = 'to-adviser'), 0) AS ab,
                    count(*) FILTER (WHERE direction = 'to-claimant') AS ci,
                    COALESCE(sum(size) FILTER (WHERE direction = 'to-claimant'), 0) AS cb
             FROM new_items GROUP BY connection_id
           ) d
           WHERE c.id = d.connection_id;
         ELSE
           UPDATE connections c
           SET to_adviser_items = c.to_adviser_items - d.ai, to_adviser_bytes = c.to_adviser_bytes - d.ab,
               to_claimant_items = c.to_claimant_items - d.ci, to_claimant_bytes = c.to_claimant_bytes - d.cb
           FROM (
             SELECT connection_id,
                    count(*) FILTER (WHERE direction = 'to-adviser') AS ai,
                    COALESCE(sum(size) FILTER (WHERE direction = 'to-adviser'), 0) AS ab,
                    count(*) FILTER (WHERE direction = 'to-claimant') AS ci,
                    COALESCE(sum(size) FILTER (WHERE direction = 'to-claimant'), 0) AS cb
             FROM old_items GROUP BY connection_id
           ) d
           WHERE c.id = d.connection_id;
         END IF;
         RETURN NULL;
       END
       $$`,
      `CREATE TRIGGER items_usage_insert AFTER INSERT ON items REFERENCING NEW TABLE AS new_items
       FOR EACH STATEMENT EXECUTE FUNCTION items_usage_count()`,
      `CREATE TRIGGER items_usage_delete AFTER DELETE ON items REFERENCING OLD TABLE AS old_items
       FOR EACH STATEMENT EXECUTE FUNCTION items_usage_count()`,
    ],
  },
  {
    // Issue 14: the push sender's claim walks the reminders that may be sent
    // (due, or being sent under a lease) in due order and stops after its
    // batch, instead of fetching and sorting every due row (push-queue.ts).
    // Sent and failed rows, which pile up until retention, are not in it.
    version: 10,
    sql: `
      CREATE INDEX reminders_claim_idx ON reminders (due_at) WHERE state IN ('due', 'sending')
    `,
  },
  {
    // Issue 14: an envelope is kept as the bytes it encodes (100 KB) instead of
    // its base64url text (136 KB): a quarter less to send to the database,
    // TOAST and write to the WAL. Every stored envelope passed the relay's
    // canonical base64url check, so the text comes back exactly (items.ts).
    // A type change resets the column's storage: out of line, uncompressed, again.
    version: 11,
    sql: `
      ALTER TABLE items ALTER COLUMN envelope TYPE bytea
        USING decode(translate(envelope, '-_', '+/') || repeat('=', (4 - length(envelope) % 4) % 4), 'base64');
      ALTER TABLE items ALTER COLUMN envelope SET STORAGE EXTERNAL
    `,
  },
];

// Any constant works; it only has to be the same in every process of this app.
const MIGRATION_LOCK_KEY = 47_112_024;

/**
 * Applies pending migrations in one transaction. The transaction-scoped advisory
 * lock makes a second process that starts at the same time wait, then find
 * everything applied.
 */
export async function migrate(db: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.map((row) => Number(row.version)));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      // One statement per query: PGlite's query() uses the extended protocol,
      // which takes a single statement (a string migration holds no ';' inside strings).
      const statements = typeof migration.sql === 'string' ? migration.sql.split(';') : migration.sql;
      for (const statement of statements) {
        if (statement.trim() !== '') await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
  });
}
