// What a long string costs V8, and what reading a send's body costs the relay
// with and without keeping its envelope as bytes (src/server/api/long-base64url.ts).
// CPU time per operation (user + system), after a warm-up:
//   npx tsx tests/bench/long-strings-bench.ts
import { randomBytes } from 'node:crypto';
import { parseJsonKeepingLongText } from '../../src/server/api/long-base64url';
import { envelopeBytes, sendItemRequestSchema } from '../../src/server/api/schemas';

const RUNS = 2000;

function cpuMicroseconds(fn: () => unknown): { total: number; system: number } {
  for (let i = 0; i < 200; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) fn();
  const used = process.cpuUsage(start);
  return { total: (used.user + used.system) / RUNS, system: used.system / RUNS };
}

const row = (name: string, { total, system }: { total: number; system: number }) =>
  console.log(`  ${name.padEnd(52)} ${total.toFixed(0).padStart(6)} µs  (system ${system.toFixed(0)} µs)`);

console.log('Making a one-byte string from a buffer (Buffer.toString latin1):');
for (const kb of [64, 120, 127, 129, 136, 200]) {
  const bytes = Buffer.alloc(kb * 1024, 97);
  row(
    `${kb} KB`,
    cpuMicroseconds(() => bytes.toString('latin1')),
  );
}

const request = { id: '6f1c2a5e-8a4b-4c1e-9f00-123456789abc', envelope: randomBytes(100 * 1024).toString('base64url') };
const body = Buffer.from(JSON.stringify(request));
console.log(`\nA send's body (${(body.length / 1024).toFixed(0)} KB, a 100 KB envelope): read, checked and decoded to bytes for the store:`);
row(
  'JSON.parse of the text (as before)',
  cpuMicroseconds(() => envelopeBytes(sendItemRequestSchema.parse(JSON.parse(body.toString('utf8'))).envelope)),
);
row(
  'parseJsonKeepingLongText (the envelope kept as bytes)',
  cpuMicroseconds(() => envelopeBytes(sendItemRequestSchema.parse(parseJsonKeepingLongText(body)).envelope)),
);
