// PGlite's group commit (SqlDriver.queryGrouped, store/pglite-driver.ts):
// statements that arrive while others run are committed together, and a
// group with a failing statement gives each statement its own result.
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../../src/server/store/pglite-driver';
import type { SqlDriver } from '../../../src/server/store/driver';

describe('group commit on PGlite', () => {
  let db: SqlDriver;
  afterEach(() => db?.close());

  it('statements arriving together share one transaction, and each gets its own rows', async () => {
    db = await openPglite(null);
    await db.query('CREATE TABLE t (n integer PRIMARY KEY)');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => db.queryGrouped!<{ n: number; tx: string }>('INSERT INTO t VALUES ($1) RETURNING n, txid_current()::text AS tx', [n])),
    );
    expect(results.map((rows) => rows[0]!.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The first goes at once, alone; the nine that waited for it go together.
    expect(new Set(results.map((rows) => rows[0]!.tx)).size).toBe(2);
  });

  it('one failing statement fails alone: the others of its group are committed', async () => {
    db = await openPglite(null);
    await db.query('CREATE TABLE t (n integer PRIMARY KEY)');
    await db.query('INSERT INTO t VALUES (5)');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => db.queryGrouped!('INSERT INTO t VALUES ($1)', [n])));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const rows = await db.query<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
