import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../../src/server/store/data-dir-lock';
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
});
