// The relay API, route by route, against both stores (PGlite in memory and a
// throwaway PostgreSQL), through a real http.Server with fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newToken } from '../../../src/server/api/auth';
import type { Store } from '../../../src/server/store/store';
import {
  sealedLabel,
  addAdviser,
  addDevice,
  call,
  connected,
  enrolBody,
  enrolled,
  envelope,
  invite,
  newSigner,
  publicKey,
  requestDevice,
  signDeviceKey,
  startRelay,
  uuid,
  type Relay,
} from '../../support/relay-api';
import { openTestStore, SLOW, storeAdapters } from '../../support/store-adapters';

const { adapters, stop } = await storeAdapters('relay API');
afterAll(stop, SLOW);

const DAY = 86_400_000;

describe.each(adapters)('relay API on $name', (adapter) => {
  let store: Store;
  let close: (() => Promise<void>) | undefined;
  let relay: Relay;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(adapter));
    relay = await startRelay(store);
  }, SLOW);
  afterAll(async () => {
    await relay?.close();
    await close?.();
  }, SLOW);

  describe('routes', () => {
    it('enrols an adviser once with the link token (201), then 410', async () => {
      const token = await addAdviser(store, relay.clock.ms);
      const { body, signer, publicKey: key } = await enrolBody(token);
      const first = await call(relay, 'POST', '/api/adviser/enrol', { body });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ name: 'Sam Jones', org: 'Cardiff Advice' });
      expect(first.body.deviceToken).toMatch(/^a_[A-Za-z0-9_-]{43}$/);
      const me = await call(relay, 'GET', '/api/adviser/me', { token: first.body.deviceToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: first.body.adviserId,
        name: 'Sam Jones',
        org: 'Cardiff Advice',
        signingKey: signer.signingKey,
        devices: [{ id: expect.any(String), publicKey: key, signature: body.device.signature, createdAt: new Date(relay.clock.ms).toISOString() }],
      });
      const again = await call(relay, 'POST', '/api/adviser/enrol', { body: (await enrolBody(token)).body });
      expect(again.status).toBe(410);
      expect(again.body.error).toBe('gone');
    });

    it('refuses an expired enrolment link (410)', async () => {
      const token = newToken('e_');
      await store.createAdviser({ name: 'Old', org: 'Org', enrolTokenHash: hashSecret(token), enrolExpiresAt: new Date(relay.clock.ms - 1000).toISOString() });
      const res = await call(relay, 'POST', '/api/adviser/enrol', { body: (await enrolBody(token)).body });
      expect(res.status).toBe(410);
    });

    it('400 for a device key not signed by the signing key, and the link still works', async () => {
      const token = await addAdviser(store, relay.clock.ms);
      const { body } = await enrolBody(token);
      const other = await newSigner();
      const forged = [
        // Signed by another key.
        { ...body, device: { ...body.device, signature: await signDeviceKey(other, body.device.publicKey) } },
        // A valid signature, but of another device key.
        { ...body, device: { publicKey: publicKey(), signature: body.device.signature } },
        // The signing key swapped for another.
        { ...body, signingKey: other.signingKey },
        // Right length, random bytes.
        { ...body, device: { ...body.device, signature: Buffer.alloc(64, 7).toString('base64url') } },
      ];
      for (const bad of forged) {
        const res = await call(relay, 'POST', '/api/adviser/enrol', { body: bad });
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('bad_request');
        expect(res.body.message).toMatch(/not signed/);
      }
      // The signature over the key without the context line is refused too.
      const signer = await newSigner();
      const key = publicKey();
      const { webcrypto } = await import('node:crypto');
      const bare = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, new TextEncoder().encode(key));
      const noContext = { token, signingKey: signer.signingKey, device: { publicKey: key, signature: Buffer.from(bare).toString('base64url') } };
      expect((await call(relay, 'POST', '/api/adviser/enrol', { body: noContext })).status).toBe(400);
      expect((await call(relay, 'POST', '/api/adviser/enrol', { body })).status).toBe(201);
    });

    it('400 for bad JSON, missing or malformed fields; 415 for non-JSON', async () => {
      const token = await addAdviser(store, relay.clock.ms);
      const { body: good } = await enrolBody(token);
      const cases = [
        { raw: '{"token":' },
        { raw: '' },
        { raw: 'null' },
        { body: {} },
        { body: { token, publicKey: publicKey() } }, // the old shape
        { body: { ...good, signingKey: 'abc' } },
        { body: { ...good, signingKey: 'A'.repeat(87) } }, // not a P-256 point
        { body: { ...good, device: { ...good.device, publicKey: 'A'.repeat(87) } } },
        { body: { ...good, device: { ...good.device, signature: good.device.signature.slice(1) } } },
        { body: { ...good, device: { ...good.device, signature: `${good.device.signature}AA` } } },
        { body: { ...good, device: { ...good.device, signature: `${good.device.signature.slice(0, 85)}+` } } },
        { body: { ...good, device: { publicKey: good.device.publicKey } } },
        { body: { ...good, token: 'x' } },
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
      expect((await call(relay, 'POST', '/api/adviser/enrol', { body: good })).status).toBe(201);
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

    it('makes invites (201, K7M-2QX-9PD, 7 days) with a sealed label only; a plaintext label is refused', async () => {
      const { deviceToken } = await enrolled(relay, store);
      const res = await call(relay, 'POST', '/api/adviser/invites', { token: deviceToken, body: { sealedLabel: sealedLabel('J.S. housing') } });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
      expect(Date.parse(res.body.expiresAt) - relay.clock.ms).toBe(7 * DAY);
      for (const body of [{ label: 'J.S. housing' }, { sealedLabel: '' }, { sealedLabel: 'has spaces' }, { sealedLabel: 'A'.repeat(8193) }, { sealedLabel: 42 }]) {
        expect((await call(relay, 'POST', '/api/adviser/invites', { token: deviceToken, body })).status, JSON.stringify(body).slice(0, 40)).toBe(400);
      }
    });

    it('looks up invites in any case, with or without dashes; 404 unknown, 400 malformed', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      for (const form of [code, code.replaceAll('-', ''), code.toLowerCase(), code.replaceAll('-', ' ')]) {
        const res = await call(relay, 'POST', '/api/invites/lookup', { body: { code: form } });
        expect(res.status, form).toBe(200);
        expect(res.body.adviser).toEqual({
          name: 'Sam Jones',
          org: 'Cardiff Advice',
          signingKey: adviser.signingKey,
          devices: [{ publicKey: adviser.publicKey, signature: adviser.signature }],
        });
      }
      expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code: '222-222-222' } })).status).toBe(404);
      expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code: 'OOO-III-LLL' } })).status).toBe(400);
      expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code: '12' } })).status).toBe(400);
    });

    it('connects once (201); the used invite is 410 for look-up and connect; unknown is 404', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      const first = await call(relay, 'POST', '/api/connections', { body: { code: code.toLowerCase(), claimantPublicKey: publicKey() } });
      expect(first.status).toBe(201);
      expect(first.body.claimantToken).toMatch(/^c_[A-Za-z0-9_-]{43}$/);
      expect(first.body.adviser).toEqual({
        name: 'Sam Jones',
        org: 'Cardiff Advice',
        signingKey: adviser.signingKey,
        devices: [{ publicKey: adviser.publicKey, signature: adviser.signature }],
      });
      expect((await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } })).status).toBe(410);
      expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code } })).status).toBe(410);
      expect((await call(relay, 'POST', '/api/connections', { body: { code: '222-222-222', claimantPublicKey: publicKey() } })).status).toBe(404);
      expect((await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: 'short' } })).status).toBe(400);
    });

    it('410 for an expired invite (after 7 days)', async () => {
      const adviser = await enrolled(relay, store);
      const code = await invite(relay, adviser.deviceToken);
      relay.clock.ms += 7 * DAY + 1000;
      try {
        expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code } })).status).toBe(410);
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
      const stored = await store.getEnvelope(id);
      expect(stored).toMatchObject({ connectionId, direction: 'to-adviser', envelope: env });
      // Someone else's item id cannot be claimed by another connection.
      const other = await connected(relay, store);
      expect((await call(relay, 'POST', '/api/items', { token: other.claimantToken, body: { id, envelope: env } })).status).toBe(409);
      for (const body of [
        { id: 'not-a-uuid', envelope: env },
        { id: uuid(), envelope: '' },
        { id: uuid(), envelope: 'has spaces' },
        { id: uuid(), envelope: 'abc=' },
        { id: uuid() },
      ]) {
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
      const bEnvelope = envelope(20);
      await call(relay, 'POST', '/api/items', { token: first.token, body: { id: a, envelope: envelope(10) } });
      relay.clock.ms += 1000;
      await call(relay, 'POST', '/api/items', { token: first.token, body: { id: b, envelope: bEnvelope } });
      const list = await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken });
      expect(list.status).toBe(200);
      // The relay holds the labels sealed (by the adviser's app), never in the clear.
      expect(list.body.map((c: { label: string; sealedLabel: string }) => [c.label, c.sealedLabel])).toEqual([
        ['', sealedLabel('Second')],
        ['', sealedLabel('First')],
      ]);
      expect(list.body[1]).toMatchObject({ id: first.id, unseen: 2, stoppedAt: null, claimantPublicKey: first.claimantKey });
      expect(list.body[1].lastItemAt).not.toBeNull();
      expect(list.body[0]).toMatchObject({ id: second.id, unseen: 0, lastItemAt: null });

      const items = await call(relay, 'GET', `/api/adviser/connections/${first.id}/items`, { token: adviser.deviceToken });
      expect(items.status).toBe(200);
      expect(items.body.items.map((i: { id: string }) => i.id)).toEqual([b, a]);
      expect(items.body.next).toBeNull();
      expect(items.body.items[0]).toMatchObject({ size: 20, seenAt: null });
      // Lists carry no envelopes; each is fetched on its own.
      expect(items.body.items[0].envelope).toBeUndefined();
      const one = await call(relay, 'GET', `/api/adviser/items/${b}`, { token: adviser.deviceToken });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: b, size: 20, seenAt: null });
      expect(one.body.envelope).toBe(bEnvelope);

      const seen = await call(relay, 'POST', `/api/adviser/items/${a}/seen`, { token: adviser.deviceToken });
      expect(seen.status).toBe(200);
      expect(seen.body.seenAt).not.toBeNull();
      const after = await call(relay, 'GET', '/api/adviser/connections', { token: adviser.deviceToken });
      expect(after.body[1].unseen).toBe(1);
    });

    it('gives a large envelope back exactly, with its length, type and headers, to the adviser and as a reply', async () => {
      const { claimantToken, adviser, connectionId } = await connected(relay, store);
      const sent = envelope(100 * 1024 + 1);
      const id = uuid();
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: sent } })).status).toBe(201);
      const replyText = envelope(60 * 1024);
      const replyId = uuid();
      const reply = await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, {
        token: adviser.deviceToken,
        body: { id: replyId, envelope: replyText },
      });
      expect(reply.status).toBe(201);
      for (const [path, token, text] of [
        [`/api/adviser/items/${id}`, adviser.deviceToken, sent],
        [`/api/claimant/replies/${replyId}`, claimantToken, replyText],
      ] as const) {
        const res = await fetch(relay.base + path, { headers: { Authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        const body = Buffer.from(await res.arrayBuffer());
        expect(res.headers.get('content-length')).toBe(String(body.length));
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const json = JSON.parse(body.toString('utf8'));
        expect(Object.keys(json).sort()).toEqual(['createdAt', 'envelope', 'id', 'seenAt', 'size']);
        expect(json).toMatchObject({ id: path.endsWith(id) ? id : replyId, size: Buffer.from(text, 'base64url').length });
        expect(json.envelope).toBe(text);
      }
    });

    it('answers 404, not another item, when the id was deleted and used again between the check and the read', async () => {
      const { claimantToken, adviser, connectionId } = await connected(relay, store);
      const id = uuid();
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(30) } })).status).toBe(201);
      const replyId = uuid();
      const replyBody = { id: replyId, envelope: envelope(30) };
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: replyBody })).status).toBe(201);
      // As if the row under that id were now another connection's, or the other direction's: the envelope read
      // asks for the checked item and must find nothing (here the question is changed instead of the row).
      for (const swap of [{ connectionId: uuid() }, { direction: 'to-claimant' as const }, { direction: 'to-adviser' as const }]) {
        const swapped = Object.assign(Object.create(store) as Store, {
          getEnvelopePieces: (item: Parameters<Store['getEnvelopePieces']>[0]) => store.getEnvelopePieces({ ...item, ...swap }),
        });
        const other = await startRelay(swapped);
        try {
          const asAdviser = await call(other, 'GET', `/api/adviser/items/${id}`, { token: adviser.deviceToken });
          const asClaimant = await call(other, 'GET', `/api/claimant/replies/${replyId}`, { token: claimantToken });
          if (swap.direction === 'to-adviser') expect(asAdviser.status).toBe(200);
          else expect(asAdviser.status, JSON.stringify(swap)).toBe(404);
          if (swap.direction === 'to-claimant') expect(asClaimant.status).toBe(200);
          else expect(asClaimant.status, JSON.stringify(swap)).toBe(404);
        } finally {
          await other.close();
        }
      }
    });

    it("403 for another adviser's connection or item; 404 unknown; 400 bad ids", async () => {
      const { claimantToken, connectionId } = await connected(relay, store);
      const itemId = uuid();
      await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: itemId, envelope: envelope() } });
      const stranger = await enrolled(relay, store, 'Other Adviser');
      const t = stranger.deviceToken;
      expect((await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: t })).status).toBe(403);
      expect((await call(relay, 'POST', `/api/adviser/items/${itemId}/seen`, { token: t })).status).toBe(403);
      expect((await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: t, body: { id: uuid(), envelope: envelope() } })).status).toBe(
        403,
      );
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
      const reply = await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, {
        token: adviser.deviceToken,
        body: { id: replyId, envelope: env },
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ id: replyId, size: 50, seenAt: null });
      expect(
        (await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: replyId, envelope: env } })).status,
      ).toBe(200);
      expect(
        (
          await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, {
            token: adviser.deviceToken,
            body: { id: replyId, envelope: envelope(50) },
          })
        ).status,
      ).toBe(409);
      // An adviser cannot mark their own reply as a client's message.
      expect((await call(relay, 'POST', `/api/adviser/items/${replyId}/seen`, { token: adviser.deviceToken })).status).toBe(404);

      expect((await store.getItem(replyId))?.seenAt).toBeNull();
      const status = await call(relay, 'GET', '/api/claimant/status', { token: claimantToken });
      expect(status.status).toBe(200);
      expect(status.body.stopped).toBe(false);
      expect(status.body.sent.map((i: { id: string }) => i.id)).toEqual([sent]);
      expect(status.body.sent[0].envelope).toBeUndefined();
      expect(status.body.replies).toHaveLength(1);
      // Status carries no envelopes (a poll every 30 s); each reply is fetched once, which marks it seen.
      expect(status.body.replies[0]).toEqual({ id: replyId, createdAt: expect.any(String), seenAt: null, size: 50 });
      expect((await store.getItem(replyId))?.seenAt).toBeNull();
      const fetched = await call(relay, 'GET', `/api/claimant/replies/${replyId}`, { token: claimantToken });
      expect(fetched.status).toBe(200);
      expect(fetched.body).toMatchObject({ id: replyId, envelope: env });
      expect(fetched.body.seenAt).not.toBeNull();
      expect((await store.getItem(replyId))?.seenAt).not.toBeNull();
      // Not a reply, or another connection's: not found.
      expect((await call(relay, 'GET', `/api/claimant/replies/${sent}`, { token: claimantToken })).status).toBe(404);
      const other = await connected(relay, store, 'Other Adviser');
      expect((await call(relay, 'GET', `/api/claimant/replies/${replyId}`, { token: other.claimantToken })).status).toBe(404);
      expect((await call(relay, 'GET', `/api/claimant/replies/${replyId}`, { token: adviser.deviceToken })).status).toBe(403);
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
      expect(items.body).toEqual({ items: [], next: null });
      expect(
        (await call(relay, 'POST', `/api/adviser/connections/${connectionId}/replies`, { token: adviser.deviceToken, body: { id: uuid(), envelope: envelope() } }))
          .status,
      ).toBe(410);
    });

    describe('adding a computer', () => {
      const MIN = 60_000;

      it('code (10 minutes) → request → approve → claim once; the new device works and claimants see both keys', async () => {
        const adviser = await enrolled(relay, store);
        const { claimantToken } = await (async () => {
          const code = await invite(relay, adviser.deviceToken);
          const res = await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } });
          return { claimantToken: res.body.claimantToken as string };
        })();

        const codeRes = await call(relay, 'POST', '/api/adviser/device-codes', { token: adviser.deviceToken });
        expect(codeRes.status).toBe(201);
        expect(codeRes.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
        expect(Date.parse(codeRes.body.expiresAt) - relay.clock.ms).toBe(10 * MIN);

        const newKey = publicKey();
        const req = await call(relay, 'POST', '/api/device-requests', { body: { code: codeRes.body.code.toLowerCase(), publicKey: newKey } });
        expect(req.status).toBe(201);
        expect(req.body).toEqual({ requestId: expect.any(String), pollToken: expect.stringMatching(/^p_[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String) });
        const { requestId, pollToken } = req.body as { requestId: string; pollToken: string };
        // The poll token is no credential.
        expect((await call(relay, 'GET', '/api/adviser/me', { token: pollToken })).status).toBe(401);

        const pending = await call(relay, 'GET', '/api/adviser/device-requests', { token: adviser.deviceToken });
        expect(pending.status).toBe(200);
        expect(pending.body).toEqual([{ id: requestId, publicKey: newKey, createdAt: expect.any(String) }]);

        const waiting = await call(relay, 'POST', `/api/device-requests/${requestId}/claim`, { body: { pollToken } });
        expect(waiting.status).toBe(202);
        expect(waiting.body).toEqual({ state: 'pending' });

        const signature = await signDeviceKey(adviser.signer, newKey);
        const approve = await call(relay, 'POST', `/api/adviser/device-requests/${requestId}/approve`, { token: adviser.deviceToken, body: { signature } });
        expect(approve.status).toBe(200);
        expect(approve.body).toEqual({});
        expect((await call(relay, 'GET', '/api/adviser/device-requests', { token: adviser.deviceToken })).body).toEqual([]);

        relay.clock.ms += 1000; // devices are listed oldest first
        const claim = await call(relay, 'POST', `/api/device-requests/${requestId}/claim`, { body: { pollToken } });
        expect(claim.status).toBe(200);
        expect(claim.body).toEqual({
          state: 'approved',
          deviceToken: expect.stringMatching(/^a_[A-Za-z0-9_-]{43}$/),
          adviserId: adviser.adviserId,
          name: 'Sam Jones',
          org: 'Cardiff Advice',
          signingKey: adviser.signingKey,
        });
        const again = await call(relay, 'POST', `/api/device-requests/${requestId}/claim`, { body: { pollToken } });
        expect(again.status).toBe(410);
        expect(again.body.error).toBe('gone');

        // The claimed token is an adviser credential like the first one.
        const second = claim.body.deviceToken as string;
        const me = await call(relay, 'GET', '/api/adviser/me', { token: second });
        expect(me.status).toBe(200);
        expect(me.body.devices.map((d: { publicKey: string; signature: string }) => [d.publicKey, d.signature])).toEqual([
          [adviser.publicKey, adviser.signature],
          [newKey, signature],
        ]);
        expect((await call(relay, 'GET', '/api/adviser/connections', { token: second })).body).toHaveLength(1);
        const code = await invite(relay, second, 'From the laptop');
        const keys = {
          name: 'Sam Jones',
          org: 'Cardiff Advice',
          signingKey: adviser.signingKey,
          devices: [
            { publicKey: adviser.publicKey, signature: adviser.signature },
            { publicKey: newKey, signature },
          ],
        };
        expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code } })).body.adviser).toEqual(keys);
        const latest = await call(relay, 'GET', '/api/claimant/adviser', { token: claimantToken });
        expect(latest.status).toBe(200);
        expect(latest.body).toEqual(keys);
        const connect = await call(relay, 'POST', '/api/connections', { body: { code, claimantPublicKey: publicKey() } });
        expect(connect.body.adviser).toEqual(keys);
      });

      it('400 for a forged approval signature; the request stays pending and a real one then works', async () => {
        const adviser = await enrolled(relay, store);
        const request = await requestDevice(relay, adviser);
        const path = `/api/adviser/device-requests/${request.requestId}/approve`;
        const stranger = await newSigner();
        const forged = [
          await signDeviceKey(stranger, request.publicKey), // another signing key
          await signDeviceKey(adviser.signer, publicKey()), // the adviser's key, but over another device key
          adviser.signature, // a replay of the first device's signature
          Buffer.alloc(64).toString('base64url'),
        ];
        for (const signature of forged) {
          const res = await call(relay, 'POST', path, { token: adviser.deviceToken, body: { signature } });
          expect(res.status).toBe(400);
          expect(res.body.message).toMatch(/not signed/);
        }
        for (const signature of ['', 'abc', Buffer.alloc(65).toString('base64url'), Buffer.alloc(63).toString('base64url'), 42]) {
          expect((await call(relay, 'POST', path, { token: adviser.deviceToken, body: { signature } })).status).toBe(400);
        }
        expect((await call(relay, 'POST', path, { token: adviser.deviceToken, body: {} })).status).toBe(400);
        expect((await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } })).status).toBe(202);
        const signature = await signDeviceKey(adviser.signer, request.publicKey);
        expect((await call(relay, 'POST', path, { token: adviser.deviceToken, body: { signature } })).status).toBe(200);
        // Approving twice: 410.
        expect((await call(relay, 'POST', path, { token: adviser.deviceToken, body: { signature } })).status).toBe(410);
        expect((await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } })).status).toBe(200);
      });

      it('a device code works once (a second use while the first waits: 409 code_contested for both); unknown 404; malformed 400; expired after 10 minutes 410', async () => {
        const adviser = await enrolled(relay, store);
        const request = await requestDevice(relay, adviser);
        const twice = await call(relay, 'POST', '/api/device-requests', { body: { code: request.code, publicKey: publicKey() } });
        expect(twice.status).toBe(409);
        expect(twice.body.error).toBe('code_contested');
        expect(twice.body.message).toMatch(/Two computers used this code/);
        // The first computer hears the same when it polls, and the adviser no longer sees it waiting.
        const first = await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } });
        expect(first.status).toBe(409);
        expect(first.body.error).toBe('code_contested');
        expect((await call(relay, 'GET', '/api/adviser/device-requests', { token: adviser.deviceToken })).body).toEqual([]);
        const approve = await call(relay, 'POST', `/api/adviser/device-requests/${request.requestId}/approve`, {
          token: adviser.deviceToken,
          body: { signature: await signDeviceKey(adviser.signer, request.publicKey) },
        });
        expect(approve.status).toBe(410);
        expect((await call(relay, 'POST', '/api/device-requests', { body: { code: '222-222-222', publicKey: publicKey() } })).status).toBe(404);
        for (const body of [{ code: 'OOO-III-LLL', publicKey: publicKey() }, { code: request.code, publicKey: 'A'.repeat(87) }, { code: request.code }, {}]) {
          expect((await call(relay, 'POST', '/api/device-requests', { body })).status, JSON.stringify(body)).toBe(400);
        }
        // An invite code is not a device code, nor the other way round.
        const inviteCode = await invite(relay, adviser.deviceToken);
        expect((await call(relay, 'POST', '/api/device-requests', { body: { code: inviteCode, publicKey: publicKey() } })).status).toBe(404);
        const code = (await call(relay, 'POST', '/api/adviser/device-codes', { token: adviser.deviceToken })).body.code as string;
        expect((await call(relay, 'POST', '/api/invites/lookup', { body: { code } })).status).toBe(404);

        relay.clock.ms += 10 * MIN;
        try {
          expect((await call(relay, 'POST', '/api/device-requests', { body: { code, publicKey: publicKey() } })).status).toBe(410);
        } finally {
          relay.clock.ms -= 10 * MIN;
        }
      });

      it('requests expire: approving or claiming after 10 minutes is 410', async () => {
        const adviser = await enrolled(relay, store);
        const late = await requestDevice(relay, adviser);
        const unclaimed = await requestDevice(relay, adviser);
        const sig = async (key: string) => ({ signature: await signDeviceKey(adviser.signer, key) });
        expect(
          (
            await call(relay, 'POST', `/api/adviser/device-requests/${unclaimed.requestId}/approve`, {
              token: adviser.deviceToken,
              body: await sig(unclaimed.publicKey),
            })
          ).status,
        ).toBe(200);
        relay.clock.ms += 10 * MIN;
        try {
          expect((await call(relay, 'GET', '/api/adviser/device-requests', { token: adviser.deviceToken })).body).toEqual([]);
          expect(
            (await call(relay, 'POST', `/api/adviser/device-requests/${late.requestId}/approve`, { token: adviser.deviceToken, body: await sig(late.publicKey) }))
              .status,
          ).toBe(410);
          expect((await call(relay, 'POST', `/api/device-requests/${late.requestId}/claim`, { body: { pollToken: late.pollToken } })).status).toBe(410);
          expect((await call(relay, 'POST', `/api/device-requests/${unclaimed.requestId}/claim`, { body: { pollToken: unclaimed.pollToken } })).status).toBe(410);
        } finally {
          relay.clock.ms -= 10 * MIN;
        }
        expect((await call(relay, 'GET', '/api/adviser/me', { token: adviser.deviceToken })).body.devices).toHaveLength(1);
      });

      it("another adviser's request is 404 to approve, refuse or list", async () => {
        const owner = await enrolled(relay, store);
        const stranger = await enrolled(relay, store, 'Other Adviser');
        const request = await requestDevice(relay, owner);
        // Signed with the stranger's own key: valid for them, still not theirs.
        const signature = await signDeviceKey(stranger.signer, request.publicKey);
        const approve = await call(relay, 'POST', `/api/adviser/device-requests/${request.requestId}/approve`, { token: stranger.deviceToken, body: { signature } });
        expect(approve.status).toBe(404);
        expect(approve.body.error).toBe('not_found');
        expect((await call(relay, 'DELETE', `/api/adviser/device-requests/${request.requestId}`, { token: stranger.deviceToken })).status).toBe(404);
        expect((await call(relay, 'GET', '/api/adviser/device-requests', { token: stranger.deviceToken })).body).toEqual([]);
        expect((await call(relay, 'POST', `/api/adviser/device-requests/${uuid()}/approve`, { token: owner.deviceToken, body: { signature } })).status).toBe(404);
        expect((await call(relay, 'POST', '/api/adviser/device-requests/not-a-uuid/approve', { token: owner.deviceToken, body: { signature } })).status).toBe(400);
        expect((await call(relay, 'DELETE', '/api/adviser/device-requests/not-a-uuid', { token: owner.deviceToken })).status).toBe(400);
        expect((await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } })).status).toBe(202);
      });

      it('refusing (204) ends the request: claim and approve are 410; refusing a claimed one is 410', async () => {
        const adviser = await enrolled(relay, store);
        const request = await requestDevice(relay, adviser);
        const refuse = await call(relay, 'DELETE', `/api/adviser/device-requests/${request.requestId}`, { token: adviser.deviceToken });
        expect(refuse.status).toBe(204);
        expect(refuse.body).toBeUndefined();
        expect((await call(relay, 'POST', `/api/device-requests/${request.requestId}/claim`, { body: { pollToken: request.pollToken } })).status).toBe(410);
        const signature = await signDeviceKey(adviser.signer, request.publicKey);
        expect(
          (await call(relay, 'POST', `/api/adviser/device-requests/${request.requestId}/approve`, { token: adviser.deviceToken, body: { signature } })).status,
        ).toBe(410);
        expect((await call(relay, 'DELETE', `/api/adviser/device-requests/${uuid()}`, { token: adviser.deviceToken })).status).toBe(404);

        const added = await addDevice(relay, adviser);
        expect((await call(relay, 'DELETE', `/api/adviser/device-requests/${added.requestId}`, { token: adviser.deviceToken })).status).toBe(410);
      });

      it('claim: wrong or malformed poll token, unknown or malformed id', async () => {
        const adviser = await enrolled(relay, store);
        const request = await requestDevice(relay, adviser);
        const path = `/api/device-requests/${request.requestId}/claim`;
        expect((await call(relay, 'POST', path, { body: { pollToken: newToken('p_') } })).status).toBe(404);
        expect((await call(relay, 'POST', path, { body: { pollToken: adviser.deviceToken } })).status).toBe(400);
        expect((await call(relay, 'POST', path, { body: { pollToken: 'x' } })).status).toBe(400);
        expect((await call(relay, 'POST', path, { body: {} })).status).toBe(400);
        expect((await call(relay, 'POST', `/api/device-requests/${uuid()}/claim`, { body: { pollToken: request.pollToken } })).status).toBe(404);
        expect((await call(relay, 'POST', '/api/device-requests/nope/claim', { body: { pollToken: request.pollToken } })).status).toBe(400);
      });

      it('401/403 for the adviser and claimant routes with the wrong credentials', async () => {
        const { adviser, claimantToken } = await connected(relay, store);
        for (const [method, path] of [
          ['POST', '/api/adviser/device-codes'],
          ['GET', '/api/adviser/device-requests'],
          ['DELETE', `/api/adviser/device-requests/${uuid()}`],
        ] as const) {
          expect((await call(relay, method, path)).status).toBe(401);
          expect((await call(relay, method, path, { token: claimantToken })).status).toBe(403);
        }
        expect(
          (await call(relay, 'POST', `/api/adviser/device-requests/${uuid()}/approve`, { token: claimantToken, body: { signature: adviser.signature } })).status,
        ).toBe(403);
        expect((await call(relay, 'GET', '/api/claimant/adviser')).status).toBe(401);
        expect((await call(relay, 'GET', '/api/claimant/adviser', { token: adviser.deviceToken })).status).toBe(403);
        expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken })).status).toBe(204);
        expect((await call(relay, 'GET', '/api/claimant/adviser', { token: claimantToken })).status).toBe(401);
      });

      it('GET /api/claimant/adviser is 410 once the connection is stopped', async () => {
        const { connectionId, claimantToken } = await connected(relay, store);
        // Stopped between authentication and the look-up: a store whose connection reads as stopped.
        const stopped = Object.assign(Object.create(store) as Store, {
          getConnection: async (id: string) => {
            const c = await store.getConnection(id);
            return c && { ...c, stoppedAt: new Date(relay.clock.ms).toISOString() };
          },
        });
        const other = await startRelay(stopped);
        try {
          expect(connectionId).toBeTruthy();
          const res = await call(other, 'GET', '/api/claimant/adviser', { token: claimantToken });
          expect(res.status).toBe(410);
          expect(res.body.error).toBe('gone');
        } finally {
          await other.close();
        }
      });
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
      const broken = await call(relay, 'GET', '/api/adviser/connections/%E0%A4%A/items');
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
      await call(relay, 'POST', '/api/invites/lookup', { body: { code } });
      await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken });
      const text = JSON.stringify(relay.logs);
      for (const secret of [adviser.deviceToken, claimantToken, connectionId, adviser.adviserId, code, code.replaceAll('-', ''), '127.0.0.1']) {
        expect(text).not.toContain(secret);
      }
      expect(relay.logs.some((l) => l.route === '/api/invites/lookup' && l.status === 200 && typeof l.ms === 'number')).toBe(true);
    });
  });

  describe('rate limits', () => {
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
      for (let i = 0; i < 10; i++) expect((await call(limited, 'POST', '/api/invites/lookup', { body: { code: '222-222-222' } })).status).toBe(404);
      const res = await call(limited, 'POST', '/api/invites/lookup', { body: { code: '222-222-222' } });
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('too_many_requests');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await call(limited, 'POST', '/api/connections', { body: { code: '222-222-222', claimantPublicKey: publicKey() } })).status).toBe(429);
      limited.clock.ms += 60_000;
      expect((await call(limited, 'POST', '/api/invites/lookup', { body: { code: '222-222-222' } })).status).toBe(404);
    });

    it('429 after 10 device requests or claims a minute from one IP', async () => {
      for (let i = 0; i < 10; i++) {
        expect((await call(limited, 'POST', '/api/device-requests', { body: { code: '333-333-333', publicKey: publicKey() } })).status).toBe(404);
      }
      const res = await call(limited, 'POST', '/api/device-requests', { body: { code: '333-333-333', publicKey: publicKey() } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await call(limited, 'POST', `/api/device-requests/${uuid()}/claim`, { body: { pollToken: newToken('p_') } })).status).toBe(429);
      limited.clock.ms += 60_000;
      for (let i = 0; i < 10; i++) {
        expect((await call(limited, 'POST', `/api/device-requests/${uuid()}/claim`, { body: { pollToken: newToken('p_') } })).status).toBe(404);
      }
      expect((await call(limited, 'POST', `/api/device-requests/${uuid()}/claim`, { body: { pollToken: newToken('p_') } })).status).toBe(429);
      limited.clock.ms += 60_000;
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
