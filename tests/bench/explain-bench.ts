// How long explainNotice takes per notice, over every fixture text (and a
// long paste), on this machine. Run with `npm run bench`. Fails when the
// slowest notice takes 5 ms of CPU or more: the screen explains on every key press.
import { performance } from 'node:perf_hooks';
import { explainNotice } from '../../src/shared/notices';
import { CLEAN_FIXTURES } from '../unit/notices/fixtures-clean';
import { MESSY_FIXTURES } from '../unit/notices/fixtures-messy';

const LIMIT_MS = 5;
const ROUNDS = 200;

const texts = [...CLEAN_FIXTURES, ...MESSY_FIXTURES].map((fixture) => ({ name: fixture.name, text: fixture.text, today: fixture.today }));
// A whole journal page pasted at once: the worst case a claimant can cause.
texts.push({
  name: 'whole journal page (20 messages)',
  text: texts
    .slice(0, 20)
    .map((t) => t.text)
    .join('\n\n'),
  today: '2026-11-25',
});

for (let i = 0; i < 50; i++) for (const t of texts) explainNotice(t.text, { today: t.today }); // warm up the JIT

// Wall time, and this process's CPU time: on a shared, busy machine the wall
// time includes waiting for a core; the CPU time is what a phone's core would spend.
const perNotice: { name: string; microseconds: number; cpu: number; chars: number }[] = [];
for (const t of texts) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) explainNotice(t.text, { today: t.today });
  const cpu = process.cpuUsage(cpuStart);
  perNotice.push({
    name: t.name,
    microseconds: ((performance.now() - start) / ROUNDS) * 1000,
    cpu: (cpu.user + cpu.system) / ROUNDS,
    chars: t.text.length,
  });
}

const medianOf = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const median = medianOf(perNotice.map((p) => p.microseconds));
const medianCpu = medianOf(perNotice.map((p) => p.cpu));
const mean = perNotice.reduce((a, p) => a + p.microseconds, 0) / perNotice.length;
const slowest = perNotice.reduce((a, b) => (b.cpu > a.cpu ? b : a));

console.log(`explainNotice over ${texts.length} texts, ${ROUNDS} rounds each:`);
console.log(`  median ${median.toFixed(1)} µs (CPU ${medianCpu.toFixed(1)} µs), mean ${mean.toFixed(1)} µs per notice`);
console.log(`  slowest ${slowest.microseconds.toFixed(1)} µs (CPU ${slowest.cpu.toFixed(1)} µs) (${slowest.name}, ${slowest.chars} characters)`);
// Judged on CPU time, which waiting for a busy machine's cores does not inflate.
if (slowest.cpu >= LIMIT_MS * 1000) {
  console.error(`Too slow: the limit is ${LIMIT_MS} ms per notice.`);
  process.exitCode = 1;
}
