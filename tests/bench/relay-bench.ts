// `npm run bench:relay`: POST /api/items with a 100 KB envelope, 20 at a time
// for 5 s, against PGlite in memory through a real HTTP server on 127.0.0.1.
// Rate limits are lifted so the store and HTTP path are what is measured.
import { openStore } from '../../src/server/store/open-store';
import { call, connected, envelope, startRelay, UNLIMITED, uuid } from '../support/relay-api';

const CONCURRENCY = 20;
const SECONDS = 5;
const ENVELOPE_BYTES = 100 * 1024;

const store = await openStore({ dataDir: null });
const relay = await startRelay(store, UNLIMITED);
relay.logs.length = 0;
const { claimantToken } = await connected(relay, store);
const body = envelope(ENVELOPE_BYTES);
const url = `${relay.base}/api/items`;
const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${claimantToken}` };

// Warm up.
for (let i = 0; i < 20; i++) await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: body } });

let ok = 0;
let failed = 0;
const latencies: number[] = [];
const end = performance.now() + SECONDS * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ id: uuid(), envelope: body }) });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status === 201) ok++;
      else failed++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1);
console.log(
  `POST /api/items, ${ENVELOPE_BYTES / 1024} KB envelope, concurrency ${CONCURRENCY}, ${elapsed.toFixed(1)} s on PGlite (in memory): ` +
    `${(ok / elapsed).toFixed(0)} req/s (${ok} created, ${failed} failed), p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`,
);
await relay.close();
await store.close();
