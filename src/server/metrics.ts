// Prometheus metrics (prom-client), served at /metrics only when METRICS_TOKEN
// is set, to a request with `Authorization: Bearer <METRICS_TOKEN>`. Labels
// are route patterns (/api/invites/:code), methods, statuses and outcomes:
// never ids, tokens, addresses or anything a request carried.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from './store/store';

export interface RelayMetrics {
  registry: Registry;
  /** One API request, by route pattern (or 'unmatched'), method and status. */
  request(info: { method: string; route: string; status: number; seconds: number }): void;
  /** One push's outcome (sent, gone, retry, failed). */
  push(outcome: string): void;
  /** One retention run: how many items it deleted, or that it failed. */
  retention(result: { deleted: number } | { failed: true }): void;
}

export function createMetrics(options: { store?: Pick<Store, 'countStored'>; defaultMetrics?: boolean } = {}): RelayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'uc_' });
  const requests = new Counter({
    name: 'uc_http_requests_total',
    help: 'API requests by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'uc_http_request_duration_seconds',
    help: 'API request latency by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pushes = new Counter({
    name: 'uc_pushes_total',
    help: 'Pushes sent by this process, by outcome (sent, gone, retry, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const retentionRuns = new Counter({
    name: 'uc_retention_runs_total',
    help: 'Retention runs by result (ok, failed).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const retentionDeleted = new Counter({
    name: 'uc_retention_deleted_items_total',
    help: 'Items deleted by retention runs.',
    registers: [registry],
  });
  const store = options.store;
  if (store) {
    // Read from the database at each scrape: every relay process on one database reports the same figures.
    let pending: ReturnType<Store['countStored']> | null = null;
    const counts = () => (pending ??= store.countStored().finally(() => (pending = null)));
    new Gauge({
      name: 'uc_items_stored',
      help: 'Items (and replies) in the store, by direction.',
      labelNames: ['direction'] as const,
      registers: [registry],
      async collect() {
        const c = await counts();
        this.set({ direction: 'to-adviser' }, c.itemsToAdviser);
        this.set({ direction: 'to-claimant' }, c.itemsToClaimant);
      },
    });
    new Gauge({
      name: 'uc_push_queue',
      help: 'Push reminders waiting in the store: due now, due later, or being sent (claimed).',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const c = await counts();
        this.set({ state: 'due' }, c.remindersDueNow);
        this.set({ state: 'scheduled' }, c.remindersLater);
        this.set({ state: 'sending' }, c.remindersSending);
      },
    });
  }
  return {
    registry,
    request({ method, route, status, seconds }) {
      requests.inc({ route, method, status: String(status) });
      duration.observe({ route, method }, seconds);
    },
    push(outcome) {
      pushes.inc({ outcome });
    },
    retention(result) {
      if ('failed' in result) {
        retentionRuns.inc({ result: 'failed' });
        return;
      }
      retentionRuns.inc({ result: 'ok' });
      retentionDeleted.inc(result.deleted);
    },
  };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * GET /metrics: 404 when no token is configured (the endpoint does not exist),
 * 401 without the right bearer token (compared in constant time), else the
 * Prometheus text format.
 */
export function metricsHandler(metrics: RelayMetrics, token: string | null): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const expected = token === null ? null : digest(token);
  return async (req, res) => {
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (expected === null) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization?.trim() ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      res.writeHead(401, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
      res.end('Unauthorized\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    try {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { ...headers, 'Content-Type': metrics.registry.contentType });
      res.end(req.method === 'HEAD' ? undefined : text);
    } catch {
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Metrics could not be read\n');
    }
  };
}
