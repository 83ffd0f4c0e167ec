// `npm start`: serve the built app and the relay API on http://127.0.0.1:8080
// (PORT to change). Data in ./data (PGlite) or DATABASE_URL (PostgreSQL).
// SIGTERM or SIGINT: stop accepting, finish requests and pushes in flight,
// give back claimed reminders not yet sent, close the store, exit 0 (1 when
// connections had to be cut after SHUTDOWN_GRACE_MS).
import { loadCodeSecret } from './code-secret';
import { loadConfig } from './config';
import { createApiHandler } from './api/handler';
import { defaultLog } from './api/log';
import { createMetrics, metricsHandler } from './metrics';
import { runRetention } from './retention';
import { startConfiguredScheduler } from './push/scheduler';
import { loadVapid } from './push/vapid';
import { openStore } from './store/open-store';
import { createAppServer, listen } from './server';
import { closeGracefully } from './shutdown';

const HOUR = 60 * 60 * 1000;

try {
  const config = loadConfig();
  // Before the store: a relay that cannot read or make its code key does not start.
  const codeSecret = loadCodeSecret(config.codeSecret);
  // The API and the push sender share one store (PGlite allows one per process and folder).
  const store = await openStore(config);
  const metrics = createMetrics({ store });
  const retention = () =>
    runRetention(store, config)
      .then((deleted) => {
        metrics.retention({ deleted: deleted.items });
        defaultLog({
          level: 'info',
          msg: `retention deleted ${deleted.items} items, ${deleted.invites} invites, ${deleted.deviceRequests} device codes, ${deleted.reminders} reminders, ${deleted.devices} unused computers`,
        });
      })
      .catch((error: unknown) => {
        metrics.retention({ failed: true });
        defaultLog({ level: 'error', msg: 'retention failed', error: error instanceof Error ? error.name : 'unknown' });
      });
  await retention();
  const timer = setInterval(() => void retention(), HOUR);
  timer.unref();

  // Push reminders: VAPID keys from the environment or the database (every process on one database uses the same).
  const vapid = await loadVapid(store, config);
  const pushSender = startConfiguredScheduler(store, vapid, config.pushSender, {
    onOutcome: (_reminder, outcome) => metrics.push(outcome.type),
    onError: (error) => defaultLog({ level: 'error', msg: 'push sending failed', error: error instanceof Error ? error.name : 'unknown' }),
  });

  const api = createApiHandler({
    store,
    config,
    codeSecret,
    push: { publicKey: vapid.publicKey, endpoints: config.pushSender.endpoints, wake: () => pushSender.wake() },
    onRequest: (info) => metrics.request(info),
  });
  const server = createAppServer(config, undefined, api, config.metricsToken === null ? undefined : metricsHandler(metrics, config.metricsToken));
  const url = await listen(server, config.port, config.host);
  defaultLog({ level: 'info', msg: `listening on ${url}` });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    defaultLog({ level: 'info', msg: 'stopping: finishing requests and pushes in flight' });
    clearInterval(timer);
    const [clean] = await Promise.all([closeGracefully(server, config.shutdownGraceMs), pushSender.stop()]);
    await store.close();
    defaultLog({ level: clean ? 'info' : 'warn', msg: clean ? 'stopped' : `stopped; connections still open after ${config.shutdownGraceMs} ms were cut` });
    process.exit(clean ? 0 : 1);
  };
  const onSignal = () =>
    void stop().catch((error: unknown) => {
      defaultLog({ level: 'error', msg: 'stopping failed', error: error instanceof Error ? error.name : 'unknown' });
      process.exit(1);
    });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
} catch (error) {
  console.error(`UC Companion could not start: ${(error as Error).message}`);
  process.exit(1);
}
