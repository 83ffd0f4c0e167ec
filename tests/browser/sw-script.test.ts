// The service worker is registered as a classic script: anything only a
// module may contain (import.meta, import(), import/export) stops it from
// installing at all, and then nothing works offline. A dependency's
// Node-only fallback once brought Vite's preload helper (import.meta) into it.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

const sw = readFileSync('dist/sw.js', 'utf8');

it('parses as a classic script, with nothing only a module may hold', () => {
  expect(() => new Script(sw, { filename: 'sw.js' })).not.toThrow();
  expect(sw).not.toMatch(/\bimport\.meta\b/);
  expect(sw).not.toMatch(/\bimport\s*\(/);
  expect(sw).not.toMatch(/\bdocument\./);
});
