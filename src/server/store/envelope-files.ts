// Envelopes kept beside the embedded store (PGlite) instead of in its items
// table: in memory for an in-memory PGlite, else one file per item under
// <DATA_DIR>/uc-envelopes/<connection id>/<item id>. PGlite parses, copies
// and writes every byte of a statement on the request's thread (the relay's
// profile: two thirds of its CPU per 100 KB item went to PGlite), so only
// the item's row goes through SQL; its `envelope` column holds '' for an
// envelope kept here. PostgreSQL keeps envelopes in the table (several relays
// share it; no file is local to all of them).
//
// Order, so that no stored item is ever without its envelope, even after
// kill -9 or a power cut: the file is written under a temporary name,
// fsynced, renamed into place and its folder fsynced, and only then is the
// row inserted. A crash in between leaves a file without a row: harmless,
// overwritten by a resend with the same id, and removed by sweep() (at open
// and after retention). Deleting a connection's items removes its folder.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface EnvelopeStore {
  /** Keeps the envelope of a new item (before its row is inserted). */
  put(connectionId: string, itemId: string, envelope: string): Promise<void>;
  /** The envelope, or null when there is none. */
  get(connectionId: string, itemId: string): Promise<string | null>;
  /** Forgets every envelope of a connection (its items were deleted). */
  removeConnection(connectionId: string): Promise<void>;
  /** Removes envelopes whose item is gone: `exists` says which of a connection's item ids still have rows. Files younger than `graceMs` are kept (their row may be on its way). */
  sweep(exists: (connectionId: string, itemIds: string[]) => Promise<Set<string>>, graceMs?: number): Promise<number>;
}

/** Ids are UUIDs (checked by the API and the store); anything else never reaches a path. */
const SAFE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function safe(id: string): string {
  if (!SAFE.test(id)) throw new Error('envelope store: not a UUID');
  return id.toLowerCase();
}

export function memoryEnvelopes(): EnvelopeStore {
  const byConnection = new Map<string, Map<string, { envelope: string; at: number }>>();
  return {
    async put(connectionId, itemId, envelope) {
      const items = byConnection.get(safe(connectionId)) ?? new Map();
      byConnection.set(safe(connectionId), items);
      items.set(safe(itemId), { envelope, at: Date.now() });
    },
    async get(connectionId, itemId) {
      return byConnection.get(safe(connectionId))?.get(safe(itemId))?.envelope ?? null;
    },
    async removeConnection(connectionId) {
      byConnection.delete(safe(connectionId));
    },
    async sweep(exists, graceMs = 60_000) {
      let removed = 0;
      for (const [connectionId, items] of byConnection) {
        const keep = await exists(connectionId, [...items.keys()]);
        for (const [itemId, entry] of items) {
          if (keep.has(itemId) || Date.now() - entry.at < graceMs) continue;
          items.delete(itemId);
          removed++;
        }
        if (items.size === 0) byConnection.delete(connectionId);
      }
      return removed;
    },
  };
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fileEnvelopes(root: string): EnvelopeStore {
  const folder = (connectionId: string) => join(root, safe(connectionId));
  const file = (connectionId: string, itemId: string) => join(folder(connectionId), safe(itemId));
  const made = new Set<string>();
  return {
    async put(connectionId, itemId, envelope) {
      const dir = folder(connectionId);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        await fsyncPath(root);
        made.add(dir);
      }
      const target = file(connectionId, itemId);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(envelope, 'latin1'); // base64url: one byte a character
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      await fsyncPath(dir);
    },
    async get(connectionId, itemId) {
      try {
        return await readFile(file(connectionId, itemId), 'latin1');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async removeConnection(connectionId) {
      const dir = folder(connectionId);
      made.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
    async sweep(exists, graceMs = 60_000) {
      let removed = 0;
      let connections: string[];
      try {
        connections = await readdir(root);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
      }
      for (const connectionId of connections) {
        if (!SAFE.test(connectionId)) continue;
        const dir = join(root, connectionId);
        const names = await readdir(dir).catch(() => [] as string[]);
        const ids = names.filter((name) => SAFE.test(name));
        const keep = ids.length > 0 ? await exists(connectionId, ids) : new Set<string>();
        for (const name of names) {
          const id = name.split('.', 1)[0]!;
          if (keep.has(id)) continue;
          const path = join(dir, name);
          const info = await stat(path).catch(() => null);
          if (!info || Date.now() - info.mtimeMs < graceMs) continue;
          await rm(path, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
