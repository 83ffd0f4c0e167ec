// The push sender's connections: keep-alive (one TLS connection carries many
// pushes, counted on the stand-in push service), and an idle connection is
// closed by the sender before the push service's announced keep-alive timeout,
// so a push never goes out on a connection the service has just closed (it
// failed with ECONNRESET and waited for a retry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import type { SqlDriver } from '../../../src/server/store/driver';
import type { Store } from '../../../src/server/store/store';
import { createPushAgent, PUSH_IDLE_SOCKET_MS } from '../../../src/server/push/endpoint-policy';
import { startScheduler } from '../../../src/server/push/scheduler';
import type { Outcome } from '../../../src/server/push/send';
import { insertManyReminders, insertSubscriber } from '../../support/push-rows';
import { startPushService, type PushService } from '../../support/push-service';
import { openTestStore, PGLITE } from '../../support/store-adapters';

const keys = webpush.generateVAPIDKeys();
const vapid = { subject: 'mailto:test@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey };

let store: Store;
let driver: SqlDriver;
let close: (() => Promise<void>) | undefined;
const services: PushService[] = [];

beforeAll(async () => {
  ({ store, driver, close } = await openTestStore(PGLITE));
}, 30_000);
afterAll(async () => {
  await close?.();
  for (const service of services) await service.close();
});

async function sendDue(service: PushService, agent: ReturnType<typeof createPushAgent>, count: number, concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const scheduler = startScheduler({ store, vapid, agent, policy: service.policy, loop: false, concurrency, onOutcome: (_r, outcome) => outcomes.push(outcome) });
  const subscriber = await insertSubscriber(driver, service.origin);
  await insertManyReminders(driver, subscriber.id, count, new Date(Date.now() - 1000));
  while ((await scheduler.runOnce()) > 0);
  await scheduler.stop();
  return outcomes;
}

describe('push sender connections', () => {
  it('reuses one TLS connection per push in flight for many pushes to one push service', async () => {
    const service = await startPushService();
    services.push(service);
    const agent = createPushAgent(service.policy, { ca: service.ca, maxSockets: 3 });
    const outcomes = await sendDue(service, agent, 30, 3);
    expect(outcomes.map((outcome) => outcome.type)).toEqual(Array(30).fill('sent'));
    expect(service.requests).toHaveLength(30);
    expect(service.connections).toBeGreaterThanOrEqual(1);
    expect(service.connections).toBeLessThanOrEqual(3);
    agent.destroy();
  });

  it('closes an idle connection a second before the push service would (its Keep-Alive: timeout), then connects again', async () => {
    const service = await startPushService({ keepAliveTimeoutMs: 2000 });
    services.push(service);
    const agent = createPushAgent(service.policy, { ca: service.ca, maxSockets: 1 });
    expect(PUSH_IDLE_SOCKET_MS).toBeGreaterThan(2000);
    expect((await sendDue(service, agent, 1, 1)).map((outcome) => outcome.type)).toEqual(['sent']);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
    // After 1.5 s the service (2 s) still holds it open; the sender has let it go (at 1 s).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(0);
    expect((await sendDue(service, agent, 2, 1)).map((outcome) => outcome.type)).toEqual(['sent', 'sent']);
    expect(service.connections).toBe(2);
    agent.destroy();
  });
});
