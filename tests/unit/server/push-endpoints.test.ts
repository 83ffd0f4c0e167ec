// Pushes go only to push services: the endpoint allow-list and its parser
// tricks, the normalised URL, and the connect-time refusal of addresses inside
// a network (names that resolve to them included), against a stand-in push
// service on 127.0.0.1 that is let through only where it is configured.
import { randomUUID } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { loadConfig } from '../../../src/server/config';
import {
  createPushAgent,
  DEFAULT_POLICY,
  endpointPolicy,
  guardedLookup,
  isBlockedAddress,
  normalisePushEndpoint,
  parseHostRule,
} from '../../../src/server/push/endpoint-policy';
import { sendPush } from '../../../src/server/push/send';
import type { ClaimedReminder } from '../../../src/server/store/store';
import { startPushService, type PushService } from '../../support/push-service';

const keys = webpush.generateVAPIDKeys();
const vapid = { subject: 'mailto:test@example.org', publicKey: keys.publicKey, privateKey: keys.privateKey };

describe('the endpoint allow-list', () => {
  it('takes the real push services, and gives back the WHATWG href', () => {
    for (const [endpoint, stored] of [
      ['https://fcm.googleapis.com/fcm/send/abc', 'https://fcm.googleapis.com/fcm/send/abc'],
      ['https://FCM.googleapis.COM/fcm/send/a b', 'https://fcm.googleapis.com/fcm/send/a%20b'],
      ['https://updates.push.services.mozilla.com/wpush/v2/x', 'https://updates.push.services.mozilla.com/wpush/v2/x'],
      ['https://push.services.mozilla.com/x', 'https://push.services.mozilla.com/x'],
      ['https://wns2-db5p.notify.windows.com/w/?token=x', 'https://wns2-db5p.notify.windows.com/w/?token=x'],
      ['https://web.push.apple.com/QGm', 'https://web.push.apple.com/QGm'],
      ['https://api.push.apple.com/3/device/x', 'https://api.push.apple.com/3/device/x'],
      ['https://fcm.googleapis.com:443/fcm/send/abc', 'https://fcm.googleapis.com/fcm/send/abc'],
    ]) {
      expect(normalisePushEndpoint(endpoint!, DEFAULT_POLICY), endpoint).toBe(stored);
    }
  });

  it('refuses everything else, parser tricks included', () => {
    for (const endpoint of [
      'https://127.0.0.1%2eexample/push', // the validator and the sender once read this two ways
      'https://127.0.0.1/push',
      'https://2130706433/push', // 127.0.0.1 as a decimal number
      'https://0x7f000001/push',
      'https://017700000001/push',
      'https://127.1/push',
      'https://[::1]/push',
      'https://[::ffff:7f00:1]/push',
      'https://169.254.169.254/latest/meta-data/',
      'https://localhost/push',
      'https://fcm.googleapis.com.evil.example/push',
      'https://evil.example/fcm.googleapis.com/push',
      'https://fcm.googleapis.com@evil.example/push',
      'https://evil.example\\@fcm.googleapis.com/push',
      'https://user:pw@fcm.googleapis.com/push',
      'https://fcm.googleapis.com:8443/push',
      'http://fcm.googleapis.com/push',
      'https://notify.windows.com/push',
      'https://push.apple.com/push',
      'https://fcm.googleapis.com./push',
      'https://fcm.googleapis.com/push#frag',
      'wss://fcm.googleapis.com/push',
      'not a url',
    ]) {
      expect(normalisePushEndpoint(endpoint, DEFAULT_POLICY), endpoint).toBeNull();
    }
  });

  it('is extended by PUSH_ENDPOINT_HOSTS (names, *.subdomains, a test host with its port)', () => {
    const config = loadConfig({ PUSH_ENDPOINT_HOSTS: 'push.example.org, *.push.example.net,127.0.0.1:8443' });
    const policy = config.pushSender.endpoints;
    expect(normalisePushEndpoint('https://push.example.org/x', policy)).toBe('https://push.example.org/x');
    expect(normalisePushEndpoint('https://eu.push.example.net/x', policy)).toBe('https://eu.push.example.net/x');
    expect(normalisePushEndpoint('https://127.0.0.1:8443/x', policy)).toBe('https://127.0.0.1:8443/x');
    expect(normalisePushEndpoint('https://127.0.0.1/x', policy)).toBeNull();
    expect(normalisePushEndpoint('https://fcm.googleapis.com/x', policy)).not.toBeNull();
    expect(normalisePushEndpoint('https://127.0.0.1:8443/x', loadConfig({}).pushSender.endpoints)).toBeNull();
    for (const bad of ['https://push.example.org', 'push.example.org/x', 'a@b', '*.1.2.3.4', 'push.example.org:443x']) {
      expect(() => parseHostRule(bad), bad).toThrow(/PUSH_ENDPOINT_HOSTS/);
    }
  });
});

describe('addresses inside a network', () => {
  it('are blocked: private, loopback, link-local, unique-local, CGNAT, multicast and the like', () => {
    for (const address of [
      '0.0.0.0',
      '10.1.2.3',
      '100.64.0.1',
      '100.127.255.254',
      '127.0.0.1',
      '127.255.0.9',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '198.18.0.1',
      '224.0.0.251',
      '239.255.255.250',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:c0a8:0101::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      'not an address',
    ]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
  });

  it('are not: public IPv4 and IPv6', () => {
    for (const address of ['142.250.180.10', '8.8.8.8', '100.63.255.255', '100.128.0.1', '172.32.0.1', '2a00:1450:4009:81f::200a', '2002:808:808::1']) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
  });
});

describe('the connect-time check', () => {
  const resolveTo =
    (table: Record<string, LookupAddress[]>) => (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) =>
      setImmediate(() => callback(null, table[hostname] ?? []));
  const lookupOf = (lookup: ReturnType<typeof guardedLookup>, hostname: string, all: boolean) =>
    new Promise<{ error: (Error & { code?: string }) | null; result: unknown }>((resolve) =>
      (lookup as unknown as (h: string, o: object, cb: (e: Error | null, a?: unknown) => void) => void)(hostname, { all }, (error, result) =>
        resolve({ error: error as (Error & { code?: string }) | null, result }),
      ),
    );

  it('refuses a name when any of its addresses is inside a network', async () => {
    const lookup = guardedLookup(
      new Set(),
      resolveTo({
        'inside.example': [{ address: '127.0.0.1', family: 4 }],
        'mixed.example': [
          { address: '142.250.180.10', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ],
        'v6.example': [{ address: 'fd00::7', family: 6 }],
        'public.example': [
          { address: '142.250.180.10', family: 4 },
          { address: '2a00:1450:4009:81f::200a', family: 6 },
        ],
      }),
    );
    for (const name of ['inside.example', 'mixed.example', 'v6.example']) {
      for (const all of [true, false]) expect((await lookupOf(lookup, name, all)).error?.code, name).toBe('EPUSHADDRESS');
    }
    expect(await lookupOf(lookup, 'public.example', false)).toEqual({ error: null, result: '142.250.180.10' });
    expect((await lookupOf(lookup, 'public.example', true)).result).toHaveLength(2);
  });

  describe('against a stand-in push service on 127.0.0.1', () => {
    let service: PushService;
    beforeAll(async () => {
      service = await startPushService();
    }, 30_000);
    afterAll(() => service?.close());

    function reminder(endpoint: string): ClaimedReminder {
      const ecdh = webpush.generateVAPIDKeys(); // any P-256 public key will do for p256dh
      return {
        id: randomUUID(),
        subscriberId: randomUUID(),
        kind: 'reply',
        dueAt: new Date(),
        ref: null,
        deadlineId: null,
        deadlineDate: null,
        attempts: 1,
        claimedUntil: new Date(Date.now() + 60_000),
        endpoint,
        p256dh: ecdh.publicKey,
        auth: Buffer.alloc(16, 7).toString('base64url'),
        quiet: { start: 0, end: 0 },
        hints: [],
      };
    }

    it('a name that resolves to 127.0.0.1 (localhost) is refused when connecting, even when listed', async () => {
      const port = new URL(service.origin).port;
      const policy = endpointPolicy([`localhost:${port}`]);
      const agent = createPushAgent(policy, { ca: service.ca });
      const before = service.requests.length;
      const outcome = await sendPush(reminder(`https://localhost:${port}/push/x`), { vapid, agent, policy });
      agent.destroy();
      expect(outcome).toEqual({ type: 'failed', error: 'EPUSHADDRESS' });
      expect(service.requests.length).toBe(before);
    });

    it('a listed name whose DNS answer is 127.0.0.1 is refused too', async () => {
      const port = new URL(service.origin).port;
      const policy = endpointPolicy([`push.test.example:${port}`]);
      const agent = createPushAgent(policy, { ca: service.ca }, resolveTo({ 'push.test.example': [{ address: '127.0.0.1', family: 4 }] }));
      const outcome = await sendPush(reminder(`https://push.test.example:${port}/push/x`), { vapid, agent, policy });
      agent.destroy();
      expect(outcome).toEqual({ type: 'failed', error: 'EPUSHADDRESS' });
    });

    it('an IP literal is refused unless the operator listed that very host', async () => {
      const before = service.requests.length;
      // Through the relay's own agent (no lookup happens for an IP literal, so send.ts checks it).
      const unlisted = endpointPolicy([]);
      const agent = createPushAgent(unlisted, { ca: service.ca });
      const refused = await sendPush(reminder(`${service.origin}/push/x`), { vapid, agent, policy: unlisted });
      expect(refused.type).toBe('failed');
      expect(service.requests.length).toBe(before);
      agent.destroy();

      const listed = createPushAgent(service.policy, { ca: service.ca });
      const sent = await sendPush(reminder(`${service.origin}/push/x`), { vapid, agent: listed, policy: service.policy });
      listed.destroy();
      expect(sent).toEqual({ type: 'sent', status: 201 });
      expect(service.requests.length).toBe(before + 1);
    });

    it('a stored endpoint that is not on the list (a row from before) is never sent', async () => {
      const before = service.requests.length;
      const outcome = await sendPush(reminder('https://127.0.0.1%2eexample/push'), { vapid, agent: service.agent, policy: service.policy });
      expect(outcome.type).toBe('failed');
      expect(service.requests.length).toBe(before);
    });
  });
});
