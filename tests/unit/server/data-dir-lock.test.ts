import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentOwner, DataDirInUseError, holdsLock, lockDataDir, processStartTime } from '../../../src/server/store/data-dir-lock';
import { loadCodeSecret } from '../../../src/server/code-secret';
import { fsyncStats, openPglite } from '../../../src/server/store/pglite-driver';
import { openStore } from '../../../src/server/store/open-store';

describe('one process per embedded database folder', () => {
  it('refuses a second user while the first holds it, and frees it on release', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-lock-')), 'data');
    const release = lockDataDir(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-lock-')), 'data');
    writeFileSync(`${dir}.lock`, '999999999');
    const release = lockDataDir(dir);
    release();
  });

  it('records the owner with its start time, and knows its own lock', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-lock-')), 'data');
    const release = lockDataDir(dir);
    const owner = JSON.parse(readFileSync(`${dir}.lock`, 'utf8'));
    expect(owner).toEqual(currentOwner());
    expect(owner.start).toBe(processStartTime(process.pid));
    expect(holdsLock(owner)).toBe(true);
    release();
  });

  it('takes over a lock whose process id was reused (a restart as process 1 in a container)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-lock-')), 'data');
    const me = currentOwner();
    // A crashed earlier life of this very process id: same pid, another start time.
    writeFileSync(`${dir}.lock`, JSON.stringify({ ...me, start: String(Number(me.start ?? 0) + 1) }));
    lockDataDir(dir)();
    // The same as an older plain-pid lock: our own id can only be an earlier process's.
    writeFileSync(`${dir}.lock`, String(process.pid));
    lockDataDir(dir)();
    // Another live process (our parent) whose start time is not the one recorded: its id was reused.
    const parent = { pid: process.ppid, start: '1', boot: me.boot };
    expect(processStartTime(process.ppid)).not.toBe('1');
    writeFileSync(`${dir}.lock`, JSON.stringify(parent));
    lockDataDir(dir)();
    // A lock from before a reboot.
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, start: processStartTime(process.ppid), boot: 'another-boot' }));
    lockDataDir(dir)();
  });

  it('refuses while another live process with the recorded start time holds it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-lock-')), 'data');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, start: processStartTime(process.ppid), boot: currentOwner().boot }));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  });

  it('is taken by the store, so `npm run admin` cannot open a folder the server is using', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'uc-lock-'));
    const dir = join(parent, 'data');
    const store = await openStore({ dataDir: dir });
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/in use by process/);
    await store.close();
    const again = await openStore({ dataDir: dir });
    await again.close();
    rmSync(parent, { recursive: true, force: true });
  }, 60_000);

  it('runs the embedded database with fsync on, and its fsyncs reach the disk', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'uc-fsync-'));
    const db = await openPglite(join(parent, 'data'));
    try {
      expect(await db.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
      await db.query('CREATE TABLE t (x int)');
      const before = fsyncStats.calls;
      for (let i = 0; i < 5; i++) await db.query('INSERT INTO t VALUES ($1)', [i]);
      expect(fsyncStats.calls - before).toBeGreaterThanOrEqual(5); // one WAL flush per commit at least
    } finally {
      await db.close();
      rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);

  it('makes the code hash key once, mode 0600, and keeps it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'uc-secret-'));
    const path = join(parent, 'config', 'code-hash.secret');
    const first = loadCodeSecret({ kind: 'file', path });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadCodeSecret({ kind: 'file', path }).equals(first)).toBe(true);
    writeFileSync(path, 'short');
    expect(() => loadCodeSecret({ kind: 'file', path })).toThrow(/shorter than 32/);
    expect(loadCodeSecret({ kind: 'value', value: 'v'.repeat(40) }).toString()).toBe('v'.repeat(40));
    rmSync(parent, { recursive: true, force: true });
  });
});
