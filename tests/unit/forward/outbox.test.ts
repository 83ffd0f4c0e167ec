import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdviserKeys, ClaimantStatus, ItemInfo, SendItemRequest, SignedDeviceKey } from '../../../src/shared/protocol/api-types';

// A pretend relay: it keeps items by id, so a repeat id returns the same item.
const relayState = vi.hoisted(() => ({
  online: true,
  /** Makes the next send reach the relay but lose its answer on the way back. */
  loseNextResponse: false,
  items: new Map<string, ItemInfo>(),
  sendCalls: [] as SendItemRequest[],
  status: null as ClaimantStatus | null,
  statusFailure: null as number | null,
  stopCalls: 0,
  /** Replies' envelopes, fetched one at a time (GET /api/claimant/replies/:id). */
  replyEnvelopes: new Map<string, string>(),
  replyFetches: [] as string[],
  /** Sends answer 409 connection_full while true. */
  full: false,
  /** What GET /api/claimant/adviser answers; null: the stored keys, unchanged. */
  adviserKeys: null as AdviserKeys | null,
  adviserKeysFailure: null as number | null,
  adviserKeysCalls: 0,
}));

// Stand-in signatures: "sig(signing key, device key)" verifies, anything else does not.
const signed = (signingKey: string, publicKey: string): SignedDeviceKey => ({ publicKey, signature: `sig(${signingKey},${publicKey})` });
const storedAdviser = (): AdviserKeys => ({ name: 'Sam', org: 'Advice Centre', signingKey: 'signing-pub', devices: [signed('signing-pub', 'adviser-pub')] });

vi.mock('../../../src/client/services/api-client', () => {
  class ApiFailure extends Error {
    constructor(
      readonly status: number,
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
    get offline() {
      return this.status === 0;
    }
  }
  const offline = () => new ApiFailure(0, 'offline', 'No signal.');
  return {
    ApiFailure,
    relay: {
      send: async (_token: string, body: SendItemRequest) => {
        if (!relayState.online) throw offline();
        relayState.sendCalls.push(body);
        if (relayState.full) throw new ApiFailure(409, 'connection_full', 'Full.');
        const info = relayState.items.get(body.id) ?? {
          id: body.id,
          createdAt: `2026-01-01T10:00:0${relayState.items.size}Z`,
          seenAt: null,
          size: body.envelope.length,
        };
        relayState.items.set(body.id, info);
        if (relayState.loseNextResponse) {
          relayState.loseNextResponse = false;
          throw offline();
        }
        return info;
      },
      status: async () => {
        if (!relayState.online) throw offline();
        if (relayState.statusFailure) throw new ApiFailure(relayState.statusFailure, 'gone', 'Gone.');
        return relayState.status ?? { stopped: false, sent: [...relayState.items.values()], replies: [] };
      },
      fetchReply: async (_token: string, id: string) => {
        if (!relayState.online) throw offline();
        relayState.replyFetches.push(id);
        const envelope = relayState.replyEnvelopes.get(id);
        if (envelope === undefined) throw new ApiFailure(404, 'not_found', 'No such reply.');
        return { id, createdAt: '2026-01-02T12:00:00Z', seenAt: '2026-01-02T12:05:00Z', size: 5, envelope };
      },
      adviserKeys: async () => {
        if (!relayState.online) throw offline();
        relayState.adviserKeysCalls++;
        if (relayState.adviserKeysFailure) throw new ApiFailure(relayState.adviserKeysFailure, 'gone', 'Gone.');
        return relayState.adviserKeys ?? storedAdviser();
      },
      stopSharing: async () => {
        if (!relayState.online) throw offline();
        relayState.stopCalls++;
      },
    },
  };
});

// Stand-in crypto: "sealing" is readable JSON, so the test can check what went
// (recipients, payload, binding and sender). A reply reads
// "reply|<recipient secret>|<text>|<sender key>|<connection id>|<reply id>".
vi.mock('../../../src/client/services/crypto', () => {
  class EnvelopeRefused extends Error {
    constructor(readonly reason: string) {
      super('This item could not be checked.');
    }
  }
  interface Binding {
    connectionId: string;
    direction: string;
    itemId: string;
  }
  return {
    EnvelopeRefused,
    sealPayload: async (recipients: string[], payload: { text?: string }, { sender, binding }: { sender: { publicKey: string }; binding: Binding }) => ({
      envelope: `sealed:${recipients.join(',')}:${JSON.stringify(payload)}:${binding.connectionId}/${binding.direction}/${binding.itemId}:from=${sender.publicKey}`,
      sha256: `sha-${payload.text ?? ''}`,
    }),
    verifyDeviceKey: async (signingKey: string, device: SignedDeviceKey) => device.signature === `sig(${signingKey},${device.publicKey})`,
    openEnvelope: async (identity: { privateKey: { secret: string } }, envelope: string, { senders, binding }: { senders: readonly string[]; binding: Binding }) => {
      const [prefix, key, text, sender = 'adviser-pub', connectionId = 'c1', itemId] = envelope.split('|');
      if (prefix !== 'reply') throw new EnvelopeRefused('unchecked');
      if (!senders.includes(sender)) throw new EnvelopeRefused('unknown-sender');
      if (key !== identity.privateKey.secret) throw new EnvelopeRefused('not-for-this-key');
      if (binding.direction !== 'to-claimant' || connectionId !== binding.connectionId || (itemId && itemId !== binding.itemId))
        throw new EnvelopeRefused('unchecked');
      return { kind: 'text', text, sentAt: '2026-01-01T00:00:00Z', sha256: 'x', sender };
    },
  };
});

type Db = typeof import('../../../src/client/data/claimant-db');
type Outbox = typeof import('../../../src/client/services/outbox');
type Flush = typeof import('../../../src/client/services/outbox-flush');
type Status = typeof import('../../../src/client/services/outbox-status');
type Events = typeof import('../../../src/client/services/outbox-events');
type Stopping = typeof import('../../../src/client/services/stop-sharing');
let db: Db;
let outbox: Outbox;
let flush: Flush;
let status: Status;
let events: Events;
let stopping: Stopping;

async function connect(): Promise<void> {
  await db.saveConnected(
    // A plain object stands in for the non-extractable CryptoKey.
    { publicKey: 'claimant-pub', privateKey: { secret: 'k1' } as unknown as CryptoKey, createdAt: '2026-01-01T09:00:00Z' },
    {
      connectionId: 'c1',
      claimantToken: 'tok',
      adviser: storedAdviser(),
      fingerprint: 'AAAA-BBBB',
      connectedAt: '2026-01-01T09:00:00Z',
    },
  );
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  Object.assign(relayState, {
    online: true,
    loseNextResponse: false,
    status: null,
    statusFailure: null,
    stopCalls: 0,
    replyEnvelopes: new Map(),
    replyFetches: [],
    full: false,
    adviserKeys: null,
    adviserKeysFailure: null,
    adviserKeysCalls: 0,
  });
  relayState.items = new Map();
  relayState.sendCalls = [];
  db = await import('../../../src/client/data/claimant-db');
  outbox = await import('../../../src/client/services/outbox');
  flush = await import('../../../src/client/services/outbox-flush');
  status = await import('../../../src/client/services/outbox-status');
  events = await import('../../../src/client/services/outbox-events');
  stopping = await import('../../../src/client/services/stop-sharing');
  await connect();
});

const text = (words: string) => ({ kind: 'text' as const, text: words, sentAt: '2026-01-01T09:30:00Z' });

describe('outbox', () => {
  it('keeps an item waiting when queued with no signal', async () => {
    relayState.online = false;
    const item = await outbox.queueItem(text('My sanction letter says I missed a meeting'));
    const result = await flush.flushOutbox();
    expect(result).toMatchObject({ offline: true, sent: 0, waiting: 1 });
    const stored = await db.getOutboxItem(item.id);
    expect(stored?.state).toBe('waiting');
    expect(stored?.envelope).toContain('sealed:adviser-pub:');
    expect(stored?.summary).toBe('My sanction letter says I missed a meeti…');
    expect(relayState.sendCalls).toHaveLength(0);
  });

  it('sends it later, once, with the id made on the phone', async () => {
    relayState.online = false;
    const item = await outbox.queueItem(text('hello'));
    await flush.flushOutbox();
    relayState.online = true;
    const result = await flush.flushOutbox();
    expect(result.sent).toBe(1);
    expect(relayState.sendCalls).toEqual([{ id: item.id, envelope: item.envelope }]);
    const receipt = await db.getOutboxItem(item.id);
    expect(receipt?.state).toBe('sent');
    // Sent: the locked copy is not kept (the Send screen reads every row on each change); the receipt is.
    expect(receipt?.envelope).toBeUndefined();
    expect(receipt).toMatchObject({ sha256: 'sha-hello', size: item.envelope!.length });
    await flush.flushOutbox();
    expect(relayState.sendCalls).toHaveLength(1);
  });

  it('does not make a copy when a send is repeated after a lost answer', async () => {
    relayState.online = false;
    const item = await outbox.queueItem(text('hello'));
    relayState.online = true;
    relayState.loseNextResponse = true;
    expect((await flush.flushOutbox()).offline).toBe(true);
    expect((await db.getOutboxItem(item.id))?.state).toBe('waiting');
    await flush.flushOutbox();
    expect(relayState.sendCalls.map((call) => call.id)).toEqual([item.id, item.id]);
    expect(relayState.items.size).toBe(1);
    expect((await db.getOutboxItem(item.id))?.state).toBe('sent');
  });

  it('marks items seen and stores opened replies', async () => {
    const item = await outbox.queueItem(text('hello'));
    await flush.flushOutbox();
    relayState.status = {
      stopped: false,
      sent: [{ id: item.id, createdAt: '2026-01-01T10:00:00Z', seenAt: '2026-01-02T11:00:00Z', size: 10 }],
      replies: [
        { id: 'r1', createdAt: '2026-01-02T12:00:00Z', seenAt: null, size: 5 },
        { id: 'r2', createdAt: '2026-01-02T12:01:00Z', seenAt: null, size: 5 },
      ],
    };
    relayState.replyEnvelopes.set('r1', 'reply|k1|Thanks, I will call the DWP.');
    relayState.replyEnvelopes.set('r2', 'reply|other-key|not for us');
    const result = await status.refreshStatus();
    expect(result).toMatchObject({ newlySeen: 1, newReplies: 2, stopped: false });
    expect(await db.getOutboxItem(item.id)).toMatchObject({ state: 'seen', seenAt: '2026-01-02T11:00:00Z' });
    // One not for this phone's key cannot be the adviser's: it shows as refused, never as their words.
    expect(await db.listReplies()).toEqual([
      { id: 'r2', text: '', receivedAt: '2026-01-02T12:01:00Z', refused: true },
      { id: 'r1', text: 'Thanks, I will call the DWP.', receivedAt: '2026-01-02T12:00:00Z' },
    ]);
    // Asking again does not store the same reply twice, nor fetch a stored one again.
    expect((await status.refreshStatus()).newReplies).toBe(0);
    expect(relayState.replyFetches.filter((id) => id === 'r1')).toEqual(['r1']);
  });

  it('says when the relay is full for this connection, keeps the item waiting, and clears once one goes', async () => {
    relayState.full = true;
    const item = await outbox.queueItem(text('one too many'));
    const result = await flush.flushOutbox();
    expect(result).toMatchObject({ sent: 0, waiting: 1, full: true, offline: false, stopped: false });
    expect(flush.isRelayFull()).toBe(true);
    expect((await db.getOutboxItem(item.id))?.state).toBe('waiting');
    relayState.full = false;
    expect((await flush.flushOutbox()).sent).toBe(1);
    expect(flush.isRelayFull()).toBe(false);
  });

  it('keeps nothing too big for the relay: it could never be sent, and would hold up what comes after it', async () => {
    // The stand-in envelope holds the text as it is: about 2.1 MB of it is over the relay's limit.
    await expect(outbox.queueItem(text('x'.repeat(2_100_000)))).rejects.toThrow(events.TooBigError);
    expect(await db.listWaiting()).toEqual([]);
    expect(relayState.sendCalls).toHaveLength(0);
    const item = await outbox.queueItem(text('a short one still goes'));
    expect((await flush.flushOutbox()).sent).toBe(1);
    expect((await db.getOutboxItem(item.id))?.state).toBe('sent');
  });

  it('says each step before the item is stored, and keeps nothing when stopped at any of them', async () => {
    const steps: string[] = [];
    const item = await outbox.queueItem(text('with steps'), { onStep: (step) => steps.push(step) });
    expect(steps).toEqual([...outbox.QUEUE_STEPS]);
    expect((await db.getOutboxItem(item.id))?.state).toBeDefined();
    await flush.flushOutbox();
    relayState.sendCalls = [];
    for (const stopAt of outbox.QUEUE_STEPS) {
      const controller = new AbortController();
      const queued = outbox.queueItem(text(`stopped at ${stopAt}`), {
        signal: controller.signal,
        onStep: (step) => step === stopAt && controller.abort(),
      });
      await expect(queued, stopAt).rejects.toThrow(/abort/i);
      expect(await db.listWaiting(), stopAt).toEqual([]);
    }
    expect(relayState.sendCalls).toHaveLength(0);
  });

  it('shows the connection as stopped when the relay answers 410', async () => {
    relayState.statusFailure = 410;
    expect((await status.refreshStatus()).stopped).toBe(true);
    expect((await db.getConnection())?.stoppedAt).toBeTruthy();
    await expect(outbox.queueItem(text('late'))).rejects.toThrow(events.NotConnectedError);
  });

  it('stop sharing forgets the keys but keeps the receipts', async () => {
    const item = await outbox.queueItem(text('hello'));
    await flush.flushOutbox();
    await db.saveReply({ id: 'r1', text: 'hi', receivedAt: '2026-01-02T12:00:00Z' });
    await stopping.stopSharing();
    expect(relayState.stopCalls).toBe(1);
    expect(await db.getIdentity()).toBeUndefined();
    expect(await db.getConnection()).toBeUndefined();
    expect(await db.listReplies()).toEqual([]);
    const receipts = await db.listOutbox();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ id: item.id, state: 'sent', sha256: 'sha-hello' });
    expect(receipts[0]?.envelope).toBeUndefined();
  });

  it('will not stop sharing with no signal, and keeps everything', async () => {
    relayState.online = false;
    await expect(stopping.stopSharing()).rejects.toMatchObject({ offline: true });
    expect(await db.getIdentity()).toBeDefined();
    expect(await db.getConnection()).toBeDefined();
  });
});

describe('outbox: what is sealed and what is opened', () => {
  it("seals each item by this phone's key, bound to the connection, the direction and the item's own id", async () => {
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toBe(`sealed:adviser-pub:${JSON.stringify(text('hello'))}:c1/to-adviser/${item.id}:from=claimant-pub`);
  });

  async function replies(...envelopes: string[]) {
    relayState.status = {
      stopped: false,
      sent: [],
      replies: envelopes.map((_envelope, i) => ({ id: `r${i + 1}`, createdAt: `2026-01-02T12:0${i}:00Z`, seenAt: null, size: 5 })),
    };
    // Status carries no envelopes: each reply's is fetched on its own.
    envelopes.forEach((envelope, i) => relayState.replyEnvelopes.set(`r${i + 1}`, envelope));
    await status.refreshStatus();
    return Object.fromEntries((await db.listReplies()).map((reply) => [reply.id, reply]));
  }

  it('opens a reply from a computer the adviser added since, once its key is refreshed and signed by the pinned key', async () => {
    relayState.adviserKeys = { ...storedAdviser(), devices: [signed('signing-pub', 'adviser-pub'), signed('signing-pub', 'laptop-pub')] };
    const got = await replies('reply|k1|From my laptop|laptop-pub|c1|r1');
    expect(got.r1).toEqual({ id: 'r1', text: 'From my laptop', receivedAt: '2026-01-02T12:00:00Z' });
    expect(relayState.adviserKeysCalls).toBe(1);
  });

  it('refuses a reply sealed by a key the pinned signing key did not vouch for, even when the relay lists it', async () => {
    relayState.adviserKeys = { ...storedAdviser(), devices: [signed('signing-pub', 'adviser-pub'), { publicKey: 'relay-pub', signature: 'sig(relay,relay-pub)' }] };
    const got = await replies('reply|k1|I no longer want to appeal|relay-pub|c1|r1');
    expect(got.r1).toEqual({ id: 'r1', text: '', receivedAt: '2026-01-02T12:00:00Z', refused: true });
  });

  it('refuses a reply from another signing key the relay hands out', async () => {
    relayState.adviserKeys = { ...storedAdviser(), signingKey: 'relay-signing', devices: [signed('relay-signing', 'relay-pub')] };
    expect((await replies('reply|k1|Ring me|relay-pub|c1|r1')).r1?.refused).toBe(true);
  });

  it('refuses a genuine reply moved from another connection or under another id', async () => {
    const got = await replies('reply|k1|For someone else|adviser-pub|c2|r1', 'reply|k1|Renamed|adviser-pub|c1|r9');
    expect(got.r1?.refused).toBe(true);
    expect(got.r2?.refused).toBe(true);
  });
});

describe("outbox: the adviser's computers", () => {
  it('with no signal, locks for the stored keys', async () => {
    relayState.online = false;
    await db.saveConnection({
      ...(await db.getConnection())!,
      adviser: { ...storedAdviser(), devices: [signed('signing-pub', 'adviser-pub'), signed('signing-pub', 'laptop-pub')] },
    });
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toMatch(/^sealed:adviser-pub,laptop-pub:/);
  });

  it('refreshes the keys first, and locks for a computer added since', async () => {
    relayState.adviserKeys = { ...storedAdviser(), devices: [signed('signing-pub', 'adviser-pub'), signed('signing-pub', 'laptop-pub')] };
    const item = await outbox.queueItem(text('hello'));
    expect(relayState.adviserKeysCalls).toBe(1);
    expect(item.envelope).toMatch(/^sealed:adviser-pub,laptop-pub:/);
    // Kept for next time, with no signal.
    expect((await db.getConnection())?.adviser.devices.map((d) => d.publicKey)).toEqual(['adviser-pub', 'laptop-pub']);
    relayState.online = false;
    expect((await outbox.queueItem(text('again'))).envelope).toMatch(/^sealed:adviser-pub,laptop-pub:/);
  });

  it('drops a device key whose signature does not verify', async () => {
    relayState.adviserKeys = {
      ...storedAdviser(),
      devices: [signed('signing-pub', 'adviser-pub'), { publicKey: 'relay-pub', signature: 'sig(other,relay-pub)' }, signed('intruder', 'intruder-pub')],
    };
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toMatch(/^sealed:adviser-pub:/);
    expect((await db.getConnection())?.adviser.devices.map((d) => d.publicKey)).toEqual(['adviser-pub']);
  });

  it('ignores an answer with a different signing key, and keeps the pinned one', async () => {
    relayState.adviserKeys = { ...storedAdviser(), signingKey: 'relay-signing', devices: [signed('relay-signing', 'relay-pub')] };
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toMatch(/^sealed:adviser-pub:/);
    expect((await db.getConnection())?.adviser).toEqual(storedAdviser());
  });

  it('keeps the stored keys when no refreshed key verifies', async () => {
    relayState.adviserKeys = { ...storedAdviser(), devices: [{ publicKey: 'relay-pub', signature: 'forged' }] };
    expect((await outbox.queueItem(text('hello'))).envelope).toMatch(/^sealed:adviser-pub:/);
    relayState.adviserKeys = { ...storedAdviser(), devices: [] };
    expect((await outbox.queueItem(text('hello'))).envelope).toMatch(/^sealed:adviser-pub:/);
  });

  it('keeps the name and organisation the person agreed to', async () => {
    relayState.adviserKeys = { ...storedAdviser(), name: 'Someone Else', devices: [signed('signing-pub', 'laptop-pub')] };
    await outbox.queueItem(text('hello'));
    expect((await db.getConnection())?.adviser).toMatchObject({ name: 'Sam', devices: [{ publicKey: 'laptop-pub' }] });
  });

  it('a relay error while refreshing still locks and stores the item', async () => {
    relayState.adviserKeysFailure = 500;
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toMatch(/^sealed:adviser-pub:/);
    expect((await db.getOutboxItem(item.id))?.state).toBeDefined();
  });

  it('stops when the relay says the connection has gone', async () => {
    relayState.adviserKeysFailure = 410;
    await expect(outbox.queueItem(text('late'))).rejects.toThrow(events.NotConnectedError);
    expect((await db.getConnection())?.stoppedAt).toBeTruthy();
  });
});

describe('claimant-db migration', () => {
  it('drops the locked copy of items already sent, and keeps it for those still waiting', async () => {
    globalThis.indexedDB = new IDBFactory();
    vi.resetModules();
    const { openDB } = await import('idb');
    const old = await openDB('uc-forward', 2, {
      upgrade(v2) {
        v2.createObjectStore('identity', { keyPath: 'key' });
        v2.createObjectStore('connection', { keyPath: 'key' });
        v2.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        v2.createObjectStore('replies', { keyPath: 'id' });
      },
    });
    const row = (id: string, state: string, createdAt: string) => ({
      id,
      kind: 'text',
      summary: id,
      envelope: `sealed-${id}`,
      sha256: `sha-${id}`,
      size: 9,
      createdAt,
      state,
    });
    await old.put('outbox', row('sent-1', 'sent', '2026-01-01T09:00:00Z'));
    await old.put('outbox', row('seen-1', 'seen', '2026-01-01T10:00:00Z'));
    await old.put('outbox', row('waiting-1', 'waiting', '2026-01-01T11:00:00Z'));
    old.close();
    db = await import('../../../src/client/data/claimant-db');
    const rows = await db.listOutbox();
    expect(rows.map((r) => [r.id, r.envelope ?? null, r.sha256])).toEqual([
      ['waiting-1', 'sealed-waiting-1', 'sha-waiting-1'],
      ['seen-1', null, 'sha-seen-1'],
      ['sent-1', null, 'sha-sent-1'],
    ]);
    expect((await db.listWaiting()).map((r) => r.id)).toEqual(['waiting-1']);
  });

  it('keeps a connection made before signing keys, pinned to its one key', async () => {
    globalThis.indexedDB = new IDBFactory();
    vi.resetModules();
    const { openDB } = await import('idb');
    const old = await openDB('uc-forward', 1, {
      upgrade(v1) {
        v1.createObjectStore('identity', { keyPath: 'key' });
        v1.createObjectStore('connection', { keyPath: 'key' });
        v1.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        v1.createObjectStore('replies', { keyPath: 'id' });
      },
    });
    await old.put('connection', {
      key: 'only',
      connectionId: 'c-old',
      claimantToken: 'tok',
      adviser: { name: 'Sam', org: 'Advice Centre', publicKey: 'old-pub' },
      fingerprint: 'OLD',
      connectedAt: '2025-12-01T09:00:00Z',
    });
    await old.put('identity', { key: 'only', publicKey: 'claimant-pub', privateKey: { secret: 'k1' }, createdAt: '2025-12-01T09:00:00Z' });
    old.close();
    db = await import('../../../src/client/data/claimant-db');
    outbox = await import('../../../src/client/services/outbox');
    expect((await db.getConnection())?.adviser).toEqual({
      name: 'Sam',
      org: 'Advice Centre',
      signingKey: '',
      devices: [{ publicKey: 'old-pub', signature: '' }],
    });
    // No signing key to check new keys against: the relay is not asked, the old key is used.
    const item = await outbox.queueItem(text('hello'));
    expect(item.envelope).toMatch(/^sealed:old-pub:/);
    expect(relayState.adviserKeysCalls).toBe(0);
  });
});
