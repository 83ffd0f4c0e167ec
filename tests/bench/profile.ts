// BENCH_PROFILE=<dir>: a CPU profile of only the measured part of a bench
// (node:inspector, in this process), written as <dir>/<name>.cpuprofile for
// Chrome DevTools or tests/bench/summarise-profile.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE;
let session: Session | null = null;

export async function startProfile(): Promise<void> {
  if (!dir) return;
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}

export async function stopProfile(name: string): Promise<void> {
  if (!dir || !session) return;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  session = null;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  profile: ${file}`);
}
