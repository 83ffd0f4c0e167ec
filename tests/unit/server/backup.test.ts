// `npm run admin -- backup <file>` and `restore <file>` for the embedded
// store: back up a data folder, restore it into a new one, find the data.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/server/admin';
import { hashSecret } from '../../../src/server/api/auth';
import { openStore } from '../../../src/server/store/open-store';
import { call, connected, envelope, startRelay, uuid } from '../../support/relay-api';

const dir = mkdtempSync(join(tmpdir(), 'uc-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function admin(argv: string[], dataDir: string, databaseUrl: string | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, {
    loadConfig: () => ({ publicOrigin: 'https://relay.example.org', databaseUrl, dataDir }),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  }).then((exit) => ({ exit, out: out.join('\n'), err: err.join('\n') }));
}

describe('admin backup and restore (embedded store)', () => {
  it('backs up a data folder, restores it into a new one and finds the data there', async () => {
    const original = join(dir, 'data');
    const store = await openStore({ dataDir: original });
    const adviser = await store.createAdviser({
      name: 'Sam Jones',
      org: 'Cardiff Advice',
      enrolTokenHash: hashSecret('e_x'),
      enrolExpiresAt: '2099-01-01T00:00:00.000Z',
    });
    // An item too, with its envelope.
    const relay = await startRelay(store);
    const { claimantToken, connectionId } = await connected(relay, store);
    const itemId = uuid();
    const sealed = envelope(4096);
    expect((await call(relay, 'POST', '/api/items', { token: claimantToken, body: { id: itemId, envelope: sealed } })).status).toBe(201);
    await relay.close();

    // Refused while the relay (here: this store) holds the folder.
    const file = join(dir, 'backup.tar.gz');
    const busy = await admin(['backup', file], original);
    expect(busy.exit).toBe(1);
    expect(busy.err).toMatch(/in use/);
    expect(existsSync(file)).toBe(false);
    await store.close();

    const done = await admin(['backup', file], original);
    expect(done).toMatchObject({ exit: 0, err: '' });
    expect(existsSync(file)).toBe(true);
    // Never over an existing file.
    expect((await admin(['backup', file], original)).exit).toBe(1);

    const restored = join(dir, 'restored');
    expect(await admin(['restore', file], restored)).toMatchObject({ exit: 0, err: '' });
    // Not into a folder that has data.
    expect((await admin(['restore', file], original)).exit).toBe(1);

    const copy = await openStore({ dataDir: restored });
    try {
      expect(await copy.getAdviser(adviser.id)).toMatchObject({ name: 'Sam Jones', org: 'Cardiff Advice' });
      expect(await copy.listItems(connectionId, 'to-adviser')).toEqual([expect.objectContaining({ id: itemId })]);
      expect(await copy.getEnvelope(itemId)).toMatchObject({ id: itemId, connectionId, envelope: sealed });
    } finally {
      await copy.close();
    }
  }, 180_000);

  it('points to pg_dump with PostgreSQL, and asks for one file name', async () => {
    const pg = await admin(['backup', join(dir, 'x')], join(dir, 'unused'), 'postgres://localhost/uc');
    expect(pg.exit).toBe(2);
    expect(pg.err).toContain('pg_dump');
    expect(pg.err).toContain('pg_restore');
    expect((await admin(['backup'], join(dir, 'unused'))).exit).toBe(2);
    expect((await admin(['restore', 'a', 'b'], join(dir, 'unused'))).exit).toBe(2);
  });
});
