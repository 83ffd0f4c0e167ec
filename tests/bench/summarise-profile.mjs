// Summarise a .cpuprofile (from BENCH_PROFILE=<dir> or node --cpu-prof):
// self time by category, by file or package, and by function.
//   node tests/bench/summarise-profile.mjs <file.cpuprofile>   (TOP=n functions)
import { readFileSync } from 'node:fs';
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.env.TOP ?? 40);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map(),
  file = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const url = cf.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/wt\/perf\//, '');
  const key = `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const fk = url.startsWith('nm:')
    ? url
        .split('/')
        .slice(0, url.startsWith('nm:@') ? 2 : 1)
        .join('/')
    : url || cf.functionName;
  file.set(fk, (file.get(fk) ?? 0) + us);
}
// Rough buckets for the README's "where the time went".
const CATEGORIES = [
  [
    'database: PGlite (WASM + JS)',
    (url, name) => url.startsWith('wasm://') || url.includes('@electric-sql') || name.startsWith('wasm-') || name === 'GenericJSToWasmWrapper',
  ],
  ['database: pg client', (url) => url.startsWith('nm:pg') || url.includes('pg-protocol') || url.startsWith('nm:pgpass')],
  [
    'push encryption (ECDH, HKDF, AES-GCM)',
    (url, name) =>
      url.includes('http_ece') ||
      url.includes('crypto/diffiehellman') ||
      url.includes('crypto/cipher') ||
      ['computeSecret', 'ECDH', 'generateKeys', 'getPublicKey', 'initiv', 'update', 'final', 'setAAD', 'getAuthTag'].includes(name),
  ],
  ['hashing (SHA-256, HMAC)', (url, name) => url.includes('crypto/hash') || ['digest', 'Hash', 'Hmac'].includes(name)],
  ['signing (ECDSA)', (url, name) => url.includes('crypto/sig') || name === 'sign' || url.includes('asn1') || url.includes('jws') || url.includes('jwa')],
  ['zod', (url) => url.startsWith('nm:zod')],
  ['JSON parse/stringify', (url, name) => ['parse', 'stringify', 'JSONParse'].includes(name) && !url],
  [
    'base64 / Buffer',
    (url, name) => url.includes('node:buffer') || url.includes('internal/buffer') || (/base64|Latin1|utf8|ucs2|hexSlice|copy|compare/i.test(name) && !url),
  ],
  [
    'HTTP, TLS, sockets',
    (url, name) =>
      /node:(_http|https|http|net|tls|_tls|internal\/streams|stream|internal\/stream_base|internal\/http)/.test(url) ||
      [
        'writev',
        'writeBuffer',
        'writeUtf8String',
        'writeLatin1String',
        'onStreamRead',
        'SSLWrap',
        'TLSWrap',
        'ClearOut',
        'encOut',
        'shutdown',
        'close',
        'setStreamTimeout',
      ].includes(name),
  ],
  ['garbage collector', (_url, name) => name === '(garbage collector)'],
  ['idle', (_url, name) => name === '(idle)'],
];
const cat = new Map();
const otherFns = new Map();
for (const [id, us] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const url = cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm:');
  const hit = CATEGORIES.find(([, test]) => test(url, cf.functionName));
  const key = hit ? hit[0] : 'other (app code, events, timers, promises)';
  if (!hit) {
    const k = `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
    otherFns.set(k, (otherFns.get(k) ?? 0) + us);
  }
  cat.set(key, (cat.get(key) ?? 0) + us);
}
const pr = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`));
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log('--- by category');
pr(cat, 20);
if (process.env.OTHER) {
  console.log('--- "other", by function');
  pr(otherFns, Number(process.env.OTHER));
}
console.log('--- by file/package');
pr(file, 25);
console.log('--- by function');
pr(fn, top);
