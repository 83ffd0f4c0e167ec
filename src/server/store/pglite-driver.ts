import { fsyncSync, mkdirSync, readFileSync } from 'node:fs';
import { MemoryFS, PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { SqlDriver } from './driver';
import { lockDataDir } from './data-dir-lock';
import { reclaimPglite } from './reclaim';
import { pgliteMemoryTemplatePath } from '../config';

/** How many fsync calls reached the disk (for the test that they do). */
export const fsyncStats = { calls: 0 };

interface NodefsStream {
  nfd?: number;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: Record<string, unknown> };
}

/**
 * PGlite's folder on disk with fsync that reaches the disk. Emscripten's
 * NODEFS has no fsync of its own (PostgreSQL's fsync calls would do nothing),
 * so one is added before the folder is mounted; every file's stream uses it.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const patch = (mod: EmscriptenModule) => {
      mod.NODEFS.stream_ops.fsync = (stream: NodefsStream) => {
        if (stream.nfd !== undefined) {
          fsyncSync(stream.nfd);
          fsyncStats.calls++;
        }
        return 0;
      };
    };
    return super.init(pg, { ...opts, preRun: [...((opts.preRun as unknown[] | undefined) ?? []), patch] } as typeof opts);
  }
}

interface MemfsNode {
  contents: Uint8Array;
}
interface MemfsModule {
  MEMFS?: { expandFileStorage: (node: MemfsNode, capacity: number) => void; getFileDataAsTypedArray: (node: MemfsNode) => Uint8Array };
}

/** Files up to this size double when they grow; larger ones grow by a quarter. */
const DOUBLE_BELOW = 256 * 1024 * 1024;
/** A file that grows past this gets an array that grows in place (a relation's files, the write-ahead log's). */
const IN_PLACE_FROM = 1024 * 1024;
/** PostgreSQL never makes a file bigger than this (it starts a new segment of the relation). */
const IN_PLACE_MAX = 1024 * 1024 * 1024;

type Resizable = ArrayBuffer & { resizable?: boolean; maxByteLength?: number; resize?: (length: number) => void };

/**
 * PGlite in memory, with in-memory files that grow without being copied.
 * Emscripten's MEMFS grows a file of over 1 MB by an eighth at a time,
 * copying all of it into a new array each time: a table or write-ahead log
 * that grows by 100 KB an item was copied again and again (13 % of the
 * relay's CPU in the bench). Small files double (each byte copied about twice
 * in all); a file past 1 MB moves once into a resizable ArrayBuffer, which
 * V8 grows in place: no copy, and no new zeroed array to fault in (the
 * doubling still cost 0.6 ms an item, measured in the README).
 */
/**
 * A view that grows with its resizable buffer, or null when V8 cannot
 * reserve the room (each reserves IN_PLACE_MAX of address space; a process
 * limited with `ulimit -v` may not have it): the caller then copies.
 */
function growableArray(capacity: number): Uint8Array | null {
  try {
    const ResizableBuffer = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ArrayBuffer;
    return new Uint8Array(new ResizableBuffer(Math.min(capacity, IN_PLACE_MAX), { maxByteLength: IN_PLACE_MAX }));
  } catch {
    return null;
  }
}

class GrowingMemoryFS extends MemoryFS {
  override async init(pg: PGlite, opts: Parameters<MemoryFS['init']>[1]) {
    const patch = (mod: MemfsModule) => {
      const memfs = mod.MEMFS;
      if (!memfs) throw new Error('This PGlite version does not expose MEMFS; check GrowingMemoryFS in pglite-driver.ts.');
      memfs.expandFileStorage = (node, wanted) => {
        const had = node.contents.length;
        if (had >= wanted) return;
        const capacity = Math.max(wanted, 256, Math.floor(had * (had < DOUBLE_BELOW ? 2 : 1.25)));
        const buffer = node.contents.buffer as Resizable;
        // A length-tracking view over the whole buffer: it grows with it.
        if (buffer.resizable && node.contents.byteOffset === 0 && wanted <= buffer.maxByteLength!) {
          try {
            buffer.resize!(Math.min(buffer.maxByteLength!, capacity));
            return;
          } catch {
            /* no memory to grow it in place: copied below, as before */
          }
        }
        const data = memfs.getFileDataAsTypedArray(node);
        node.contents = (capacity >= IN_PLACE_FROM && wanted <= IN_PLACE_MAX && growableArray(capacity)) || new Uint8Array(capacity);
        node.contents.set(data);
      };
    };
    return super.init(pg, { ...opts, preRun: [...((opts.preRun as unknown[] | undefined) ?? []), patch] } as typeof opts);
  }
}

/** PGlite's own start-up flags without -F (fsync off): PostgreSQL then syncs its WAL at each commit. */
function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  if (!defaults) throw new Error('This PGlite version does not expose its start-up flags; check fsync in pglite-driver.ts.');
  // fdatasync is a no-op in Emscripten's libc; fsync reaches the stream's fsync above.
  return [...defaults.filter((flag) => flag !== '-F'), '-c', 'wal_sync_method=fsync'];
}

type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

const TEXT_OID = 25;
const BYTEA_OID = 17;
/**
 * Text and bytea parameters given as bytes (a Buffer, as items.ts gives an
 * envelope) go to PostgreSQL as they are, in binary format, as node-postgres
 * sends a Buffer; anything else is made text as PGlite does by default.
 * PGlite would otherwise turn the bytes into a string (bytea: hex, twice the
 * size) and count and copy it in JavaScript again.
 */
const QUERY_OPTIONS = {
  // A bytea result (hex text) as bytes, decoded natively: PGlite's own parser
  // takes two characters at a time in JavaScript (about 20 ms for 100 KB).
  parsers: { [BYTEA_OID]: (text: string) => Buffer.from(text.slice(2), 'hex') },
  serializers: {
    [TEXT_OID]: (value: unknown) => (value instanceof Uint8Array ? value : value instanceof Date ? value.toISOString() : String(value)),
    [BYTEA_OID]: (value: unknown) => (value instanceof Uint8Array ? value : String(value)),
  },
} as unknown as QueryOptions;

function txDriver(tx: Transaction): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return (await tx.query<T>(sql, params, QUERY_OPTIONS)).rows;
    },
    // PGlite has no nested transactions; run nested work in the same one.
    transaction<R>(fn: (inner: SqlDriver) => Promise<R>): Promise<R> {
      return fn(txDriver(tx));
    },
    async close(): Promise<void> {
      throw new Error('close() inside a transaction');
    },
  };
}

async function rows<T>(db: Queryable, sql: string, params?: unknown[]): Promise<T[]> {
  return (await db.query<T>(sql, params, QUERY_OPTIONS)).rows;
}

/**
 * A freshly initialised data folder (PGlite's `dumpDataDir`) that an in-memory
 * store starts from instead of running initdb, which is most of the 2 to 3 s
 * of CPU an in-memory store takes to open. Set by the unit tests, which open
 * some 30 of them (tests/support/pglite-template.ts); unset, nothing changes.
 */
function memoryTemplate(): Blob | undefined {
  const path = pgliteMemoryTemplatePath();
  return path ? new Blob([readFileSync(path)], { type: 'application/x-gzip' }) : undefined;
}

/** Embedded PostgreSQL (WebAssembly). `dataDir` null keeps everything in memory. */
export async function openPglite(dataDir: string | null): Promise<SqlDriver> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir === null ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db =
      dataDir === null
        ? await PGlite.create({ fs: new GrowingMemoryFS(), loadDataDir: memoryTemplate() })
        : await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: durableStartParams() });
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      return rows<T>(db, sql, params);
    },
    transaction<R>(fn: (tx: SqlDriver) => Promise<R>): Promise<R> {
      return db.transaction((tx) => fn(txDriver(tx)));
    },
    reclaim: () => reclaimPglite(db),
    // lockDataDir above: one process at a time (in memory: this process only).
    exclusive: true,
    async close(): Promise<void> {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
