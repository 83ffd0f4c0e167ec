// `npm run bench:push`: pushes per second from the sender to a stand-in push
// service on 127.0.0.1 (HTTPS, keep-alive): 2000 due reminders, batches of 100,
// 20 in flight, PGlite in memory. Each push is encrypted (aes128gcm, a fresh
// ECDH key) and VAPID-signed, and its outcome recorded, as in production.
import { Agent } from 'node:https';
import webpush from 'web-push';
import { migrate } from '../../src/server/store/migrations';
import { openPglite } from '../../src/server/store/pglite-driver';
import { startScheduler } from '../../src/server/push/scheduler';
import { insertManyReminders, insertSubscriber } from '../support/push-rows';
import { startPushService } from '../support/push-service';

const COUNT = Number(process.env.PUSH_BENCH_COUNT ?? 2000);
const CONCURRENCY = Number(process.env.PUSH_BENCH_CONCURRENCY ?? 20);
const BATCH = 100;

const service = await startPushService();
const driver = await openPglite(null);
await migrate(driver);
const keys = webpush.generateVAPIDKeys();
const agent = new Agent({ ca: service.ca, keepAlive: true, maxSockets: CONCURRENCY });
const scheduler = startScheduler({
  driver,
  vapid: { subject: 'mailto:bench@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey },
  agent,
  batch: BATCH,
  concurrency: CONCURRENCY,
  loop: false,
});

// Warm up (TLS sessions, JIT).
const warm = await insertSubscriber(driver, service.origin);
await insertManyReminders(driver, warm.id, 100, new Date(Date.now() - 1000));
while ((await scheduler.runOnce()) > 0);

const subscriber = await insertSubscriber(driver, service.origin);
await insertManyReminders(driver, subscriber.id, COUNT, new Date(Date.now() - 1000));
const before = service.requests.length;
const started = performance.now();
let claimed = 0;
for (let n = await scheduler.runOnce(); n > 0; n = await scheduler.runOnce()) claimed += n;
const seconds = (performance.now() - started) / 1000;
const received = service.requests.length - before;
const [{ sent } = { sent: '0' }] = await driver.query<{ sent: string }>("SELECT count(*) AS sent FROM reminders WHERE state = 'sent' AND subscriber_id = $1", [
  subscriber.id,
]);

console.log(`push sender: ${COUNT} reminders, batch ${BATCH}, concurrency ${CONCURRENCY}`);
console.log(`  claimed ${claimed}, received by the push service ${received}, recorded sent ${sent}`);
console.log(`  ${seconds.toFixed(2)} s → ${Math.round(received / seconds)} pushes/second`);

await scheduler.stop();
agent.destroy();
await driver.close();
await service.close();
