// `npm run bench:relay`: POST /api/items with a 100 KB envelope, 20 at a time,
// against the relay on each store (PGlite in memory, PGlite on disk in a temp
// folder, PostgreSQL from tests/support/postgres.ts when it can be started),
// and, in the same run with the same client, against a bare node:http server
// that reads and JSON-parses the same body. Prints both throughputs, the
// ratio relay / bare, and the server process's CPU time per request.
//
// Each server runs in a child process of its own (tests/bench/relay-target.ts),
// the client in this one. The bare server is measured before the first relay
// run and after each one; a relay's ratio uses the mean of the bare runs on
// either side of it, so a change in the machine's load counts less.
// Rate limits are lifted so the store and HTTP path are what is measured.
//
// A relay run sends a fixed number of items (RELAY_BENCH_REQUESTS, default
// 600, after 60 to warm up), so that runs with the same store start and end
// with the same amount stored (PGlite in memory slows as it grows); a bare
// run lasts RELAY_BENCH_SECONDS (default 4). RELAY_BENCH_STORES picks stores
// (default memory,disk,postgres);
// then (RELAY_BENCH_READS=0 leaves them out) as many reads of the items just
// sent, the adviser opening one (GET /api/adviser/items/:id, the envelope in
// the answer), against a bare server that keeps the envelopes it was sent as
// strings and answers JSON.stringify of one;
// BENCH_PROFILE=<dir> writes a CPU profile of each server's measured part;
// BENCH_SQL=1 prints the relay's time per kind of statement (wall, queueing included).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { postgresCpuSeconds } from './postgres-cpu';

const CONCURRENCY = 20;
const SECONDS = Number(process.env.RELAY_BENCH_SECONDS ?? 4);
const REQUESTS = Number(process.env.RELAY_BENCH_REQUESTS ?? 600);
const ENVELOPE_BYTES = 100 * 1024;
const STORES = (process.env.RELAY_BENCH_STORES ?? 'memory,disk,postgres').split(',');
const PROFILE = process.env.BENCH_PROFILE;
const READS = process.env.RELAY_BENCH_READS !== '0';

interface Target {
  child: ChildProcess;
  url: string;
  token: string;
  /** The adviser's credential, for reads. */
  adviserToken: string;
  ask<T>(message: { type: string; name?: string }, reply: string): Promise<T>;
}

async function startTarget(env: Record<string, string>): Promise<Target> {
  const child = fork(new URL('./relay-target.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    // The relay's request log goes where production's would (a stream nobody reads here).
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; token: string; adviserToken: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string; token: string; adviserToken: string }));
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  const ask = <T>(message: { type: string; name?: string }, reply: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (answer: { type?: string }) => {
        if (answer.type !== reply) return;
        child.off('message', onMessage);
        resolve(answer as T);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return { child, ...ready, ask };
}

async function stopTarget(target: Target): Promise<void> {
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.send({ type: 'close' });
  await exited;
}

// One body template; each request copies it and writes a fresh id in place (the relay refuses a reused id with other content).
const envelope = randomBytes(ENVELOPE_BYTES).toString('base64url');
const template = Buffer.from(JSON.stringify({ id: randomUUID(), envelope }));
const ID_AT = template.indexOf('"id":"') + 6;
const ENVELOPE_TEXT_CHARS = envelope.length;
/** Reads go round this many of the newest items sent. */
const READ_POOL = 500;

interface Result {
  rate: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  /** Server CPU (user + system) per request, ms. */
  cpuMs: number;
  /** Of which in the kernel (system), ms. */
  sysMs: number;
  /** PostgreSQL's server processes' CPU per request, ms (PostgreSQL only). */
  pgMs: number | null;
}

/** Ids of the items each target took (sends that got 201), which reads fetch. */
const sentIds = new Map<Target, string[]>();

/**
 * Sends for `amount.seconds`, or exactly `amount.requests` requests; with
 * `reads`, fetches items sent before instead (the adviser opening one: GET
 * /api/adviser/items/:id, 200 with the envelope), round the sent ids.
 */
async function drive(target: Target, amount: { seconds: number } | { requests: number }, profileName?: string, pgDir?: string, reads = false): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const ids = sentIds.get(target) ?? [];
  sentIds.set(target, ids);
  // The newest ones: the bare server keeps only its last BARE_KEEPS.
  const readIds = ids.slice(-READ_POOL);
  let nextRead = 0;
  const port = new URL(target.url).port;
  const call = () =>
    new Promise<number>((resolve, reject) => {
      let body: Buffer | null = null;
      let id = '';
      if (!reads) {
        id = randomUUID();
        body = Buffer.from(template);
        body.write(id, ID_AT, 'latin1');
      }
      const path = reads ? `/api/adviser/items/${readIds[nextRead++ % readIds.length]}` : '/api/items';
      const token = reads ? target.adviserToken : target.token;
      const req = request(
        {
          hostname: '127.0.0.1',
          port,
          path,
          method: reads ? 'GET' : 'POST',
          agent,
          headers: {
            ...(body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {}),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => {
            if (res.statusCode === 201) ids.push(id);
            // A read counts only with the whole envelope in it.
            resolve(reads && bytes < ENVELOPE_TEXT_CHARS ? 0 : (res.statusCode ?? 0));
          });
        },
      );
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  if (profileName) await target.ask({ type: 'profile-start' }, 'profile-started');
  const before = await target.ask<{ usage: NodeJS.CpuUsage }>({ type: 'usage' }, 'usage');
  const pgBefore = postgresCpuSeconds(pgDir);
  if (process.env.BENCH_SQL) target.child.send({ type: 'sql-reset' });
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const end = 'seconds' in amount ? started + amount.seconds * 1000 : Infinity;
  let left = 'requests' in amount ? amount.requests : Infinity;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end && left-- > 0) {
        const t0 = performance.now();
        const status = await call();
        latencies.push(performance.now() - t0);
        if (status === (reads ? 200 : 201)) ok++;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const after = await target.ask<{ usage: NodeJS.CpuUsage }>({ type: 'usage' }, 'usage');
  const pgAfter = postgresCpuSeconds(pgDir);
  if (profileName) await target.ask({ type: 'profile-stop', name: profileName }, 'profile-stopped');
  if (process.env.BENCH_SQL && target.token) await target.ask({ type: 'sql' }, 'sql-done');
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const cpuUs = after.usage.user - before.usage.user + (after.usage.system - before.usage.system);
  const n = Math.max(1, ok + failed);
  return {
    rate: ok / elapsed,
    ok,
    failed,
    p50: pct(0.5),
    p99: pct(0.99),
    cpuMs: cpuUs / 1000 / n,
    sysMs: (after.usage.system - before.usage.system) / 1000 / n,
    pgMs: pgBefore === null || pgAfter === null ? null : ((pgAfter - pgBefore) * 1000) / n,
  };
}

const line = (name: string, r: Result) =>
  `  ${name.padEnd(33)} ${r.rate.toFixed(0).padStart(5)} req/s  (${r.ok} ok, ${r.failed} failed)  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  server CPU ${r.cpuMs.toFixed(2)} ms/req (${r.sysMs.toFixed(2)} system)${r.pgMs === null ? '' : `, PostgreSQL CPU ${r.pgMs.toFixed(2)} ms/req`}`;

console.log(
  `POST /api/items, ${ENVELOPE_BYTES / 1024} KB envelope, concurrency ${CONCURRENCY}; relay runs ${REQUESTS} items, bare runs ${SECONDS} s; servers in child processes`,
);
const bare = await startTarget({ BENCH_TARGET: 'bare' });
await drive(bare, { seconds: 1 }); // warm-up
let bareBefore = await drive(bare, { seconds: SECONDS });
console.log(line('bare node:http', bareBefore));
const summary: string[] = [];

for (const store of STORES) {
  let postgres: TestPostgres | null = null;
  let dir: string | null = null;
  const env: Record<string, string> = { BENCH_TARGET: 'relay', BENCH_STORE: store };
  if (store === 'postgres') {
    try {
      postgres = await startTestPostgres();
    } catch (error) {
      console.log(`  relay, PostgreSQL: skipped (${String(error).split('\n')[0]})`);
      continue;
    }
    if (!postgres) {
      console.log('  relay, PostgreSQL: skipped (no PostgreSQL binaries in /usr/lib/postgresql and no TEST_DATABASE_URL)');
      continue;
    }
    env.DATABASE_URL = postgres.url;
  } else if (store === 'disk') {
    dir = mkdtempSync(join(tmpdir(), 'uc-relay-bench-'));
    env.DATA_DIR = join(dir, 'data');
  } else if (store !== 'memory') {
    throw new Error(`unknown store ${store}`);
  }
  const label = { memory: 'PGlite in memory', disk: 'PGlite on disk', postgres: 'PostgreSQL' }[store]!;
  const relay = await startTarget(env);
  try {
    await drive(relay, { requests: Math.ceil(REQUESTS / 10) }); // warm-up
    const result = await drive(relay, { requests: REQUESTS }, PROFILE ? `relay-${store}` : undefined, postgres?.dataDir);
    console.log(line(`relay, ${label}`, result));
    const bareAfter = await drive(bare, { seconds: SECONDS });
    console.log(line('bare node:http', bareAfter));
    const bareRate = (bareBefore.rate + bareAfter.rate) / 2;
    summary.push(
      `  ${label.padEnd(17)} relay ${result.rate.toFixed(0)} / bare ${bareRate.toFixed(0)} req/s = ratio ${(result.rate / bareRate).toFixed(2)}` +
        ` (server CPU ${result.cpuMs.toFixed(2)} vs ${((bareBefore.cpuMs + bareAfter.cpuMs) / 2).toFixed(2)} ms/req)`,
    );
    bareBefore = bareAfter;
    if (READS) {
      const reads = await drive(relay, { requests: REQUESTS }, PROFILE ? `relay-${store}-reads` : undefined, postgres?.dataDir, true);
      console.log(line(`relay reads, ${label}`, reads));
      const bareReads = await drive(bare, { seconds: SECONDS }, undefined, undefined, true);
      console.log(line('bare reads', bareReads));
      summary.push(
        `  ${`${label}, reads`.padEnd(17)} relay ${reads.rate.toFixed(0)} / bare ${bareReads.rate.toFixed(0)} req/s = ratio ${(reads.rate / bareReads.rate).toFixed(2)}` +
          ` (server CPU ${reads.cpuMs.toFixed(2)} vs ${bareReads.cpuMs.toFixed(2)} ms/req)`,
      );
    }
  } finally {
    await stopTarget(relay);
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
if (PROFILE)
  await bare
    .ask({ type: 'profile-start' }, 'profile-started')
    .then(() => drive(bare, { seconds: 2 }))
    .then(() => bare.ask({ type: 'profile-stop', name: 'bare' }, 'profile-stopped'));
await stopTarget(bare);
console.log('ratio relay / bare node:http (mean of the bare runs before and after):');
for (const text of summary) console.log(text);
