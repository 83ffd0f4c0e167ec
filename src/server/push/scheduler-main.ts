// The push sender on its own, as a child process (tests, or a separate worker
// next to PostgreSQL): `tsx src/server/push/scheduler-main.ts`. Configured
// like the server (config.ts, README): DATABASE_URL or DATA_DIR, PUSH_SUBJECT,
// VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (or the pair the relay keeps in the
// database), PUSH_INTERVAL_MS, PUSH_BATCH, PUSH_LEASE_MS, PUSH_CONCURRENCY,
// PUSH_TIMEOUT_MS, PUSH_ENCRYPT_THREADS, PUSH_CA_FILE, PUSH_ENDPOINT_HOSTS. Logs one JSON line per send to stdout.
import { loadConfig } from '../config';
import { openStore } from '../store/open-store';
import { startConfiguredScheduler } from './scheduler';
import { loadVapid } from './vapid';

try {
  const config = loadConfig();
  const store = await openStore(config);
  const vapid = await loadVapid(store, config);
  const scheduler = startConfiguredScheduler(store, vapid, config.pushSender, {
    onOutcome: (reminder, outcome) => {
      const status = 'status' in outcome ? outcome.status : undefined;
      process.stdout.write(`${JSON.stringify({ pid: process.pid, id: reminder.id, attempt: reminder.attempts, outcome: outcome.type, status })}\n`);
    },
    onError: (error) => process.stderr.write(`push pass failed: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ready: true })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void scheduler
      .stop()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`push sender could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
