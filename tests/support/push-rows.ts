// Push test rows straight into the tables (migration 4), and a subscription
// whose private key the test holds, so it can decrypt what arrives.
import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import type { SqlDriver } from '../../src/server/store/driver';

export interface TestSubscription {
  id: string;
  endpoint: string;
  ecdh: ECDH;
  auth: Buffer;
}

/** A browser-like subscription (P-256 key pair, 16-byte auth secret) at `origin`/push/<random>, stored as a subscriber. */
export async function insertSubscriber(
  driver: SqlDriver,
  origin: string,
  extra: { journalDays?: number; journalMinute?: number | null; quietStart?: number; quietEnd?: number } = {},
): Promise<TestSubscription> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const id = randomUUID();
  const endpoint = `${origin}/push/${randomBytes(12).toString('base64url')}`;
  await driver.query(
    `INSERT INTO push_subscribers (id, token_hash, endpoint, p256dh, auth, journal_days, journal_minute, quiet_start, quiet_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      randomBytes(16).toString('hex'),
      endpoint,
      ecdh.getPublicKey().toString('base64url'),
      auth.toString('base64url'),
      extra.journalDays ?? 0,
      extra.journalMinute ?? null,
      extra.quietStart ?? 0,
      extra.quietEnd ?? 0,
    ],
  );
  return { id, endpoint, ecdh, auth };
}

export async function insertReminder(
  driver: SqlDriver,
  subscriberId: string,
  fields: { kind: string; dueAt: Date; ref?: string; deadlineId?: string; deadlineDate?: string; id?: string },
): Promise<string> {
  const id = fields.id ?? randomUUID();
  await driver.query(
    `INSERT INTO reminders (id, subscriber_id, kind, ref, deadline_id, deadline_date, due_at) VALUES ($1, $2, $3, $4, $5, $6::date, $7::timestamptz)`,
    [id, subscriberId, fields.kind, fields.ref ?? null, fields.deadlineId ?? null, fields.deadlineDate ?? null, fields.dueAt],
  );
  return id;
}

/** Many reminders at once (one per subscriber row is not needed: all on one subscriber). */
export async function insertManyReminders(driver: SqlDriver, subscriberId: string, count: number, dueAt: Date): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await driver.query(
      `INSERT INTO reminders (id, subscriber_id, kind, due_at)
       SELECT unnest($1::uuid[]), $2, 'reply', $3::timestamptz`,
      [chunk, subscriberId, dueAt],
    );
  }
  return ids;
}
