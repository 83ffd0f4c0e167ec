// The build works out which modules only the adviser's part uses from the
// module graph (src/build/adviser-only.ts): a new adviser-only service needs
// no list kept by hand to stay out of the claimant's download.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempProject } from '../../support/temp-project';
import { build } from 'vite';
import { adviserOnly, type AdviserOnly } from '../../../src/build/adviser-only';

let root: string;
let plugin: AdviserOnly;
const chunkFolders = new Map<string, string>();

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><script type="module" src="/src/main.ts"></script>',
  'src/main.ts': "import { shared } from './client/services/shared';\nshared();\nvoid import('./client/adviser/screen');\nvoid import('./client/lazy/send');",
  'src/client/services/shared.ts': "export const shared = () => 'both';",
  'src/client/services/new-adviser-service.ts': "import { deeper } from './deeper';\nexport const service = () => deeper();",
  'src/client/services/deeper.ts': "export const deeper = () => 'adviser only, two steps down';",
  'src/client/services/used-by-both.ts': "export const both = () => 'both';",
  'src/client/adviser/screen.ts':
    "import { shared } from '../services/shared';\nimport { service } from '../services/new-adviser-service';\nimport { both } from '../services/used-by-both';\nimport workerUrl from '../../vendor/worker.js?url';\nexport default [shared(), service(), both(), workerUrl];",
  'src/client/lazy/send.ts': "import { both } from '../services/used-by-both';\nexport default both();",
  'src/vendor/worker.js': "self.onmessage = () => postMessage('hi');",
};

beforeAll(async () => {
  root = writeTempProject('uc-adviser-only-', FILES);
  plugin = adviserOnly();
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: {
      write: false,
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          chunkFileNames: (chunk) => {
            const folder = chunk.moduleIds.length > 0 && chunk.moduleIds.every(plugin.has) ? 'adviser' : 'shared';
            for (const id of chunk.moduleIds) chunkFolders.set(id.slice(root.length + 1), folder);
            return `assets/${folder}/[name]-[hash].js`;
          },
        },
      },
    },
  });
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const only = (path: string) => plugin.has(join(root, path));

it("counts the adviser's folder, and what only it imports however deep, as adviser-only", () => {
  expect(only('src/client/adviser/screen.ts')).toBe(true);
  expect(only('src/client/services/new-adviser-service.ts')).toBe(true);
  expect(only('src/client/services/deeper.ts')).toBe(true);
});

it('keeps what a claimant screen or the entry imports out of it', () => {
  expect(only('src/client/services/shared.ts')).toBe(false);
  expect(only('src/client/services/used-by-both.ts')).toBe(false);
  expect(only('src/client/lazy/send.ts')).toBe(false);
  expect(only('src/main.ts')).toBe(false);
});

it("puts the adviser-only chunk in the adviser's folder, and a file the adviser's part brings in by URL with it", () => {
  expect(chunkFolders.get('src/client/adviser/screen.ts')).toBe('adviser');
  expect(chunkFolders.get('src/client/services/new-adviser-service.ts')).toBe('adviser');
  expect(chunkFolders.get('src/client/lazy/send.ts')).toBe('shared');
  expect(plugin.hasFile('src/vendor/worker.js')).toBe(true);
  expect(plugin.hasFile('src/client/services/shared.ts')).toBe(false);
});
