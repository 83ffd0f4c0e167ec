// GET /metrics: Prometheus text format, only with METRICS_TOKEN as a bearer
// token; requests by route pattern and status, latency histograms, items
// stored, the push queue, pushes and retention runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createApiHandler } from '../../../src/server/api/handler';
import { loadConfig } from '../../../src/server/config';
import { createMetrics, metricsHandler, type RelayMetrics } from '../../../src/server/metrics';
import { createAppServer, listen } from '../../../src/server/server';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';
import { call, connected, envelope, TEST_VAPID, UNLIMITED, uuid, type Relay } from '../../support/relay-api';

const TOKEN = 'm'.repeat(40);
let store: Store;
let metrics: RelayMetrics;
let server: Server;
let relay: Relay;

beforeAll(async () => {
  store = await openStore({ dataDir: null });
  metrics = createMetrics({ store });
  const api = createApiHandler({
    store,
    config: { publicOrigin: 'http://127.0.0.1' },
    rateLimits: UNLIMITED,
    push: { publicKey: TEST_VAPID.publicKey },
    log: () => {},
    onRequest: (info) => metrics.request(info),
  });
  server = createAppServer({ staticDir: '/nonexistent' }, new Map(), api, metricsHandler(metrics, TOKEN));
  const base = await listen(server, 0, '127.0.0.1');
  relay = { base, server, logs: [], clock: { ms: Date.now() }, close: async () => {} };
}, 30_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

const scrape = (token?: string) => fetch(`${relay.base}/metrics`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

/** The value of one sample line, e.g. `uc_items_stored{direction="to-adviser"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('refuses a scrape without the bearer token, or with the wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('x'.repeat(40))).status).toBe(401);
    const response = await scrape(TOKEN.slice(1));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('uc_');
  });

  it('does not exist when no token is configured', async () => {
    const bare = createAppServer({ staticDir: '/nonexistent' }, new Map(), undefined, undefined);
    const base = await listen(bare, 0, '127.0.0.1');
    try {
      expect((await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
    expect((await fetch(relay.base + '/metrics', { method: 'GET' })).status).toBe(401);
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });

  it('counts requests by route pattern and status, with latency histograms, items stored, pushes and retention', async () => {
    const { claimantToken, adviser, connectionId } = await connected(relay, store);
    for (let i = 0; i < 3; i++) {
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(201);
    }
    expect((await call(relay, 'POST', '/api/items', { token: 'nonsense', body: {} })).status).toBe(401);
    expect((await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken })).status).toBe(200);
    expect((await call(relay, 'GET', '/api/no/such/route')).status).toBe(404);
    metrics.push('sent');
    metrics.push('sent');
    metrics.push('retry');
    metrics.retention({ deleted: 4 });
    metrics.retention({ failed: true });

    const response = await scrape(TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'uc_http_requests_total{route="/api/items",method="POST",status="201"}')).toBe(3);
    expect(sample(text, 'uc_http_requests_total{route="/api/items",method="POST",status="401"}')).toBe(1);
    expect(sample(text, 'uc_http_requests_total{route="/api/adviser/connections/:id/items",method="GET",status="200"}')).toBe(1);
    expect(sample(text, 'uc_http_requests_total{route="unmatched",method="GET",status="404"}')).toBe(1);
    expect(sample(text, 'uc_http_request_duration_seconds_count{route="/api/items",method="POST"}')).toBe(4);
    expect(text).toMatch(/uc_http_request_duration_seconds_bucket\{le="0.1",route="\/api\/items",method="POST"\} \d/);
    expect(sample(text, 'uc_items_stored{direction="to-adviser"}')).toBe(3);
    expect(sample(text, 'uc_items_stored{direction="to-claimant"}')).toBe(0);
    // The new items queued one reminder for the adviser's devices only if they subscribed: none here.
    expect(sample(text, 'uc_push_queue{state="due"}')).toBe(0);
    expect(sample(text, 'uc_push_queue{state="sending"}')).toBe(0);
    expect(sample(text, 'uc_pushes_total{outcome="sent"}')).toBe(2);
    expect(sample(text, 'uc_pushes_total{outcome="retry"}')).toBe(1);
    expect(sample(text, 'uc_retention_runs_total{result="ok"}')).toBe(1);
    expect(sample(text, 'uc_retention_runs_total{result="failed"}')).toBe(1);
    expect(sample(text, 'uc_retention_deleted_items_total')).toBe(4);
    expect(text).toContain('uc_process_cpu_seconds_total');
    // Labels are patterns: no id or token ever appears.
    expect(text).not.toContain(connectionId);
    expect(text).not.toContain(claimantToken);
  });
});
