// `npx tsx tests/bench/limits-bench.ts`: what the database-backed rate limit
// and fsync cost per request. On each store (PGlite in memory, PGlite on disk
// with fsync on, PostgreSQL when it can be started): the mean time of one
// rate-limit take (one upsert on an unlogged table), and whether it makes the
// disk store sync. Then, on disk only: one small committed INSERT with fsync
// on (as the relay runs) and with PGlite's old default (fsync off).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bucketKey } from '../../src/server/api/rate-limit';
import type { SqlDriver } from '../../src/server/store/driver';
import { openPostgres } from '../../src/server/store/pg-driver';
import { fsyncStats, openPglite } from '../../src/server/store/pglite-driver';
import { createSqlStore } from '../../src/server/store/sql-store';
import { startTestPostgres } from '../support/postgres';

const TAKES = Number(process.env.LIMITS_BENCH_TAKES ?? 2000);
const COMMITS = Number(process.env.LIMITS_BENCH_COMMITS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'uc-limits-bench-'));

async function takes(name: string, driver: SqlDriver): Promise<void> {
  const store = createSqlStore(driver);
  await store.migrate();
  const keys = Array.from({ length: 50 }, () => bucketKey(randomUUID()));
  for (let i = 0; i < 200; i++) await store.takeRateToken({ key: keys[i % 50]!, limit: 1e9, windowMs: 60_000, nowMs: Date.now() }); // warm up
  const syncs = fsyncStats.calls;
  const t0 = performance.now();
  for (let i = 0; i < TAKES; i++) await store.takeRateToken({ key: keys[i % 50]!, limit: 1e9, windowMs: 60_000, nowMs: Date.now() });
  const ms = performance.now() - t0;
  console.log(`  ${name.padEnd(22)} ${((ms / TAKES) * 1000).toFixed(0).padStart(6)} µs per take  (${TAKES} takes, ${fsyncStats.calls - syncs} fsyncs)`);
  await store.close();
}

async function commits(name: string, query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await query('CREATE TABLE IF NOT EXISTS bench (id uuid PRIMARY KEY, body text)');
  const t0 = performance.now();
  for (let i = 0; i < COMMITS; i++) await query('INSERT INTO bench (id, body) VALUES ($1, $2)', [randomUUID(), 'x'.repeat(200)]);
  const ms = performance.now() - t0;
  console.log(`  ${name.padEnd(22)} ${((ms / COMMITS) * 1000).toFixed(0).padStart(6)} µs per committed INSERT  (${COMMITS} commits)`);
}

console.log('Rate-limit take (one upsert per limited request):');
await takes('PGlite in memory', await openPglite(null));
await takes('PGlite on disk', await openPglite(join(dir, 'disk')));
const pg = await startTestPostgres().catch(() => null);
if (pg) {
  await takes('PostgreSQL (local)', await openPostgres(pg.url));
} else console.log('  PostgreSQL: not available, skipped');

console.log('A committed INSERT on PGlite on disk:');
const durable = await openPglite(join(dir, 'durable'));
await commits('fsync on (the relay)', (sql, params) => durable.query(sql, params));
await durable.close();
const loose = await PGlite.create(join(dir, 'loose'));
await commits('fsync off (PGlite default)', (sql, params) => loose.query(sql, params));
await loose.close();

await pg?.stop();
rmSync(dir, { recursive: true, force: true });
