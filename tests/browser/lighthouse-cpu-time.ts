// Lighthouse's performance score for a run, worked out again from the same
// trace with each of the page's main-thread tasks as long as the CPU time it
// used (the trace records both). Lighthouse simulates (Lantern) from the
// wall-clock length of each task, ×4 for a slow phone; on a shared 2-core
// machine another process stretches a task 2 to 8 times its CPU time, so the
// same build scored 76 to 100 on one screen from run to run. At CPU time the
// page's own work is what is measured (and the slow-4G network model, the
// largest paint and layout shift exactly as in the run). What it cannot see
// is a task waiting inside itself for something other than the CPU (the
// disk, another process), which a task on this page does not do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags, type RunnerResult } from 'lighthouse';
// Lighthouse's own artifact saver: it writes what its audit mode reads.
import { saveArtifacts } from 'lighthouse/core/lib/asset-saver.js';
import { rendererMainThread, type TraceEvent } from './trace-events';

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The trace with every top-level task on the page's main thread (and what ran inside it) shrunk to its CPU time. */
export function atCpuTime(events: readonly TraceEvent[]): TraceEvent[] {
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && (e.args.data.documentLoaderURL ?? '').startsWith('http'))
    .at(-1);
  const thread = navigation && rendererMainThread(events, navigation.pid);
  if (!navigation || !thread) return [...events];
  const copy = events.map((e) => ({ ...e }));
  const mine = copy.filter((e) => e.pid === navigation.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts);
  let next = 0;
  for (const task of mine.filter((e) => e.ph === 'X' && TOP_LEVEL.has(e.name) && e.dur && e.tdur !== undefined)) {
    const start = task.ts;
    const end = task.ts + task.dur!;
    const factor = Math.min(1, task.tdur! / task.dur!);
    while (next < mine.length && mine[next]!.ts < start) next++;
    for (let i = next; i < mine.length && mine[i]!.ts <= end; i++) {
      const event = mine[i]!;
      if (event === task) continue;
      event.ts = start + (event.ts - start) * factor;
      if (event.dur !== undefined) event.dur *= factor;
    }
    task.dur = task.dur! * factor;
  }
  return copy;
}

/** Lighthouse's audits again (no browser: its audit mode) on the run's artifacts, the trace at CPU time. */
export async function rescoreAtCpuTime(result: RunnerResult, flags: Flags): Promise<RunnerResult['lhr']> {
  const folder = mkdtempSync(join(tmpdir(), 'uc-lighthouse-cpu-'));
  try {
    const trace = result.artifacts.Trace;
    await saveArtifacts({ ...result.artifacts, Trace: { ...trace, traceEvents: atCpuTime(trace.traceEvents as TraceEvent[]) } }, folder);
    const again = (await lighthouse(undefined, { ...flags, port: undefined, auditMode: folder })) as RunnerResult;
    return again.lhr;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
