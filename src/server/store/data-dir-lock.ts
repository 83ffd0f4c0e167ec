// PGlite is one process's database: two processes writing the same folder
// (the server and `npm run admin`, or two servers) would corrupt it. A lock
// file next to the folder holds the owner's process id; a lock left by a
// process that has died is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `dataDir`; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirInUseError(
          `The data folder ${dataDir} is in use by process ${owner} (a running server?). Stop it first, or use DATABASE_URL with PostgreSQL.`,
        );
      }
      rmSync(lockFile, { force: true }); // stale: its process has gone
    }
  }
  throw new DataDirInUseError(`Could not lock the data folder ${dataDir}.`);
}
