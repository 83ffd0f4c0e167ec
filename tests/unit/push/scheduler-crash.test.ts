// Crash safety of the push sender, with real processes: scheduler-main.ts runs
// as a child against PostgreSQL (or, without it, a PGlite data folder), is
// SIGKILLed while a batch is in flight, and is started again. Every reminder
// must reach the stand-in push service; only rows that were in flight may
// arrive twice, and then with the same Topic (the phone replaces, never repeats).
// With PostgreSQL, two senders on one database must never send a row twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ece from 'http_ece';
import webpush from 'web-push';
import type { SqlDriver } from '../../../src/server/store/driver';
import { migrate } from '../../../src/server/store/migrations';
import { openPglite } from '../../../src/server/store/pglite-driver';
import { startPushService, type PushService } from '../../support/push-service';
import { insertManyReminders, insertSubscriber, type TestSubscription } from '../../support/push-rows';
import { startTestPostgres, type TestPostgres } from '../../support/postgres';
import { postgresAdapter, type FreshDatabase } from '../../support/store-adapters';

const COUNT = 300;
const BATCH = 20;
const LEASE_MS = 2500;
const keys = webpush.generateVAPIDKeys();

let postgres: TestPostgres | null = null;
try {
  // PUSH_TEST_PGLITE=1 tries the PGlite fallback even where PostgreSQL is installed.
  postgres = process.env.PUSH_TEST_PGLITE ? null : await startTestPostgres();
} catch (error) {
  console.warn(`PostgreSQL could not be started: the crash test uses a PGlite data folder.\n${String(error)}`);
}
if (!postgres) console.warn('PostgreSQL not found (or PUSH_TEST_PGLITE set): the crash test uses a PGlite data folder, and the two-sender test is skipped');

let service: PushService;
const dirs: string[] = [];
const dropAfter: FreshDatabase[] = [];
const children = new Set<ChildProcess>();

beforeAll(async () => {
  service = await startPushService();
}, 30_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await service?.close();
  for (const database of dropAfter) await database.drop();
  await postgres?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** A database of its own: a new PostgreSQL database, or a new PGlite folder. */
async function freshDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<SqlDriver> }> {
  if (postgres) {
    const database = await postgresAdapter(postgres.url).fresh();
    dropAfter.push(database);
    return { env: { DATABASE_URL: database.url! }, open: () => database.open() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'uc-push-crash-'));
  dirs.push(dir);
  const dataDir = join(dir, 'data');
  return { env: { DATA_DIR: dataDir }, open: () => openPglite(dataDir) };
}

interface Child {
  process: ChildProcess;
  lines: { id?: string; outcome?: string; ready?: boolean }[];
  exited: Promise<number | null>;
}

function startSender(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/push/scheduler-main.ts'], {
    env: {
      ...process.env,
      ...env,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      PUSH_SUBJECT: 'mailto:test@example.org',
      PUSH_CA_FILE: service.caFile,
      PUSH_ENDPOINT_HOSTS: service.host,
      PUSH_BATCH: String(BATCH),
      PUSH_CONCURRENCY: '5',
      PUSH_LEASE_MS: String(LEASE_MS),
      PUSH_TIMEOUT_MS: '1000',
      PUSH_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: Child['lines'] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) lines.push(JSON.parse(line) as Child['lines'][number]);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    // 'close', not 'exit': only then has all of its output been read (a count taken at 'exit' can miss the last lines).
    child.on('close', (code) => {
      children.delete(child);
      if (code !== null && code !== 0) console.error(`push sender exited ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  return { process: child, lines, exited };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Decrypts every request to the subscription; checks each Topic is its payload's id without dashes. Returns ids in arrival order. */
function receivedIds(subscription: TestSubscription): string[] {
  const path = new URL(subscription.endpoint).pathname;
  return service.requests
    .filter((request) => request.path === path)
    .map((request) => {
      const payload = JSON.parse(
        ece.decrypt(request.body, { version: 'aes128gcm', privateKey: subscription.ecdh, authSecret: subscription.auth.toString('base64url') }).toString('utf8'),
      ) as { id: string };
      expect(request.topic).toBe(payload.id.replace(/-/g, ''));
      return payload.id;
    });
}

async function seed(open: () => Promise<SqlDriver>): Promise<{ subscription: TestSubscription; ids: string[] }> {
  const driver = await open();
  try {
    await migrate(driver);
    const subscription = await insertSubscriber(driver, service.origin);
    const ids = await insertManyReminders(driver, subscription.id, COUNT, new Date(Date.now() - 60_000));
    return { subscription, ids };
  } finally {
    await driver.close();
  }
}

async function states(open: () => Promise<SqlDriver>): Promise<Record<string, number>> {
  const driver = await open();
  try {
    const rows = await driver.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM reminders GROUP BY state');
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  } finally {
    await driver.close();
  }
}

/**
 * How many rows the database holds as sent after a sender was killed. Read from
 * the database, not from the killed sender's output: it prints a row's line
 * after the row's commit, so a kill between the two leaves a recorded row
 * without its line. On PostgreSQL, first waits until the killed sender's
 * sessions have ended (a COMMIT it sent has then landed or been rolled back).
 */
async function sentAfterKill(open: () => Promise<SqlDriver>): Promise<number> {
  const driver = await open();
  try {
    if (postgres) {
      const others = async () =>
        Number(
          (await driver.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'))[0]!.n,
        );
      await until(async () => (await others()) === 0, 10_000, "the killed sender's sessions to end");
    }
    const rows = await driver.query<{ n: string }>(`SELECT count(*) AS n FROM reminders WHERE state = 'sent'`);
    return Number(rows[0]!.n);
  } finally {
    await driver.close();
  }
}

describe(`push sender crash (${postgres ? 'PostgreSQL' : 'PGlite data folder'})`, () => {
  it('SIGKILL mid-batch, restart: every reminder arrives, resends only from the batch in flight, same Topic', async () => {
    const db = await freshDatabase();
    const { subscription, ids } = await seed(db.open);
    // Slow answers: a batch is always in flight when the kill comes.
    service.answer = () => ({ delayMs: 25 });

    const first = startSender(db.env);
    await service.waitFor(100, 90_000);
    first.process.kill('SIGKILL');
    await first.exited;
    const atKill = service.requests.length;
    const recordedBeforeKill = await sentAfterKill(db.open);
    expect(atKill).toBeGreaterThanOrEqual(100);
    expect(atKill).toBeLessThan(COUNT);

    const second = startSender(db.env);
    await until(() => new Set(receivedIds(subscription)).size >= COUNT, 120_000, 'all reminders to arrive');
    // Every row recorded as sent (the in-flight ones after their lease ran out).
    await until(() => second.lines.filter((line) => line.outcome === 'sent').length + recordedBeforeKill >= COUNT, 60_000, 'all outcomes recorded');
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const received = receivedIds(subscription);
    const unique = new Set(received);
    expect([...unique].sort()).toEqual([...ids].sort());
    const resends = received.length - unique.size;
    console.info(`crash test: ${atKill} arrived before the kill, ${recordedBeforeKill} recorded; ${resends} resent after restart`);
    expect(resends).toBeLessThanOrEqual(BATCH);
    expect(await states(db.open)).toEqual({ sent: COUNT });
    // Generous bounds: each sender is a child process (tsx) that takes seconds to start on a busy 2-core machine.
  }, 300_000);

  it.skipIf(!postgres)(
    'two senders on one PostgreSQL database never send a reminder twice',
    async () => {
      const db = await freshDatabase();
      const { subscription, ids } = await seed(db.open);
      service.answer = () => ({ delayMs: 5 });
      const senders = [startSender(db.env), startSender(db.env)];
      await until(() => new Set(receivedIds(subscription)).size >= COUNT, 120_000, 'all reminders to arrive');
      await until(
        () => senders.reduce((sum, sender) => sum + sender.lines.filter((line) => line.outcome === 'sent').length, 0) >= COUNT,
        60_000,
        'all outcomes recorded',
      );
      for (const sender of senders) sender.process.kill('SIGTERM');
      await Promise.all(senders.map((sender) => sender.exited));

      const received = receivedIds(subscription);
      expect(received).toHaveLength(COUNT);
      expect([...new Set(received)].sort()).toEqual([...ids].sort());
      const perSender = senders.map((sender) => sender.lines.filter((line) => line.outcome === 'sent').length);
      console.info(`two senders: ${perSender.join(' + ')} sends`);
      // Both did part of the work.
      expect(perSender.every((count) => count > 0)).toBe(true);
      expect(await states(db.open)).toEqual({ sent: COUNT });
    },
    300_000,
  );
});
