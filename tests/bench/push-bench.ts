// `npm run bench:push`: pushes per second from the sender to a stand-in push
// service on 127.0.0.1 (HTTPS, keep-alive): 2000 due reminders, batches of 100,
// 20 in flight, PGlite in memory. Each push is encrypted (aes128gcm, a fresh
// ECDH key) and VAPID-signed, and its outcome recorded, as in production.
//
// In the same run, a bare loop of HTTPS POSTs to the same service (same
// concurrency, body size, headers' shape and keep-alive agent, no database,
// no crypto) gives the ceiling; the ratio sender / bare is what to watch on a
// shared machine. The bare loop runs before and after the sender and the mean
// is used, so a change in the machine's load during the run counts less.
//
// PUSH_BENCH_COUNT, PUSH_BENCH_CONCURRENCY change the size; BENCH_PROFILE=<dir>
// writes a CPU profile of the sender's part; BENCH_SQL=1 prints the time per
// kind of statement. CPU figures are this process's: the client, the stand-in
// service and, for the sender, its database.
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:https';
import { performance as nodePerformance } from 'node:perf_hooks';
import webpush from 'web-push';
import type { SqlDriver } from '../../src/server/store/driver';
import { openPglite } from '../../src/server/store/pglite-driver';
import { createSqlStore } from '../../src/server/store/sql-store';
import { startScheduler } from '../../src/server/push/scheduler';
import { createPushAgent } from '../../src/server/push/endpoint-policy';
import { defaultEncryptThreads } from '../../src/server/push/encrypt-pool';
import { insertManyReminders, insertSubscriber } from '../support/push-rows';
import { startPushService, type PushService } from '../support/push-service';
import { startProfile, stopProfile } from './profile';

/** Wall time and process CPU time spent in each kind of statement (BENCH_SQL=1 prints them; CPU includes other threads). */
const sqlTimes = new Map<string, { n: number; ms: number; cpuMs: number; rows: number }>();
function timed(inner: SqlDriver): SqlDriver {
  if (!process.env.BENCH_SQL) return inner;
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const t0 = performance.now();
      const cpu = process.cpuUsage();
      const rows = await inner.query<T>(sql, params);
      const used = process.cpuUsage(cpu);
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
      const entry = sqlTimes.get(key) ?? { n: 0, ms: 0, cpuMs: 0, rows: 0 };
      entry.n++;
      entry.ms += performance.now() - t0;
      entry.cpuMs += (used.user + used.system) / 1000;
      entry.rows += rows.length;
      sqlTimes.set(key, entry);
      return rows;
    },
    transaction: (fn) => inner.transaction((tx) => fn(timed(tx))),
    close: () => inner.close(),
  };
}

const COUNT = Number(process.env.PUSH_BENCH_COUNT ?? 2000);
const CONCURRENCY = Number(process.env.PUSH_BENCH_CONCURRENCY ?? 20);
const BATCH = 100;
/** Encryption threads (default: the sender's own default for this machine; 0 encrypts on the event loop). */
const THREADS = process.env.PUSH_BENCH_THREADS === undefined ? defaultEncryptThreads() : Number(process.env.PUSH_BENCH_THREADS);

const service = await startPushService();
const driver = timed(await openPglite(null));
const store = createSqlStore(driver);
await store.migrate();
const keys = webpush.generateVAPIDKeys();
// The sender's agent as the server makes it (keep-alive, idle connections closed before the service closes them).
const agent = createPushAgent(service.policy, { ca: service.ca, maxSockets: CONCURRENCY });
const scheduler = startScheduler({
  store,
  vapid: { subject: 'mailto:bench@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey },
  agent,
  policy: service.policy,
  batch: BATCH,
  concurrency: CONCURRENCY,
  encryptThreads: THREADS,
  loop: false,
  onOutcome: (_reminder, outcome) => {
    const key =
      outcome.type === 'sent'
        ? 'sent'
        : `${outcome.type}${'error' in outcome && outcome.error ? ` (${outcome.error})` : 'status' in outcome && outcome.status ? ` (${outcome.status})` : ''}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  },
});
/** Outcomes of the measured run: anything but 'sent' (e.g. a reset keep-alive socket, retried later) is listed. */
const outcomes = new Map<string, number>();

// Warm up (TLS sessions, JIT).
const warm = await insertSubscriber(driver, service.origin);
await insertManyReminders(driver, warm.id, 100, new Date(Date.now() - 1000));
while ((await scheduler.runOnce()) > 0);
const sample = service.requests[service.requests.length - 1]!;

/** COUNT POSTs of the same size and header shape as a push, CONCURRENCY at a time, on a keep-alive agent of its own. */
async function bareLoop(target: PushService, count: number, bareAgent: Agent): Promise<number> {
  const url = new URL(sample.path, target.origin);
  const body = randomBytes(sample.body.length);
  const headers = {
    TTL: sample.ttl ?? '86400',
    'Content-Length': String(body.length),
    'Content-Type': 'application/octet-stream',
    'Content-Encoding': 'aes128gcm',
    Authorization: sample.authorization ?? '',
    Urgency: sample.urgency ?? 'normal',
    Topic: sample.topic ?? '',
  };
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: bareAgent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        if ((await post()) !== 201) throw new Error('bare loop: unexpected status');
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  bareCpuMs.push((used.user + used.system) / 1000 / count);
  return count / ((performance.now() - started) / 1000);
}
/** CPU (all threads, this process: client and stand-in service) per bare request, ms. */
const bareCpuMs: number[] = [];

const bareAgent = createPushAgent(service.policy, { ca: service.ca, maxSockets: CONCURRENCY }); // the same kind of agent
await bareLoop(service, COUNT, bareAgent); // its own warm-up (JIT, TLS sessions), as long as a measured run
const bareBefore = await bareLoop(service, COUNT, bareAgent);

const subscriber = await insertSubscriber(driver, service.origin);
await insertManyReminders(driver, subscriber.id, COUNT, new Date(Date.now() - 1000));
const before = service.requests.length;
const connectionsBefore = service.connections;
sqlTimes.clear();
outcomes.clear();
await startProfile();
const cpuBefore = process.cpuUsage();
const eluBefore = nodePerformance.eventLoopUtilization();
const started = performance.now();
let claimed = 0;
for (let n = await scheduler.runOnce(); n > 0; n = await scheduler.runOnce()) claimed += n;
const seconds = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpuBefore);
const elu = nodePerformance.eventLoopUtilization(eluBefore);
await stopProfile('push-sender');
const received = service.requests.length - before;
const connections = service.connections - connectionsBefore;
const [{ sent } = { sent: '0' }] = await driver.query<{ sent: string }>("SELECT count(*) AS sent FROM reminders WHERE state = 'sent' AND subscriber_id = $1", [
  subscriber.id,
]);

for (const [sql, { n, ms, cpuMs, rows }] of sqlTimes) console.log(`  sql ${n} × ${(ms / n).toFixed(2)} ms, CPU ${(cpuMs / n).toFixed(2)} ms (${rows} rows): ${sql}`);
const bareAfter = await bareLoop(service, COUNT, bareAgent);
const bare = (bareBefore + bareAfter) / 2;
const rate = received / seconds;

console.log(
  `push sender: ${COUNT} reminders, batch ${BATCH}, concurrency ${CONCURRENCY}, ${sample.body.length}-byte bodies, PGlite in memory, ${THREADS} encryption thread(s)`,
);
console.log(`  claimed ${claimed}, received by the push service ${received}, recorded sent ${sent}, new TLS connections ${connections}`);
const others = [...outcomes].filter(([key]) => key !== 'sent');
if (others.length > 0) console.log(`  not sent this time (the sender retries them later): ${others.map(([key, n]) => `${n} ${key}`).join(', ')}`);
const senderCpu = (cpuUsed.user + cpuUsed.system) / 1000 / Math.max(1, received);
const bareCpu = bareCpuMs.slice(-2).reduce((a, b) => a + b, 0) / 2;
console.log(
  `  sender:    ${seconds.toFixed(2)} s → ${Math.round(rate)} pushes/second, CPU ${senderCpu.toFixed(2)} ms/push (all threads), event loop busy ${Math.round(elu.utilization * 100)}% (${((elu.active / Math.max(1, received)) * 1000).toFixed(0)} µs/push)`,
);
console.log(
  `  bare POST: ${Math.round(bare)} requests/second (before ${Math.round(bareBefore)}, after ${Math.round(bareAfter)}), CPU ${bareCpu.toFixed(2)} ms/request`,
);
console.log(`  ratio sender / bare: ${(rate / bare).toFixed(2)}`);

await scheduler.stop();
agent.destroy();
bareAgent.destroy();
await driver.close();
await service.close();
