// A throwaway PostgreSQL for tests: TEST_DATABASE_URL when set, else a fresh
// cluster from Debian's binaries in a temp dir, else null (tests skip).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  /** The cluster's data directory (absent for TEST_DATABASE_URL). */
  dataDir?: string;
  stop(): Promise<void>;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export async function startTestPostgres(): Promise<TestPostgres | null> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };

  const bin = findBinDir();
  if (!bin) return null;

  // initdb refuses to run as root: run the cluster as the postgres OS user.
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? postgresIds() : null;
  if (asRoot && !ids) return null;
  const run = (command: string, args: string[]): void => {
    const full = join(bin, command);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };

  const base = mkdtempSync(join(tmpdir(), 'uc-pg-'));
  const dir = join(base, 'data');
  if (ids) chownSync(base, ids.uid, ids.gid);
  chmodSync(base, 0o700);
  const port = await freePort();
  try {
    run('initdb', ['-D', dir, '-U', 'app', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    run('pg_ctl', ['-D', dir, '-l', join(base, 'log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${base} -c fsync=off`, '-w', 'start']);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start a test PostgreSQL: ${stderr || String(error)}`, { cause: error });
  }

  let stopped = false;
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    dataDir: dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
