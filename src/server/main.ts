// `npm start`: serve the built app and the relay API on http://127.0.0.1:8080
// (PORT to change). Data in ./data (PGlite) or DATABASE_URL (PostgreSQL).
import { loadCodeSecret } from './code-secret';
import { loadConfig } from './config';
import { createApiHandler } from './api/handler';
import { defaultLog } from './api/log';
import { runRetention } from './retention';
import { startConfiguredScheduler } from './push/scheduler';
import { loadVapid } from './push/vapid';
import { openStore } from './store/open-store';
import { createAppServer, listen } from './server';

const HOUR = 60 * 60 * 1000;

try {
  const config = loadConfig();
  // Before the store: a relay that cannot read or make its code key does not start.
  const codeSecret = loadCodeSecret(config.codeSecret);
  // The API and the push sender share one store (PGlite allows one per process and folder).
  const store = await openStore(config);
  const retention = () =>
    runRetention(store, config)
      .then((deleted) =>
        defaultLog({
          level: 'info',
          msg: `retention deleted ${deleted.items} items, ${deleted.invites} invites, ${deleted.deviceRequests} device codes, ${deleted.reminders} reminders, ${deleted.devices} unused computers`,
        }),
      )
      .catch((error: unknown) => defaultLog({ level: 'error', msg: 'retention failed', error: error instanceof Error ? error.name : 'unknown' }));
  await retention();
  const timer = setInterval(() => void retention(), HOUR);
  timer.unref();

  // Push reminders: VAPID keys from the environment or the database (every process on one database uses the same).
  const vapid = await loadVapid(store, config);
  const pushSender = startConfiguredScheduler(store, vapid, config.pushSender, {
    onError: (error) => defaultLog({ level: 'error', msg: 'push sending failed', error: error instanceof Error ? error.name : 'unknown' }),
  });

  const server = createAppServer(
    config,
    undefined,
    createApiHandler({
      store,
      config,
      codeSecret,
      push: { publicKey: vapid.publicKey, endpoints: config.pushSender.endpoints, wake: () => pushSender.wake() },
    }),
  );
  const url = await listen(server, config.port, config.host);
  defaultLog({ level: 'info', msg: `listening on ${url}` });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    server.close(() => {
      pushSender
        .stop()
        .then(() => store.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    server.closeIdleConnections();
    // Don't wait forever for keep-alive clients.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`UC Companion could not start: ${(error as Error).message}`);
  process.exit(1);
}
