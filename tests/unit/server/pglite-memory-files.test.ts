// The in-memory store's files grow in place once past 1 MB (pglite-driver.ts,
// GrowingMemoryFS): whatever was written before and after each growth must
// read back byte for byte, through a table's growth, past a write-ahead log
// segment (16 MB), a checkpoint, deletes and the table rewritten.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../../src/server/store/driver';
import { openPglite } from '../../../src/server/store/pglite-driver';

let db: SqlDriver;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

beforeAll(async () => {
  db = await openPglite(null);
  await db.query('CREATE TABLE blobs (id int PRIMARY KEY, body bytea)');
  // Out of line and uncompressed, as items.envelope is: 100 KB of TOAST a row.
  await db.query('ALTER TABLE blobs ALTER COLUMN body SET STORAGE EXTERNAL');
});
afterAll(async () => {
  await db?.close();
});

async function sums(): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; sum: string }>('SELECT id, md5(body) AS sum FROM blobs ORDER BY id');
  return new Map(rows.map((row) => [row.id, row.sum]));
}

describe('the in-memory store, files past 1 MB', () => {
  it('keeps every byte through growth, a new WAL segment, a checkpoint and deletes', async () => {
    const expected = new Map<number, string>();
    // 220 rows of 100 KB: the TOAST file grows to about 22 MB, the WAL past a segment.
    for (let id = 0; id < 220; id++) {
      const body = randomBytes(100 * 1024 + (id % 7));
      expected.set(id, md5(body));
      await db.query('INSERT INTO blobs (id, body) VALUES ($1, $2::bytea)', [id, body]);
      // Read some back at once too, while the file is still growing.
      if (id % 50 === 0) {
        const [row] = await db.query<{ body: Uint8Array }>('SELECT body FROM blobs WHERE id = $1', [id]);
        expect(md5(Buffer.from(row!.body))).toBe(expected.get(id));
      }
    }
    expect(await sums()).toEqual(expected);

    await db.query('CHECKPOINT');
    await db.query('DELETE FROM blobs WHERE id % 3 = 0');
    for (const id of expected.keys()) if (id % 3 === 0) expected.delete(id);
    await db.query('VACUUM FULL blobs'); // a new copy of the table's files, written from empty
    for (let id = 1000; id < 1040; id++) {
      const body = randomBytes(100 * 1024);
      expected.set(id, md5(body));
      await db.query('INSERT INTO blobs (id, body) VALUES ($1, $2::bytea)', [id, body]);
    }
    expect(await sums()).toEqual(expected);
  }, 120_000);
});
