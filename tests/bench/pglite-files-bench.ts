// CPU per INSERT of a 100 KB row (out of line, uncompressed, as an item's
// envelope) into the embedded store in memory: what the in-memory files'
// growth costs (pglite-driver.ts, GrowingMemoryFS).
//   npx tsx tests/bench/pglite-files-bench.ts [rows, default 600]
import { randomBytes } from 'node:crypto';
import { openPglite } from '../../src/server/store/pglite-driver';

const rows = Number(process.argv[2] ?? 600);
const db = await openPglite(null);
await db.query('CREATE TABLE blobs (id serial PRIMARY KEY, body bytea)');
await db.query('ALTER TABLE blobs ALTER COLUMN body SET STORAGE EXTERNAL');
const body = randomBytes(100 * 1024);
for (let i = 0; i < 100; i++) await db.query('INSERT INTO blobs (body) VALUES ($1::bytea)', [body]);
const start = process.cpuUsage();
for (let i = 0; i < rows; i++) await db.query('INSERT INTO blobs (body) VALUES ($1::bytea)', [body]);
const used = process.cpuUsage(start);
console.log(
  `${rows} inserts of 100 KB after 100: ${((used.user + used.system) / rows / 1000).toFixed(2)} ms of CPU each (system ${(used.system / rows / 1000).toFixed(2)} ms)`,
);
await db.close();
