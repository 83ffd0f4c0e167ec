// `npm run bench:relays`: two relay processes (tests/bench/relays-target.ts,
// what main.ts runs, rate limits lifted) on one PostgreSQL (the throwaway
// cluster of tests/support/postgres.ts, or TEST_DATABASE_URL), under a mixed
// load for a fixed time, requests spread over both relays:
//   claimants send items (new ids, and some resends of an id already sent),
//   poll their status; advisers list their inbox, list a client's items (a
//   page, without envelopes) and fetch one item with its envelope;
//   push reminders fall due all through the run (and each new item queues one
//   for its adviser's computer), sent by both relays' push senders to a
//   stand-in push service (HTTPS).
// Prints throughput, p50 and p99 latency per kind of request, pushes a
// second, CPU per process; then checks that no item was lost or doubled, no
// reminder was sent twice or left unsent, and nothing answered 5xx (exit 1
// if any check fails).
//
// RELAYS_BENCH_SECONDS (20), RELAYS_BENCH_ADVISERS (20),
// RELAYS_BENCH_CLAIMANTS per adviser (10), RELAYS_BENCH_CONCURRENCY (32),
// RELAYS_BENCH_ENVELOPE_KB (20), RELAYS_BENCH_REMINDERS_PER_SECOND (50).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { hashSecret } from '../../src/server/api/auth';
import { openPostgres } from '../../src/server/store/pg-driver';
import { openStore } from '../../src/server/store/open-store';
import { startTestPostgres } from '../support/postgres';
import { insertSubscriber } from '../support/push-rows';
import { startPushService } from '../support/push-service';
import { enrolled, invite, publicKey, type Relay } from '../support/relay-api';
import { postgresCpuSeconds } from './postgres-cpu';

const SECONDS = Number(process.env.RELAYS_BENCH_SECONDS ?? 20);
const ADVISERS = Number(process.env.RELAYS_BENCH_ADVISERS ?? 20);
const CLAIMANTS = Number(process.env.RELAYS_BENCH_CLAIMANTS ?? 10);
const CONCURRENCY = Number(process.env.RELAYS_BENCH_CONCURRENCY ?? 32);
const ENVELOPE_BYTES = Number(process.env.RELAYS_BENCH_ENVELOPE_KB ?? 20) * 1024;
const REMINDERS_PER_SECOND = Number(process.env.RELAYS_BENCH_REMINDERS_PER_SECOND ?? 50);

/** The mix: weights of each kind of request. */
const MIX = { send: 20, resend: 2, status: 40, inbox: 23, items: 10, read: 5 } as const;
type Kind = keyof typeof MIX;

const postgres = await startTestPostgres();
if (!postgres) {
  console.log("bench:relays needs PostgreSQL: install Debian's postgresql (binaries in /usr/lib/postgresql) or set TEST_DATABASE_URL");
  process.exit(0);
}
const service = await startPushService();
const setupStore = await openStore({ databaseUrl: postgres.url });
const driver = await openPostgres(postgres.url);
// One code key for both relays (as every relay on one database needs), never a file in the working folder.
const codeHashSecret = randomBytes(32).toString('base64url');

interface Target {
  child: ChildProcess;
  url: string;
  agent: Agent;
}

async function startTarget(): Promise<Target> {
  const child = fork(new URL('./relays-target.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: postgres!.url,
      CODE_HASH_SECRET: codeHashSecret,
      PUSH_CA_FILE: service.caFile,
      PUSH_ENDPOINT_HOSTS: new URL(service.origin).host,
      PUSH_INTERVAL_MS: '250',
      PUSH_CONCURRENCY: '10',
      PUBLIC_ORIGIN: 'http://127.0.0.1:8080',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`relay exited ${code}`)));
  });
  return { child, url, agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) };
}

function ask<T>(target: Target, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: { type?: string }) => {
      if (answer.type !== type) return;
      target.child.off('message', onMessage);
      resolve(answer as T);
    };
    target.child.on('message', onMessage);
    target.child.send({ type });
  });
}

const relays = [await startTarget(), await startTarget()];

function call(target: Target, method: string, path: string, token: string, body?: Buffer): Promise<{ status: number; text: string }> {
  const url = new URL(path, target.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        agent: target.agent,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// --- Set-up: advisers (one computer each, subscribed to push), their claimants (each subscribed too).
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores`,
);
console.log(`bench:relays: 2 relays on one PostgreSQL; ${ADVISERS} advisers × ${CLAIMANTS} claimants; ${CONCURRENCY} requests in flight; ${SECONDS} s`);
const setupRelay: Relay = { base: relays[0]!.url, server: null as never, logs: [], clock: { ms: Date.now() }, close: async () => {} };
interface Claimant {
  token: string;
  connectionId: string;
  sent: string[];
}
interface Adviser {
  token: string;
  claimants: Claimant[];
}
const advisers: Adviser[] = [];
const claimantSubscribers: string[] = [];
for (let a = 0; a < ADVISERS; a++) {
  const adviser = await enrolled(setupRelay, setupStore, `Adviser ${a}`);
  const owner = await setupStore.findCredential(hashSecret(adviser.deviceToken));
  const device = await insertSubscriber(driver, service.origin);
  await driver.query('UPDATE push_subscribers SET adviser_device_id = $1 WHERE id = $2', [owner && owner.kind === 'adviser' ? owner.deviceId : null, device.id]);
  const claimants: Claimant[] = [];
  for (let c = 0; c < CLAIMANTS; c++) {
    const code = await invite(setupRelay, adviser.deviceToken, `client ${c}`);
    const res = await call(relays[c % 2]!, 'POST', '/api/connections', '', Buffer.from(JSON.stringify({ code, claimantPublicKey: publicKey() })));
    if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${res.text}`);
    const body = JSON.parse(res.text) as { connectionId: string; claimantToken: string };
    const subscriber = await insertSubscriber(driver, service.origin);
    await driver.query('UPDATE push_subscribers SET connection_id = $1 WHERE id = $2', [body.connectionId, subscriber.id]);
    claimantSubscribers.push(subscriber.id);
    claimants.push({ token: body.claimantToken, connectionId: body.connectionId, sent: [] });
  }
  advisers.push({ token: adviser.deviceToken, claimants });
}

// Reminders falling due all through the run, on the claimants' subscriptions.
const start = Date.now() + 500;
const reminderCount = Math.round(REMINDERS_PER_SECOND * SECONDS);
await driver.query(
  `INSERT INTO reminders (id, subscriber_id, kind, due_at)
   SELECT gen_random_uuid(), (($1::uuid[])[1 + (i % array_length($1::uuid[], 1))]), 'reply', to_timestamp(($2::float8 + i * $3::float8) / 1000)
   FROM generate_series(0, $4::int - 1) AS i`,
  [claimantSubscribers, start, (SECONDS * 1000) / reminderCount, reminderCount],
);

// --- The load.
const envelope = randomBytes(ENVELOPE_BYTES).toString('base64url');
const weights = Object.entries(MIX) as [Kind, number][];
const totalWeight = weights.reduce((sum, [, w]) => sum + w, 0);
function pickKind(): Kind {
  let r = Math.random() * totalWeight;
  for (const [kind, w] of weights) if ((r -= w) < 0) return kind;
  return 'status';
}
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

const latencies = new Map<Kind, number[]>();
const statuses = new Map<string, number>();
const created = new Set<string>();
const resent = { ok: 0, other: 0 };
/** Connection errors (answered status 0) by error code. */
const connectionErrors = new Map<string, number>();
let requestsDone = 0;
let next = 0;

async function one(wanted: Kind): Promise<{ kind: Kind; status: number }> {
  const target = relays[next++ % 2]!;
  const adviser = pick(advisers);
  const claimant = pick(adviser.claimants);
  // A resend needs an item sent before (without one it is a send); so does a read (else a list).
  const kind: Kind = claimant.sent.length > 0 ? wanted : wanted === 'resend' ? 'send' : wanted === 'read' ? 'items' : wanted;
  const status = async (): Promise<number> => {
    switch (kind) {
      case 'send': {
        const id = randomUUID();
        const res = await call(target, 'POST', '/api/items', claimant.token, Buffer.from(JSON.stringify({ id, envelope })));
        if (res.status === 201) {
          created.add(id);
          claimant.sent.push(id);
        }
        return res.status;
      }
      case 'resend': {
        const id = claimant.sent[0]!;
        const res = await call(target, 'POST', '/api/items', claimant.token, Buffer.from(JSON.stringify({ id, envelope })));
        if (res.status === 200) resent.ok++;
        else resent.other++;
        return res.status;
      }
      case 'status':
        return (await call(target, 'GET', '/api/claimant/status', claimant.token)).status;
      case 'inbox':
        return (await call(target, 'GET', '/api/adviser/connections', adviser.token)).status;
      case 'items':
        return (await call(target, 'GET', `/api/adviser/connections/${claimant.connectionId}/items`, adviser.token)).status;
      case 'read':
        return (await call(target, 'GET', `/api/adviser/items/${pick(claimant.sent)}`, adviser.token)).status;
    }
  };
  return { kind, status: await status() };
}

while (Date.now() < start) await new Promise((resolve) => setTimeout(resolve, 20));
const usageBefore = await Promise.all(relays.map((r) => ask<{ usage: NodeJS.CpuUsage }>(r, 'usage')));
const pgBefore = postgresCpuSeconds(postgres.dataDir);
const pushesBefore = service.requests.length;
const benchBefore = process.cpuUsage();
const t0 = performance.now();
const end = t0 + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < end) {
      const wanted = pickKind();
      const began = performance.now();
      let kind = wanted;
      let status: number;
      try {
        ({ kind, status } = await one(wanted));
      } catch (error) {
        status = 0; // connection error
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        connectionErrors.set(code, (connectionErrors.get(code) ?? 0) + 1);
      }
      const list = latencies.get(kind) ?? [];
      list.push(performance.now() - began);
      latencies.set(kind, list);
      statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
      requestsDone++;
    }
  }),
);
const elapsed = (performance.now() - t0) / 1000;
const usageAfter = await Promise.all(relays.map((r) => ask<{ usage: NodeJS.CpuUsage; outcomes: Record<string, number> }>(r, 'usage')));
const pgAfter = postgresCpuSeconds(postgres.dataDir);
const benchCpu = process.cpuUsage(benchBefore);
const pushesDuring = service.requests.length - pushesBefore;

// Let the push senders finish what fell due during the run.
const drainUntil = Date.now() + 20_000;
for (;;) {
  const [{ n }] = (await driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminders WHERE state IN ('due', 'sending') AND due_at <= now()`)) as [
    { n: number },
  ];
  if (n === 0 || Date.now() > drainUntil) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}

// --- Report.
const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
const all = [...latencies.values()].flat();
console.log(
  `  ${requestsDone} requests in ${elapsed.toFixed(1)} s = ${(requestsDone / elapsed).toFixed(0)} req/s; p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms`,
);
for (const [kind] of weights) {
  const list = latencies.get(kind) ?? [];
  console.log(
    `    ${kind.padEnd(7)} ${String(list.length).padStart(6)} (${(list.length / elapsed).toFixed(0).padStart(4)}/s)  p50 ${pct(list, 0.5).toFixed(1).padStart(6)} ms  p99 ${pct(list, 0.99).toFixed(1).padStart(6)} ms`,
  );
}
console.log(`  pushes received by the push service during the run: ${pushesDuring} (${(pushesDuring / elapsed).toFixed(0)}/s)`);
relays.forEach((_relay, i) => {
  const before = usageBefore[i]!.usage;
  const after = usageAfter[i]!.usage;
  const cpu = (after.user - before.user + after.system - before.system) / 1e6;
  console.log(
    `  relay ${i + 1}: CPU ${cpu.toFixed(1)} s (${((cpu / elapsed) * 100).toFixed(0)} % of a core); push outcomes ${JSON.stringify(usageAfter[i]!.outcomes)}`,
  );
});
console.log(
  `  this process (load client and stand-in push service): CPU ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s (${(((benchCpu.user + benchCpu.system) / 1e6 / elapsed) * 100).toFixed(0)} % of a core)`,
);
if (pgBefore !== null && pgAfter !== null)
  console.log(`  PostgreSQL: CPU ${(pgAfter - pgBefore).toFixed(1)} s (${(((pgAfter - pgBefore) / elapsed) * 100).toFixed(0)} % of a core)`);

// --- Checks.
const failures: string[] = [];
const fiveHundreds = [...statuses].filter(([key]) => Number(key.split(' ')[1]) >= 500 || key.endsWith(' 0'));
if (fiveHundreds.length > 0) failures.push(`5xx or connection errors: ${fiveHundreds.map(([k, n]) => `${n} × ${k}`).join(', ')}`);
if (connectionErrors.size > 0) failures.push(`connection errors by code: ${[...connectionErrors].map(([code, n]) => `${n} × ${code}`).join(', ')}`);
const unexpected = [...statuses].filter(([key]) => !/^(send 201|resend 200|status 200|inbox 200|items 200|read 200)$/.test(key));
if (unexpected.length > 0) failures.push(`unexpected answers: ${unexpected.map(([k, n]) => `${n} × ${k}`).join(', ')}`);
const stored = await driver.query<{ id: string }>(`SELECT id FROM items WHERE direction = 'to-adviser'`);
const storedIds = new Set(stored.map((row) => row.id));
const lost = [...created].filter((id) => !storedIds.has(id));
if (lost.length > 0) failures.push(`${lost.length} items answered 201 but not stored`);
if (stored.length !== created.size) failures.push(`${stored.length} items stored for ${created.size} answered 201 (doubled or unknown)`);
const reminders = await driver.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM reminders GROUP BY state ORDER BY state`);
const byTopic = new Map<string, number>();
for (const req of service.requests) if (req.topic) byTopic.set(req.topic, (byTopic.get(req.topic) ?? 0) + 1);
const twice = [...byTopic.values()].filter((n) => n > 1).length;
if (twice > 0) failures.push(`${twice} reminders pushed more than once`);
const left = await driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminders WHERE state IN ('due', 'sending') AND due_at <= now()`);
if (left[0]!.n > 0) failures.push(`${left[0]!.n} reminders due but not sent 20 s after the run`);
const sentRows = reminders.find((r) => r.state === 'sent')?.n ?? 0;
if (sentRows !== byTopic.size) failures.push(`${sentRows} reminders recorded sent, ${byTopic.size} distinct pushes received`);
console.log(
  `  checks: ${created.size} items created (${resent.ok} resends answered 200), ${stored.length} stored; reminders ${reminders.map((r) => `${r.n} ${r.state}`).join(', ')}; ${byTopic.size} distinct pushes, ${twice} twice`,
);
console.log(failures.length === 0 ? '  OK: nothing lost, doubled or answered 5xx' : `  FAILED:\n    ${failures.join('\n    ')}`);

for (const relay of relays) {
  const exited = new Promise((resolve) => relay.child.once('exit', resolve));
  relay.child.send({ type: 'close' });
  await exited;
  relay.agent.destroy();
}
await setupStore.close();
await driver.close();
await service.close();
await postgres.stop();
process.exit(failures.length === 0 ? 0 : 1);
