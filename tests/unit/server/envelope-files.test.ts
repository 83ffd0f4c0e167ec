// The embedded store keeps envelopes beside PGlite (store/envelope-files.ts):
// a file per item in <DATA_DIR>/uc-envelopes/<connection>/<item>, written and
// fsynced before the row; the row's envelope column is ''. Through the API:
// sends, resends, conflicts, listing, stopping, reopening, and what a crash
// between the file and the row leaves behind.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/server/store/open-store';
import type { Store } from '../../../src/server/store/store';
import { call, connected, envelope, startRelay, uuid } from '../../support/relay-api';

const dir = mkdtempSync(join(tmpdir(), 'uc-envelopes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('envelopes beside the embedded store', () => {
  it('stores, lists, refuses conflicts, survives a reopen, sweeps leftovers and goes with the connection', async () => {
    const dataDir = join(dir, 'data');
    let store: Store = await openStore({ dataDir });
    let relay = await startRelay(store);
    const { claimantToken, adviser, connectionId } = await connected(relay, store);
    const folder = join(dataDir, 'uc-envelopes', connectionId);

    const id = uuid();
    const sealed = envelope(100 * 1024);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: sealed } })).status).toBe(201);
    expect(readFileSync(join(folder, id), 'latin1')).toBe(sealed);
    // The same send again is the same item; another envelope under its id is a conflict and changes nothing.
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: sealed } })).status).toBe(200);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(64) } })).status).toBe(409);
    expect(readFileSync(join(folder, id), 'latin1')).toBe(sealed);

    const list = async () =>
      (await call(relay, 'GET', `/api/adviser/connections/${connectionId}/items`, { token: adviser.deviceToken })).body as { id: string; envelope: string }[];
    expect(await list()).toEqual([expect.objectContaining({ id, envelope: sealed })]);

    // A crash after an envelope was written but before its row: a file without a row.
    const orphan = uuid();
    writeFileSync(join(folder, orphan), 'left over');
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(folder, orphan), old, old);
    // And one whose send is resent after the restart, with the same envelope: stored once.
    const resent = uuid();
    const resentEnvelope = envelope(2048);
    writeFileSync(join(folder, resent), resentEnvelope, 'latin1');
    utimesSync(join(folder, resent), old, old);
    await relay.close();
    await store.close();

    // Reopened: the item and its envelope are there; the leftover is gone (swept at open).
    store = await openStore({ dataDir });
    relay = await startRelay(store);
    expect(existsSync(join(folder, orphan))).toBe(false);
    expect(existsSync(join(folder, resent))).toBe(false);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: resent, envelope: resentEnvelope } })).status).toBe(201);
    const items = await list();
    expect(items.map((item) => item.id).sort()).toEqual([id, resent].sort());
    expect(items.find((item) => item.id === id)?.envelope).toBe(sealed);
    expect(items.find((item) => item.id === resent)?.envelope).toBe(resentEnvelope);

    // Stopping deletes the items and their envelopes at once.
    expect((await call(relay, 'DELETE', '/api/claimant/connection', { token: claimantToken })).status).toBeLessThan(300);
    expect(existsSync(folder)).toBe(false);
    await relay.close();
    await store.close();
  }, 180_000);

  it('retention removes the envelopes of the items it deletes', async () => {
    const dataDir = join(dir, 'retention');
    const store = await openStore({ dataDir });
    const relay = await startRelay(store);
    try {
      const { claimantToken, connectionId } = await connected(relay, store);
      const id = uuid();
      expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id, envelope: envelope(512) } })).status).toBe(201);
      const file = join(dataDir, 'uc-envelopes', connectionId, id);
      const old = new Date(Date.now() - 3600_000);
      utimesSync(file, old, old);
      expect(await store.deleteExpired({ seenBefore: new Date(0).toISOString(), createdBefore: new Date(Date.now() + 60_000).toISOString() })).toBe(1);
      expect(existsSync(file)).toBe(false);
      // A file younger than a minute may belong to a send still on its way: kept.
      const young = join(dataDir, 'uc-envelopes', connectionId, uuid());
      mkdirSync(join(dataDir, 'uc-envelopes', connectionId), { recursive: true });
      writeFileSync(young, 'in flight');
      await store.deleteExpired({ seenBefore: new Date(0).toISOString(), createdBefore: new Date(0).toISOString() });
      expect(existsSync(young)).toBe(true);
    } finally {
      await relay.close();
      await store.close();
    }
  }, 180_000);
});
