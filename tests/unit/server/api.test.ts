// The relay API, route by route, against both stores (PGlite in memory and a
// throwaway PostgreSQL), through a real http.Server with fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newToken } from '../../../src/server/api/auth';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';
import { startTestPostgres } from '../../support/postgres';
import {
  addAdviser,
  call,
  connected,
  enrolled,
  envelope,
  invite,
  publicKey,
  startRelay,
  uuid,
  type Relay,
} from '../../support/relay-api';

const postgres = await startTestPostgres().catch((error: unknown) => {
  console.warn(`Relay API on PostgreSQL skipped: ${(error as Error).message}`);
  return null;
});
if (!postgres) console.warn('Relay API on PostgreSQL skipped: no PostgreSQL (set TEST_DATABASE_URL or install postgresql).');
afterAll(() => postgres?.stop());

const backends = [
  { name: 'PGlite (in memory)', available: true, open: () => openStore({ dataDir: null }) },
  { name: 'PostgreSQL', available: postgres !== null, open: () => openStore({ databaseUrl: postgres!.url }) },
];

const DAY = 86_400_000;

describe.each(backends)('relay API on $name', ({ available, open }) => {
  let store: Store;
  let relay: Relay;

  beforeAll(async () => {
    if (!available) return;
    store = await open();
    relay = await startRelay(store);
  });
  afterAll(async () => {
    await relay?.close();
    await store?.close();
  });

  describe.skipIf(!available)('routes', () => {
    it('enrols an adviser once with the link token (201), then 410', async () => {
      const token = await addAdviser(store, relay.clock.ms);
      const key = publicKey();
      const first = await call(relay, 'POST', '/api/adviser/enrol', { body: { token, publicKey: key } });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ name: 'Sam Jones', org: 'Cardiff Advice' });
      expect(first.body.deviceToken).toMatch(/^a_[A-Za-z0-9_-]{43}$/);
      const me = await call(relay, 'GET', '/api/adviser/me', { token: first.body.deviceToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: first.body.adviserId, name: 'Sam Jones', org: 'Cardiff Advice', publicKey: key });
      const again = await call(relay, 'POST', '/api/adviser/enrol', { body: { token, publicKey: key } });
      expect(again.status).toBe(410);
      expect(again.body.error).toBe('gone');
    });

    it('refuses an expired enrolment link (410)', async () => {
      const token = newToken('e_');
      await store.createAdviser({ name: 'Old', org: 'Org', enrolTokenHash: hashSecret(token), enrolExpiresAt: new Date(relay.clock.ms - 1000).toISOString() });
      const res = await call(relay, 'POST', '/api/adviser/enrol', { body: { token, publicKey: publicKey() } });
      expect(res.status).toBe(410);
    });

    it('400 for bad JSON, missing or malformed fields; 415 for non-JSON', async () => {
      const token = await addAdviser(store, relay.clock.ms);
      const cases = [
        { raw: '{"token":' },
        { raw: '' },
        { raw: 'null' },
        { body: {} },
        { body: { token, publicKey: 'abc' } },
        { body: { token, publicKey: 'A'.repeat(87) } }, // not a P-256 point
        { body: { token: 'x', publicKey: publicKey() } },
        { body: [1, 2] },
      ];
      for (const options of cases) {
        const res = await call(relay, 'POST', '/api/adviser/enrol', options);
        expect(res.status, JSON.stringify(options)).toBe(400);
        expect(res.body.error).toBe('bad_request');
        expect(typeof res.body.message).toBe('string');
        expect(res.body.message).not.toMatch(/at .*\.ts/);
      }
      const text = await call(relay, 'POST', '/api/adviser/enrol', { raw: 'token=x', contentType: 'text/plain' });
      expect(text.status).toBe(415);
      // The token still works after all that.
      expect((await call(relay, 'POST', '/api/adviser/enrol', { body: { token, publicKey: publicKey() } })).status).toBe(201);
    });

    it('401 without a token, with an unknown or malformed one; 403 with the wrong kind', async () => {
      expect((await call(relay, 'GET', '/api/adviser/me')).status).toBe(401);
      expect((await call(relay, 'GET', '/api/adviser/me', { token: newToken('a_') })).status).toBe(401);
      expect((await call(relay, 'GET', '/api/adviser/me', { token: 'nonsense' })).status).toBe(401);
      const basic = await fetch(`${relay.base}/api/adviser/me`, { headers: { Authorization: 'Basic Zm9vOmJhcg==' } });
      expect(basic.status).toBe(401);
      expect((await basic.json()).error).toBe('unauthorized');
      const { claimantToken, adviser } = await connected(relay, store);
      expect((await call(relay, 'GET', '/api/adviser/me', { token: claimantToken })).status).toBe(403);
      expect((await call(relay, 'GET', '/api/adviser/connections', { token: claimantToken })).status).toBe(403);
      expect((await call(relay, 'POST', '/api/adviser/invites', { token: claimantToken, body: { label: 'x' } })).status).toBe(403);
      expect((await call(relay, 'POST', '/api/items', { token: adviser.deviceToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(403);
      expect((await call(relay, 'GET', '/api/claimant/status', { token: adviser.deviceToken })).status).toBe(403);
      expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: adviser.deviceToken })).status).toBe(403);
      expect((await call(relay, 'POST', '/api/items', { body: { id: uuid(), envelope: envelope() } })).status).toBe(401);
    });

    it('makes invites (201, K7M-2QX-9PD, 7 days) and validates labels', async () => {
      const { deviceToken } = await enrolled(relay, store);
      const res = await call(relay, 'POST', '/api/adviser/invites', { token: deviceToken, body: { label: '  J.S. housing  ' } });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
      expect(Date.parse(res.body.expiresAt) - relay.clock.ms).toBe(7 * DAY);
      for (const label of ['', '   ', 'x'.repeat(81), 'bad\u0000label', 42]) {
        expect((await call(relay, 'POST', '/api/adviser/invites', { token: deviceToken, body: { label } })).status).toBe(400);
      }
    });

    it('looks up invites in any case, with or without dashes; 404 unknown, 400 malformed', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      for (const form of [code, code.replaceAll('-', ''), code.toLowerCase(), code.replaceAll('-', ' ')]) {
        const res = await call(relay, 'GET', `/api/invites/${encodeURIComponent(form)}`);
        expect(res.status, form).toBe(200);
        expect(res.body.adviser).toEqual({ name: 'Sam Jones', org: 'Cardiff Advice', publicKey: adviser.publicKey });
      }
      expect((await call(relay, 'GET', '/api/invites/222-222-222')).status).toBe(404);
      expect((await call(relay, 'GET', '/api/invites/OOO-III-LLL')).status).toBe(400);
      expect((await call(relay, 'GET', '/api/invites/12')).status).toBe(400);
    });

    it('connects once (201); the used invite is 410 for look-up and connect; unknown is 404', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      const first = await call(relay, 'POST', '/api/connections', { body: { code: code.toLowerCase(), claimantPublicKey: publicKey() } });
      expect(first.status).toBe(201);
      expect(first.body.claimantToken).toMatch(/^c_[A-Za-z0-9_-]{43}$/);
      expect(first.body.adviser.publicKey).toBe(adviser.publicKey);
      expect((await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } })).status).toBe(410);
      expect((await call(relay, 'GET', `/api/invites/${code}`)).status).toBe(410);
      expect((await call(relay, 'POST', '/api/connections', { body: { code: '222-222-222', claimantPublicKey: publicKey() } })).status).toBe(404);
      expect((await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: 'short' } })).status).toBe(400);
    });

    it('410 for an expired invite (after 7 days)', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      relay.clock.ms += 7 * DAY + 1000;
      try {
        expect((await call(relay, 'GET', `/api/invites/${code}`)).status).toBe(410);
        expect((await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } })).status).toBe(410);
      } finally {
        relay.clock.ms -= 7 * DAY + 1000;
      }
    });

    it('sends items idempotently: 201, the same again 200, a different envelope 409', async () => {
      const { claimantToken, connectionId } = await connected(relay, store);
      const id = uuid();
      const env = envelope(300);
      const first = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: env } });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id, size: 300, seenAt: null });
      const repeat = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: id.toUpperCase(), envelope: env } });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
      const clash = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(300) } });
      expect(clash.status).toBe(409);
      expect(clash.body.error).toBe('conflict');
      const stored = await store.getItem(id);
      expect(stored).toMatchObject({ connectionId, direction: 'to-adviser', envelope: env });
      // Someone else's item id cannot be claimed by another connection.
      const other = await connected(relay, store);
      expect((await call(relay, 'POST', '/api/items', { token: other.claimantToken, body: { id, envelope: env } })).status).toBe(409);
      for (const body of [{ id: 'not-a-uuid', envelope: env }, { id: uuid(), envelope: '' }, { id: uuid(), envelope: 'has spaces' }, { id: uuid(), envelope: 'abc=' }, { id: uuid() }]) {
        expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body })).status, JSON.stringify(body).slice(0, 80)).toBe(400);
      }
    });

    it('413 for a body over 2 MB, and the server keeps working', async () => {
      const { claimantToken } = await connected(relay, store);
      const huge = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: 'A'.repeat(2 * 1024 * 1024 + 10) } });
      expect(huge.status).toBe(413);
      expect(huge.body.error).toBe('too_large');
      // Chunked, with no Content-Length: refused once past the limit.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"x","envelope":"'));
          for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(65));
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        },
      });
      const streamed = await fetch(`${relay.base}/api/items`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${claimantToken}` },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const fine = await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope(100 * 1024) } });
      expect(fine.status).toBe(201);
    });

    it('lists connections newest first with unseen counts; items newest first; marks seen', async () => {
      const adviser = await enrolled(relay, store);
      const clients = [];
      for (const label of ['First', 'Second']) {
        const code = await invite(relay, adviser.deviceToken, label);
        const claimantKey = publicKey();
        const res = await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: claimantKey } });
        clients.push({ id: res.body.connectionId as string, token: res.body.claimantToken as string, claimantKey });
        relay.clock.ms += 1000;
      }
      const [first, second] = clients as [(typeof clients)[0], (typeof clients)[0]];
      const a = uuid();
      const b = uuid();
      await call(relay, 'POST', '/api/items', { token: first.token, body: { id: a, envelope: envelope(10) } });
      relay.clock.ms += 1000;
      await call(relay, 'POST', '/api/items', { token: first.token, body: { id: b, envelope: envelope(20) } });
      const list = await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken });
      expect(list.status).toBe(200);
      expect(list.body.map((c: { label: string }) => c.label)).toEqual(['Second', 'First']);
      expect(list.body[1]).toMatchObject({ id: first.id, unseen: 2, stoppedAt: null, claimantPublicKey: first.claimantKey });
      expect(list.body[1].lastItemAt).not.toBeNull();
      expect(list.body[0]).toMatchObject({ id: second.id, unseen: 0, lastItemAt: null });

      const items = await call(relay, 'GET', `/api/adviser/connections/${first.id}/items`, { token: adviser.deviceToken });
      expect(items.status).toBe(200);
      expect(items.body.map((i: { id: string }) => i.id)).toEqual([b, a]);
      expect(items.body[0]).toMatchObject({ size: 20, seenAt: null });
      expect(typeof items.body[0].envelope).toBe('string');

      const seen = await call(relay, 'POST', `/api/adviser/items/${a}/seen`, { token: adviser.deviceToken });
      expect(seen.status).toBe(200);
      expect(seen.body.seenAt).not.toBeNull();
      const after = await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken });
      expect(after.body[1].unseen).toBe(1);
    });

    it('403 for another adviser\'s connection or item; 404 unknown; 400 bad ids', async () => {
      const { claimantToken, connectionId } = await connected(relay, store);
      const itemId = uuid();
      await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: itemId, envelope: envelope() } });
      const stranger = await enrolled(relay, store, 'Other Adviser');
      const t = stranger.deviceToken;
      expect((await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: t })).status).toBe(403);
      expect((await call(relay, 'POST', `/api/adviser/items/${itemId}/seen`, { token: t })).status).toBe(403);
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: t, body: { id: uuid(), envelope: envelope() } })).status).toBe(403);
      expect((await call(relay, 'GET', `/api/adviser/connections/${uuid()}/items`, { token: t })).status).toBe(404);
      expect((await call(relay, 'POST', `/api/adviser/items/${uuid()}/seen`, { token: t })).status).toBe(404);
      expect((await call(relay, 'POST', `/api/adviser/connections/${uuid()}/replies`, { token: t, body: { id: uuid(), envelope: envelope() } })).status).toBe(404);
      expect((await call(relay, 'GET', '/api/adviser/connections/not-a-uuid/items', { token: t })).status).toBe(400);
      expect((await call(relay, 'POST', '/api/adviser/items/123/seen', { token: t })).status).toBe(400);
    });

    it('replies reach the claimant, are marked seen when fetched, and are idempotent', async () => {
      const { adviser, claimantToken, connectionId } = await connected(relay, store);
      const sent = uuid();
      await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: sent, envelope: envelope() } });
      const replyId = uuid();
      const env = envelope(50);
      const reply = await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: replyId, envelope: env } });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ id: replyId, size: 50, seenAt: null });
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: replyId, envelope: env } })).status).toBe(200);
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: replyId, envelope: envelope(50) } })).status).toBe(409);
      // An adviser cannot mark their own reply as a client's message.
      expect((await call(relay, 'POST', `/api/adviser/items/${replyId}/seen`, { token: adviser.deviceToken })).status).toBe(404);

      expect((await store.getItem(replyId))?.seenAt).toBeNull();
      const status = await call(relay, 'GET', '/api/claimant/status', { token: claimantToken });
      expect(status.status).toBe(200);
      expect(status.body.stopped).toBe(false);
      expect(status.body.sent.map((i: { id: string }) => i.id)).toEqual([sent]);
      expect(status.body.sent[0].envelope).toBeUndefined();
      expect(status.body.replies).toHaveLength(1);
      expect(status.body.replies[0]).toMatchObject({ id: replyId, envelope: env });
      expect((await store.getItem(replyId))?.seenAt).not.toBeNull();
    });

    it('stop sharing deletes everything: 204, token dead (401), stoppedAt for the adviser, nothing in the store', async () => {
      const { adviser, claimantToken, connectionId } = await connected(relay, store);
      const item = uuid();
      const reply = uuid();
      await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: item, envelope: envelope() } });
      await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: reply, envelope: envelope() } });
      const stop = await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken });
      expect(stop.status).toBe(204);
      expect(stop.body).toBeUndefined();
      expect((await call(relay, 'GET', '/api/claimant/status', { token: claimantToken })).status).toBe(401);
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(401);
      expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken })).status).toBe(401);
      const list = await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken });
      const entry = list.body.find((c: { id: string }) => c.id === connectionId);
      expect(entry.stoppedAt).not.toBeNull();
      expect(entry.unseen).toBe(0);
      expect(await store.findCredential(hashSecret(claimantToken))).toBeNull();
      expect(await store.listItems(connectionId, 'to-adviser')).toEqual([]);
      expect(await store.listItems(connectionId, 'to-claimant')).toEqual([]);
      expect(await store.getItem(item)).toBeNull();
      expect(await store.getItem(reply)).toBeNull();
      const items = await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken });
      expect(items.status).toBe(200);
      expect(items.body).toEqual([]);
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(410);
    });

    it('405 with Allow for the wrong method, 404 for unknown API paths, 400 for broken %-escapes', async () => {
      const put = await call(relay, 'PUT', '/api/items', { body: {} });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('POST');
      expect(put.body.error).toBe('method_not_allowed');
      expect((await call(relay, 'GET', '/api/items')).status).toBe(405);
      expect((await call(relay, 'POST', '/api/adviser/me')).status).toBe(405);
      expect((await call(relay, 'GET', '/api/nothing-here')).body.error).toBe('not_found');
      expect((await call(relay, 'GET', '/api')).status).toBe(404);
      const broken = await call(relay, 'GET', '/api/invites/%E0%A4%A');
      expect(broken.status).toBe(400);
      expect(broken.body.error).toBe('bad_request');
      expect((await fetch(`${relay.base}/%E0%A4%A`)).status).toBe(400);
    });

    it('sends security headers and no-store on API answers', async () => {
      const res = await fetch(`${relay.base}/api/adviser/me`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('logs one line per request with the route pattern, never ids, codes or tokens', async () => {
      relay.logs.length = 0;
      const { adviser, claimantToken, connectionId } = await connected(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      await call(relay, 'GET', `/api/invites/${code}`);
      await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken });
      const text = JSON.stringify(relay.logs);
      for (const secret of [adviser.deviceToken, claimantToken, connectionId, adviser.adviserId, code, code.replaceAll('-', ''), '127.0.0.1']) {
        expect(text).not.toContain(secret);
      }
      expect(relay.logs.some((l) => l.route === '/api/invites/:code' && l.status === 200 && typeof l.ms === 'number')).toBe(true);
    });
  });

  describe.skipIf(!available)('rate limits', () => {
    let limited: Relay;
    beforeAll(async () => {
      limited = await startRelay(store, {
        invitePerIp: { limit: 10, windowMs: 60_000 },
        invitePerPrefix: { limit: 100, windowMs: 3_600_000 },
        enrolPerIp: { limit: 10, windowMs: 60_000 },
        sendsPerConnection: { limit: 5, windowMs: 60_000 },
        anyPerIp: { limit: 1e9, windowMs: 60_000 },
      });
    });
    afterAll(() => limited?.close());

    it('429 with Retry-After after 10 invite look-ups or connects a minute from one IP', async () => {
      for (let i = 0; i < 10; i++) expect((await call(limited, 'GET', '/api/invites/222-222-222')).status).toBe(404);
      const res = await call(limited, 'GET', '/api/invites/222-222-222');
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('too_many_requests');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await call(limited, 'POST', '/api/connections', { body: { code: '222-222-222', claimantPublicKey: publicKey() } })).status).toBe(429);
      limited.clock.ms += 60_000;
      expect((await call(limited, 'GET', '/api/invites/222-222-222')).status).toBe(404);
    });

    it('429 after too many sends on one connection', async () => {
      const { claimantToken } = await connected(relay, store);
      for (let i = 0; i < 5; i++) {
        expect((await call(limited, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(201);
      }
      expect((await call(limited, 'POST', '/api/items', { token: claimantToken, body: { id: uuid(), envelope: envelope() } })).status).toBe(429);
    });
  });
});
