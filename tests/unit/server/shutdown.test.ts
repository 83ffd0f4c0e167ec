// Graceful shutdown of the real relay (src/server/main.ts as a child process):
// on SIGTERM it stops accepting connections, finishes the request in flight
// (held open by a slow body) and the pushes in flight, gives back the claimed
// reminders it had not started (due again, not counted as a try), closes the
// store and exits 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../../src/server/store/pglite-driver';
import { migrate } from '../../../src/server/store/migrations';
import { insertManyReminders, insertSubscriber } from '../../support/push-rows';
import { startPushService, type PushService } from '../../support/push-service';

const REMINDERS = 20;
const CONCURRENCY = 2;
let dir: string;
let service: PushService;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uc-shutdown-'));
  mkdirSync(join(dir, 'static'));
  service = await startPushService();
  // Every push takes 1.5 s to be answered: some are in flight when SIGTERM comes.
  service.answer = () => ({ delayMs: 1500 });
  const driver = await openPglite(join(dir, 'data'));
  await migrate(driver);
  const subscriber = await insertSubscriber(driver, service.origin);
  await insertManyReminders(driver, subscriber.id, REMINDERS, new Date(Date.now() - 1000));
  await driver.close();
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

function startRelay(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const relay = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      STATIC_DIR: join(dir, 'static'),
      DATABASE_URL: '',
      PUSH_CA_FILE: service.caFile,
      PUSH_ENDPOINT_HOSTS: new URL(service.origin).host,
      PUSH_CONCURRENCY: String(CONCURRENCY),
      PUSH_BATCH: String(REMINDERS),
      PUSH_INTERVAL_MS: '600000',
      SHUTDOWN_GRACE_MS: '20000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = relay;
  let output = '';
  relay.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    relay.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[0-9.:]+)/.exec(output);
      if (match) resolve({ child: relay, base: match[1]!, output: () => output });
    });
    relay.once('exit', (code) => reject(new Error(`relay exited ${code}: ${output}`)));
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request and pushes in flight, releases the other claimed reminders and exits 0', async () => {
    const relay = await startRelay();
    await service.waitFor(CONCURRENCY);

    // A request in flight: headers and half the body sent, the rest after SIGTERM.
    const body = JSON.stringify({ code: 'ABCD-EFGH-J', claimantPublicKey: 'A'.repeat(87) });
    const url = new URL('/api/connections', relay.base);
    const answer = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
      const req = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        relay.child.kill('SIGTERM');
        // Still running while the request is in flight.
        setTimeout(() => {
          expect(relay.child.exitCode).toBeNull();
          req.end(body.slice(20));
        }, 400);
      }, 100);
    });
    const exited = new Promise<number | null>((resolve) => relay.child.once('exit', (code) => resolve(code)));

    const response = await answer;
    // The relay answered it as it would any time (the body is read and checked), not with a reset connection.
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(JSON.parse(response.text)).toHaveProperty('error');
    expect(await exited).toBe(0);
    expect(relay.output()).toContain('"msg":"stopped"');

    // New connections are refused once it has gone.
    await expect(fetch(`${relay.base}/health`)).rejects.toThrow();

    // Pushes in flight were finished and recorded; the rest were given back, due now, with no try counted.
    const driver = await openPglite(join(dir, 'data'));
    try {
      const rows = await driver.query<{ state: string; attempts: number; claimed_until: Date | null; n: number }>(
        `SELECT state, attempts, claimed_until IS NULL AS unclaimed, count(*)::int AS n FROM reminders GROUP BY 1, 2, 3 ORDER BY 1`,
      );
      const sent = service.requests.length;
      expect(sent).toBeGreaterThanOrEqual(CONCURRENCY);
      expect(sent).toBeLessThan(REMINDERS);
      expect(rows).toEqual([
        { state: 'due', attempts: 0, unclaimed: true, n: REMINDERS - sent },
        { state: 'sent', attempts: 1, unclaimed: true, n: sent },
      ]);
    } finally {
      await driver.close();
    }
  }, 180_000);
});
