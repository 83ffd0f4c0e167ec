// A server for `npm run bench:relay`, run as a child process so that it has
// a process (and, on an idle machine, a core) of its own, as in production:
//   BENCH_TARGET=bare   a bare node:http server that reads the body, JSON-parses
//                       it and answers 201 with a small JSON object; a GET of
//                       /…/:id answers JSON.stringify of one it kept;
//   BENCH_TARGET=relay  the relay (createApiHandler + createAppServer, the
//                       production request log to stdout, push hooks on) on
//                       BENCH_STORE=memory | disk (DATA_DIR) | postgres (DATABASE_URL),
//                       rate limits lifted; makes one adviser and one connection.
// Says {url, token, adviserToken} over IPC when ready; 'profile-start' / 'profile-stop'
// messages take a CPU profile of the measured part (BENCH_PROFILE=<dir>).
import { createServer } from 'node:http';
import { createApiHandler } from '../../src/server/api/handler';
import { createAppServer, listen } from '../../src/server/server';
import type { SqlDriver } from '../../src/server/store/driver';
import { openPostgres } from '../../src/server/store/pg-driver';
import { openPglite } from '../../src/server/store/pglite-driver';
import { createSqlStore } from '../../src/server/store/sql-store';
import type { Store } from '../../src/server/store/store';
import { connected, TEST_VAPID, UNLIMITED, type Relay } from '../support/relay-api';
import { startProfile, stopProfile } from './profile';

const target = process.env.BENCH_TARGET ?? 'bare';

/** BENCH_SQL=1: wall time per kind of statement (queueing included), reset by 'sql-reset', printed to stderr on 'sql'. */
const sqlTimes = new Map<string, { n: number; ms: number }>();
function timed(inner: SqlDriver): SqlDriver {
  if (!process.env.BENCH_SQL) return inner;
  const wrap = (db: SqlDriver): SqlDriver => ({
    ...db,
    async query<T>(sql: string, params?: unknown[]) {
      const t0 = performance.now();
      try {
        return await db.query<T>(sql, params);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        const entry = sqlTimes.get(key) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += performance.now() - t0;
        sqlTimes.set(key, entry);
      }
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  });
  return wrap(inner);
}
const send = (message: unknown) => process.send?.(message);

let close: () => Promise<void>;
/** How many of the newest envelopes the bare server keeps for reads. */
const BARE_KEEPS = 1000;
if (target === 'bare') {
  // The newest envelopes sent (BARE_KEEPS), for reads: GET /api/adviser/items/:id.
  const kept = new Map<string, { createdAt: string; size: number; envelope: string }>();
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      const id = req.url?.split('/').pop() ?? '';
      const item = kept.get(id);
      const text = item ? JSON.stringify({ id, ...item, seenAt: null }) : '{}';
      res.writeHead(item ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; envelope: string };
      const item = { createdAt: new Date().toISOString(), size: Math.floor((body.envelope.length * 3) / 4), envelope: body.envelope };
      kept.set(body.id, item);
      if (kept.size > BARE_KEEPS) kept.delete(kept.keys().next().value!);
      const text = JSON.stringify({ id: body.id, createdAt: item.createdAt, seenAt: null, size: item.size });
      res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  const url = await listen(server, 0, '127.0.0.1');
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  send({ url, token: '', adviserToken: '' });
} else {
  const kind = process.env.BENCH_STORE ?? 'memory';
  const driver = timed(kind === 'postgres' ? await openPostgres(process.env.DATABASE_URL!) : await openPglite(kind === 'disk' ? process.env.DATA_DIR! : null));
  const store: Store = createSqlStore(driver);
  await store.migrate();
  // Production settings but for the rate limits: the default log (one JSON line per request on stdout) and push hooks.
  const api = createApiHandler({ store, config: { publicOrigin: 'http://127.0.0.1' }, rateLimits: UNLIMITED, push: { publicKey: TEST_VAPID.publicKey } });
  const server = createAppServer({ staticDir: '/nonexistent' }, new Map(), api);
  const url = await listen(server, 0, '127.0.0.1');
  const relay: Relay = { base: url, server, logs: [], clock: { ms: Date.now() }, close: async () => {} };
  const { claimantToken, adviser } = await connected(relay, store);
  close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  };
  send({ url, token: claimantToken, adviserToken: adviser.deviceToken });
}

process.on('message', (message: { type: string; name?: string }) => {
  if (message.type === 'profile-start') void startProfile().then(() => send({ type: 'profile-started' }));
  if (message.type === 'profile-stop') void stopProfile(message.name ?? target).then(() => send({ type: 'profile-stopped' }));
  if (message.type === 'usage') send({ type: 'usage', usage: process.cpuUsage() });
  if (message.type === 'sql-reset') sqlTimes.clear();
  if (message.type === 'sql') {
    for (const [sql, { n, ms }] of sqlTimes) process.stderr.write(`    sql ${String(n).padStart(5)} × ${(ms / n).toFixed(2).padStart(6)} ms  ${sql}\n`);
    send({ type: 'sql-done' });
  }
  if (message.type === 'close') void close().then(() => process.exit(0));
});
