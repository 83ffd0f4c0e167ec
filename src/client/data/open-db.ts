// Opens an IndexedDB database once per page, with numbered migrations, and
// gets out of the way of newer app versions. Shared by every local database.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export type UpgradeTx<S extends DBSchema> = IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;
/** Migration i upgrades version i to i + 1. Only ever append: people may hold any older version. */
export type Migration<S extends DBSchema> = (db: IDBPDatabase<S>, tx: UpgradeTx<S>) => void;

export interface Database<S extends DBSchema> {
  /** The open database: opened on first use, and again after it was closed or failed. */
  get(): Promise<IDBPDatabase<S>>;
  /** Closes and forgets the connection (tests, or before deleting the database). */
  close(): Promise<void>;
}

export function databaseOpener<S extends DBSchema>(name: string, migrations: ReadonlyArray<Migration<S>>): Database<S> {
  let dbPromise: Promise<IDBPDatabase<S>> | undefined;
  async function close() {
    const opening = dbPromise;
    dbPromise = undefined;
    if (opening) (await opening.catch(() => undefined))?.close();
  }
  function get() {
    if (dbPromise) return dbPromise;
    const opening = openDB<S>(name, migrations.length, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < migrations.length; v++) migrations[v]?.(db, tx);
      },
      // Another tab still has an older version open; it closes itself on
      // `versionchange` (see blocking below), after which this open continues.
      blocked() {},
      // A newer app version wants to upgrade: close, and reopen on next use.
      blocking() {
        if (dbPromise === opening) dbPromise = undefined;
        void opening.then((db) => db.close());
      },
      // The browser closed the connection (e.g. storage cleared): reopen on next use.
      terminated() {
        if (dbPromise === opening) dbPromise = undefined;
      },
    });
    dbPromise = opening;
    // Don't keep a failure: a later call may succeed (e.g. after another tab closes).
    opening.catch(() => {
      if (dbPromise === opening) dbPromise = undefined;
    });
    return opening;
  }
  return { get, close };
}
