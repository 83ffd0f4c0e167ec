// One relay process for `npm run bench:relays`: what src/server/main.ts runs
// (the API, the push sender with keep-alive TLS, the production request log
// to stdout, which the bench discards), on DATABASE_URL, with the rate limits
// lifted so that the load, not the limiter, is measured. Configured by the
// same environment as the server (PUSH_*). Says {url} over IPC when ready;
// 'usage' answers its CPU time; 'close' stops it as SIGTERM stops the server.
import { createApiHandler } from '../../src/server/api/handler';
import { loadCodeSecret } from '../../src/server/code-secret';
import { loadConfig } from '../../src/server/config';
import { startConfiguredScheduler } from '../../src/server/push/scheduler';
import { loadVapid } from '../../src/server/push/vapid';
import { createAppServer, listen } from '../../src/server/server';
import { closeGracefully } from '../../src/server/shutdown';
import { openStore } from '../../src/server/store/open-store';
import { UNLIMITED } from '../support/relay-api';

const config = loadConfig();
// The bench gives both relays the same CODE_HASH_SECRET, as a real deployment must: an invite made on one is found on the other.
const codeSecret = loadCodeSecret(config.codeSecret);
const store = await openStore(config);
const vapid = await loadVapid(store, config);
const outcomes = new Map<string, number>();
const sender = startConfiguredScheduler(store, vapid, config.pushSender, {
  onOutcome: (_reminder, outcome) => outcomes.set(outcome.type, (outcomes.get(outcome.type) ?? 0) + 1),
  onError: (error) => process.stderr.write(`push pass failed: ${error instanceof Error ? error.message : String(error)}\n`),
});
const api = createApiHandler({ store, config, codeSecret, rateLimits: UNLIMITED, push: { publicKey: vapid.publicKey, wake: () => sender.wake() } });
const server = createAppServer({ staticDir: '/nonexistent' }, new Map(), api);
const url = await listen(server, 0, '127.0.0.1');
process.send?.({ type: 'ready', url });

process.on('message', (message: { type: string }) => {
  if (message.type === 'usage') process.send?.({ type: 'usage', usage: process.cpuUsage(), outcomes: Object.fromEntries(outcomes) });
  if (message.type === 'close') {
    void Promise.all([closeGracefully(server, 5000), sender.stop()])
      .then(() => store.close())
      .then(() => process.exit(0));
  }
});
