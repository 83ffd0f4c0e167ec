// Property test: random and malformed requests at every route never give a
// 5xx, and every error is JSON with an `error` code.
import { endpointPolicy } from '../../../src/server/push/endpoint-policy';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newToken } from '../../../src/server/api/auth';
import { ROUTE_LIST } from '../../../src/server/api/routes';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';
import { randomBytes } from 'node:crypto';
import { call, connected, envelope, publicKey, requestDevice, signDeviceKey, startRelay, TEST_VAPID, uuid, type Relay } from '../../support/relay-api';

let store: Store;
let relay: Relay;
let tokens: {
  adviser: string;
  claimant: string;
  connectionId: string;
  code: string;
  key: string;
  requestId: string;
  pollToken: string;
  signature: string;
  signingKey: string;
  subscriber: string;
  reminderId: string;
};

async function fresh(): Promise<void> {
  const c = await connected(relay, store);
  const invite = await call(relay, 'POST', '/api/adviser/invites', { token: c.adviser.deviceToken, body: { label: 'fuzz' } });
  const device = await requestDevice(relay, c.adviser);
  const sub = await call(relay, 'POST', '/api/push/subscribers', {
    body: { subscription: pushSubscription(), claimantToken: c.claimantToken },
  });
  const subscriber = sub.body.subscriberToken as string;
  await call(relay, 'PUT', '/api/push/preferences', {
    token: subscriber,
    body: { replies: true, journal: { days: 127, minute: 600 }, quiet: { start: 0, end: 0 }, deadlines: [] },
  });
  const [reminder] = await store.listReminders((await store.findSubscriber(hashSecret(subscriber)))!.id);
  tokens = {
    adviser: c.adviser.deviceToken,
    claimant: c.claimantToken,
    connectionId: c.connectionId,
    code: invite.body.code,
    key: publicKey(),
    requestId: device.requestId,
    pollToken: device.pollToken,
    // Sometimes a real approval of the pending request, sometimes (for other keys) a forgery.
    signature: await signDeviceKey(c.adviser.signer, device.publicKey),
    signingKey: c.adviser.signingKey,
    subscriber,
    reminderId: reminder!.id,
  };
}

function pushSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/${uuid()}`) {
  return { endpoint, keys: { p256dh: publicKey(), auth: randomBytes(16).toString('base64url') } };
}

beforeAll(async () => {
  store = await openStore({ dataDir: null });
  relay = await startRelay(store, undefined, { publicKey: TEST_VAPID.publicKey, endpoints: endpointPolicy(['127.0.0.1:9']) });
  await fresh();
});
afterAll(async () => {
  await relay?.close();
  await store?.close();
});

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 60 });

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constant('SEG') }, // keeps the real parameter (filled in below)
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%80', '%00', '..', '.', '%2F', 'a%2Fb', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom('k7m-2qx-9pd', '222222222', 'OOOIIILLL', 'x'.repeat(300)) },
);

/** `arbitrary` one time in `oneIn`, otherwise undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const anyMethod = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS');

/** Mostly the route's own method (to get past the router), sometimes any. */
const request = fc
  .tuple(fc.constantFrom(...ROUTE_LIST), rarely(anyMethod, 3), segment, rarely(segment, 8), rarely(printable.map(encodeURIComponent), 3))
  .map(([{ method, pattern }, otherMethod, seg, extra, query]) => {
    const real: Record<string, string> = { ':id': pattern.includes('device-requests') ? tokens.requestId : tokens.connectionId, ':code': tokens.code };
    let p = pattern.replace(/:(id|code)/, (name) => (seg === 'SEG' ? real[name]! : seg));
    if (extra !== undefined) p += `/${extra === 'SEG' ? '' : extra}`;
    if (query !== undefined) p += `?q=${query}`;
    return { m: otherMethod ?? method, p };
  });

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant('ADVISER'),
  fc.constant('CLAIMANT'),
  fc.constant('SUBSCRIBER'),
  fc.constant(`Bearer ${newToken('s_')}`),
  fc.constant(`Bearer ${newToken('a_')}`),
  fc.constant(`Bearer ${newToken('c_')}`),
  printable.map((s) => `Bearer ${s}`),
  printable,
  fc.constantFrom('Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `bearer ${'a'.repeat(2000)}`),
);

const contentType = fc.oneof(
  fc.constant('application/json'),
  fc.constant(undefined),
  fc.constantFrom(
    'text/plain',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/vnd.api+json',
  ),
  printable,
);

const shaped = fc.record(
  {
    token: fc.oneof(fc.constant(newToken('e_')), printable),
    publicKey: fc.oneof(fc.constant('KEY'), printable, fc.constant('A'.repeat(87))),
    claimantPublicKey: fc.oneof(fc.constant('KEY'), printable),
    label: fc.oneof(printable, fc.string({ maxLength: 100 }), fc.integer()),
    code: fc.oneof(fc.constant('CODE'), printable),
    id: fc.oneof(fc.uuid(), printable, fc.constant(null)),
    envelope: fc.oneof(
      fc.integer({ min: 0, max: 2000 }).map((n) => envelope(n)),
      printable,
      fc.constant(''),
    ),
    signingKey: fc.oneof(fc.constant('SIGNINGKEY'), fc.constant('KEY'), printable),
    signature: fc.oneof(fc.constant('SIGNATURE'), printable, fc.constant('A'.repeat(86))),
    device: fc.record({ publicKey: fc.oneof(fc.constant('KEY'), printable), signature: fc.oneof(fc.constant('SIGNATURE'), printable) }, { requiredKeys: [] }),
    pollToken: fc.oneof(fc.constant('POLLTOKEN'), printable, fc.constant(newToken('p_'))),
    // Push routes
    subscription: fc.oneof(
      fc.constant(pushSubscription()),
      fc.constant(pushSubscription('https://127.0.0.1:9/push')),
      fc.constant(pushSubscription('https://127.0.0.1%2eexample/push')),
      fc.record(
        {
          endpoint: fc.oneof(printable, fc.webUrl()),
          keys: fc.record({ p256dh: fc.oneof(printable, fc.constant('A'.repeat(87))), auth: printable }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      fc.json({ maxDepth: 2 }),
    ),
    claimantToken: fc.oneof(fc.constant('CLAIMANTTOKEN'), fc.constant(newToken('c_')), printable),
    adviserToken: fc.oneof(fc.constant('ADVISERTOKEN'), fc.constant(newToken('a_')), printable),
    replies: fc.oneof(fc.boolean(), printable),
    journal: fc.oneof(
      fc.constant(null),
      fc.record({ days: fc.integer({ min: -2, max: 130 }), minute: fc.oneof(fc.integer({ min: -1, max: 1441 }), fc.double()) }, { requiredKeys: [] }),
    ),
    quiet: fc.record({ start: fc.integer({ min: -1, max: 1441 }), end: fc.integer({ min: -1, max: 1441 }) }, { requiredKeys: [] }),
    deadlines: fc.array(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('appeal', 'mandatory-reconsideration', 'late-limit', 'respond', 'attend', 'claim-by'), printable),
          date: fc.oneof(
            fc.date({ min: new Date('1990-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
            printable,
          ),
          ref: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), printable),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
    reminderId: fc.oneof(fc.constant('REMINDERID'), fc.uuid(), printable),
    until: fc.oneof(fc.constantFrom('hour', 'tomorrow'), printable),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 5,
    arbitrary: shaped.map((b) =>
      JSON.stringify(b)
        .replaceAll('"KEY"', JSON.stringify(tokens.key))
        .replace('"CODE"', JSON.stringify(tokens.code))
        .replace('"SIGNINGKEY"', JSON.stringify(tokens.signingKey))
        .replaceAll('"SIGNATURE"', JSON.stringify(tokens.signature))
        .replace('"POLLTOKEN"', JSON.stringify(tokens.pollToken))
        .replace('"CLAIMANTTOKEN"', JSON.stringify(tokens.claimant))
        .replace('"ADVISERTOKEN"', JSON.stringify(tokens.adviser))
        .replace('"REMINDERID"', JSON.stringify(tokens.reminderId)),
    ),
  },
  { weight: 3, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.constantFrom('{', '[', '{"id":', 'null', '""', '1e999', '{"__proto__":{"x":1}}', '\u0000', '\uFEFF{}') },
  { weight: 1, arbitrary: fc.constant(`{"id":"${uuid()}","envelope":"${'A'.repeat(2 * 1024 * 1024 + 100)}"}`) },
);

describe('relay API fuzz', () => {
  it('never answers 5xx, and every error is JSON with an error code', async () => {
    await fc.assert(
      fc.asyncProperty(request, authorization, contentType, body, async ({ m, p }, auth, type, payload) => {
        const headers: Record<string, string> = {};
        if (auth === 'ADVISER') headers.Authorization = `Bearer ${tokens.adviser}`;
        else if (auth === 'CLAIMANT') headers.Authorization = `Bearer ${tokens.claimant}`;
        else if (auth === 'SUBSCRIBER') headers.Authorization = `Bearer ${tokens.subscriber}`;
        else if (auth !== undefined) headers.Authorization = auth;
        if (type !== undefined) headers['Content-Type'] = type;
        const withBody = payload !== undefined && m !== 'GET' && m !== 'HEAD';
        const response = await fetch(relay.base + p, { method: m, headers, ...(withBody ? { body: payload } : {}) });
        const text = await response.text();
        expect(response.status, `${m} ${p.slice(0, 100)}`).toBeLessThan(500);
        if (response.status >= 400 && m !== 'HEAD') {
          const json = JSON.parse(text) as { error?: unknown; message?: unknown };
          expect(typeof json.error).toBe('string');
          expect(typeof json.message).toBe('string');
          expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack traces
        }
        // Stopped sharing or removed a computer: connect a new client so claimant routes stay reachable.
        // A renewed computer token retires the old one on purpose: likewise start again with fresh credentials.
        if ((m === 'DELETE' && response.status === 204) || (m === 'POST' && p.startsWith('/api/adviser/device/token') && response.ok)) await fresh();
      }),
      { numRuns: 300 },
    );
    // The fuzzing did not kill the connection it shares with the adviser: the relay still works.
    const status = await call(relay, 'GET', '/api/adviser/me', { token: tokens.adviser });
    expect(status.status).toBe(200);
  }, 60_000);

  it('survives raw, malformed request lines', async () => {
    const port = new URL(relay.base).port;
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
    const requests = [
      'GET /api/adviser/connections/%E0%A4%A/items HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'GET http://evil.example/api/adviser/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'POST /api/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a"',
      'POST /api/connections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n{}',
      'GET /api//// HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ];
    for (const request of requests) {
      const answer = await raw(request);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      expect(status, request.split('\r\n')[0]).toBeGreaterThanOrEqual(400);
      expect(status, request.split('\r\n')[0]).toBeLessThan(500);
    }
    expect((await fetch(`${relay.base}/health`)).status).toBe(200);
  });
});
