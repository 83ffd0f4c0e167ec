// PGlite is one process's database: two processes writing the same folder
// (the server and `npm run admin`, or two servers) would corrupt it. A lock
// file next to the folder names its owner by process id AND that process's
// start time (from /proc/<pid>/stat) and the boot it started in. Process ids
// are reused, and in a container the relay is process 1 after every restart,
// so "a live process has that id" alone would take the relay's own new life
// for the owner and refuse to start after a crash. A lock whose process has
// gone, or whose id now belongs to a process that started at another time
// (or in another boot), is stale and is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirInUseError extends Error {}

export interface LockOwner {
  pid: number;
  /** Clock ticks after boot at which the process started (/proc/<pid>/stat field 22); null where /proc is missing. */
  start: string | null;
  /** /proc/sys/kernel/random/boot_id; null where missing. */
  boot: string | null;
}

/** The start time of process `pid` (field 22 of /proc/<pid>/stat), or null when unknown or gone. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and brackets: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function currentOwner(): LockOwner {
  return { pid: process.pid, start: processStartTime(process.pid), boot: bootId() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a lock file says; an older lock holds only the process id. */
function readOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, start: typeof value.start === 'string' ? value.start : null, boot: typeof value.boot === 'string' ? value.boot : null };
  } catch {
    return null;
  }
}

/** True when the lock's owner is still running (the same process, not a later one with its id). */
export function holdsLock(owner: LockOwner, me: LockOwner = currentOwner()): boolean {
  if (owner.boot !== null && me.boot !== null && owner.boot !== me.boot) return false; // written before a reboot
  if (owner.pid === me.pid) {
    // Our own id: either this very process took it (same start time), or an
    // earlier process had our id (a restart as process 1 in a container).
    return owner.start !== null && owner.start === me.start;
  }
  if (!isAlive(owner.pid)) return false;
  const start = processStartTime(owner.pid);
  if (owner.start !== null && start !== null && start !== owner.start) return false; // the id was reused
  return true;
}

/** Takes the lock for `dataDir`; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  const me = currentOwner();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      try {
        text = readFileSync(lockFile, 'utf8');
      } catch {
        continue; // released meanwhile: try again
      }
      const owner = readOwner(text);
      if (owner && holdsLock(owner, me)) {
        throw new DataDirInUseError(
          `The data folder ${dataDir} is in use by process ${owner.pid} (a running server?). Stop it first, or use DATABASE_URL with PostgreSQL.`,
        );
      }
      rmSync(lockFile, { force: true }); // stale: its process has gone, or its id now belongs to another
    }
  }
  throw new DataDirInUseError(`Could not lock the data folder ${dataDir}.`);
}
