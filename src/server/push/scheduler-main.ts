// The push sender on its own, as a child process (tests, or a separate worker
// next to PostgreSQL): `tsx src/server/push/scheduler-main.ts`.
// DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite); VAPID_PUBLIC_KEY,
// VAPID_PRIVATE_KEY, VAPID_SUBJECT; PUSH_INTERVAL_MS, PUSH_BATCH,
// PUSH_LEASE_MS, PUSH_CONCURRENCY, PUSH_TIMEOUT_MS; PUSH_CA_FILE: extra CA to
// trust (a test push service). Logs one JSON line per send to stdout.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { migrate } from '../store/migrations';
import { openPostgres } from '../store/pg-driver';
import { openPglite } from '../store/pglite-driver';
import type { SqlDriver } from '../store/driver';
import { startScheduler } from './scheduler';

function whole(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required.`);
  return value;
}

try {
  const databaseUrl = process.env.DATABASE_URL;
  const driver: SqlDriver = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(process.env.DATA_DIR || 'data');
  await migrate(driver);
  const concurrency = whole('PUSH_CONCURRENCY', 10);
  const caFile = process.env.PUSH_CA_FILE;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, ...(caFile ? { ca: readFileSync(caFile) } : {}) });
  const scheduler = startScheduler({
    driver,
    vapid: { publicKey: required('VAPID_PUBLIC_KEY'), privateKey: required('VAPID_PRIVATE_KEY'), subject: process.env.VAPID_SUBJECT || 'mailto:push@example.org' },
    intervalMs: whole('PUSH_INTERVAL_MS', 5000),
    batch: whole('PUSH_BATCH', 100),
    leaseMs: whole('PUSH_LEASE_MS', 120_000),
    concurrency,
    timeoutMs: whole('PUSH_TIMEOUT_MS', 15_000),
    agent,
    onOutcome: (reminder, outcome) => {
      const status = 'status' in outcome ? outcome.status : undefined;
      process.stdout.write(`${JSON.stringify({ pid: process.pid, id: reminder.id, attempt: reminder.attempts, outcome: outcome.type, status })}\n`);
    },
    onError: (error) => process.stderr.write(`push pass failed: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ready: true })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void scheduler
      .stop()
      .then(() => driver.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`push sender could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
