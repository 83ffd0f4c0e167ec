// How long explainNotice takes per notice, over every fixture text (and a
// long paste), on this machine. Run with `npm run bench`. Fails when the
// slowest notice takes 5 ms or more: the screen explains on every key press.
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

const perNotice: { name: string; microseconds: number; chars: number }[] = [];
for (const t of texts) {
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) explainNotice(t.text, { today: t.today });
  perNotice.push({ name: t.name, microseconds: ((performance.now() - start) / ROUNDS) * 1000, chars: t.text.length });
}

const sorted = perNotice.map((p) => p.microseconds).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
const slowest = perNotice.reduce((a, b) => (b.microseconds > a.microseconds ? b : a));

console.log(`explainNotice over ${texts.length} texts, ${ROUNDS} rounds each:`);
console.log(`  median ${median.toFixed(1)} µs, mean ${mean.toFixed(1)} µs per notice`);
console.log(`  slowest ${slowest.microseconds.toFixed(1)} µs (${slowest.name}, ${slowest.chars} characters)`);
if (slowest.microseconds >= LIMIT_MS * 1000) {
  console.error(`Too slow: the limit is ${LIMIT_MS} ms per notice.`);
  process.exitCode = 1;
}
