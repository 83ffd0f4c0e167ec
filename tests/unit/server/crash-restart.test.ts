// A crash never leaves a data folder that cannot be opened: the relay is
// killed with SIGKILL (its lock file stays behind) and started again, each
// time as process 1 of a fresh PID namespace, as a container restart does.
// With a lock that trusted "a live process has that id", the second start
// would take itself (process 1) for the owner and refuse for ever.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function unshareWorks(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (unshare --pid needs it)';
  try {
    const out = execFileSync('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', 'echo $$'], { encoding: 'utf8', stdio: 'pipe' });
    return out.trim() === '1' ? null : `unshare gave process id ${out.trim()}, not 1`;
  } catch (error) {
    return `unshare --pid --fork --mount-proc failed: ${String((error as Error).message).split('\n')[0]}`;
  }
}

const skip = unshareWorks();
if (skip) console.warn(`Skipped the crash-restart test in a new PID namespace: ${skip}`);

const base = mkdtempSync(join(tmpdir(), 'uc-crash-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

interface Running {
  unshare: ChildProcess;
  url: string;
  /** The relay's process id as the host sees it (it is 1 inside its namespace). */
  hostPid: number;
  output: () => string;
}

async function startInNamespace(env: Record<string, string>): Promise<Running> {
  const unshare = spawn('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(unshare);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    unshare.stdout!.on('data', onData);
    unshare.stderr!.on('data', onData);
    unshare.once('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
  const children = readFileSync(`/proc/${unshare.pid}/task/${unshare.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  expect(children).toHaveLength(1);
  return { unshare, url, hostPid: children[0]!, output: () => output };
}

describe.skipIf(skip !== null)('crash and restart as process 1', () => {
  it('SIGKILL leaves the lock behind, and the relay still starts again in a new PID namespace', async () => {
    const dataDir = join(base, 'data');
    const staticDir = join(base, 'dist');
    mkdirSync(staticDir, { recursive: true });
    const env = {
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      PORT: '0',
      HOST: '127.0.0.1',
      CODE_HASH_SECRET_FILE: join(base, 'code-hash.secret'),
      PUSH_SUBJECT: 'mailto:test@example.org',
    };

    const first = await startInNamespace(env);
    const lock = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number; start: string };
    expect(lock.pid).toBe(1); // the relay is process 1 in its namespace, as in a container
    expect(lock.start).toMatch(/^\d+$/);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    process.kill(first.hostPid, 'SIGKILL');
    await new Promise((resolve) => first.unshare.once('exit', resolve));
    expect(existsSync(`${dataDir}.lock`)).toBe(true); // a crash gives nothing back

    const second = await startInNamespace(env);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(1);
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
    // The code key made on the first start is kept: invites made before the crash still work.
    expect(readFileSync(join(base, 'code-hash.secret'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);

    // A clean stop gives the lock back.
    process.kill(second.hostPid, 'SIGTERM');
    await new Promise((resolve) => second.unshare.once('exit', resolve));
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 300_000);
});
