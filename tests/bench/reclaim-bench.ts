// How long the retention pass's reclaim (VACUUM FULL + WAL switch) takes on
// the embedded store: fills PGlite on disk with RECLAIM_ITEMS items of
// RECLAIM_KB KB on 10 connections, stops one connection, and times
// runRetention (which reclaims). `npx tsx tests/bench/reclaim-bench.ts`.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRetention } from '../../src/server/retention';
import { openStore } from '../../src/server/store/open-store';

const ITEMS = Number(process.env.RECLAIM_ITEMS ?? 500);
const KB = Number(process.env.RECLAIM_KB ?? 100);
const root = mkdtempSync(join(tmpdir(), 'uc-reclaim-'));
const dataDir = join(root, 'data');
const store = await openStore({ dataDir });
const now = new Date().toISOString();
await store.createAdviser({ name: 'A', org: 'O', enrolTokenHash: 'e', enrolExpiresAt: new Date(Date.now() + 1e9).toISOString() });
const adviser = await store.enrolAdviser({ enrolTokenHash: 'e', signingKey: 's', device: { publicKey: 'p', signature: 'g' }, deviceTokenHash: 'd', now });
const connections: string[] = [];
for (let c = 0; c < 10; c++) {
  await store.createInvite({ codeHash: `c${c}`, adviserId: adviser!.id, label: '', expiresAt: new Date(Date.now() + 1e9).toISOString() });
  const made = await store.connect({ codeHash: `c${c}`, connectionId: randomUUID(), claimantPublicKey: 'k', claimantTokenHash: `t${c}`, now });
  connections.push(made!.connection.id);
}
for (let i = 0; i < ITEMS; i++) {
  const envelope = randomBytes(KB * 1024).toString('base64url');
  await store.addItem({ id: randomUUID(), connectionId: connections[i % 10]!, direction: 'to-adviser', envelope, size: KB * 1024, createdAt: now });
}
await store.stopConnection(connections[0]!, now);
const started = performance.now();
await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90 });
const ms = performance.now() - started;
await store.close();
rmSync(root, { recursive: true, force: true });
rmSync(`${dataDir}.lock`, { force: true });
console.log(`${ITEMS} items of ${KB} KB (${Math.round((ITEMS * KB) / 1024)} MB), one connection stopped: retention with reclaim took ${Math.round(ms)} ms`);
