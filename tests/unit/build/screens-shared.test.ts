// The code claimant screens share goes in a few chunks worked out from the
// module graph (src/build/screens-shared.ts), never what the first download
// holds: a cold screen fetches a few scripts, not one per combination of
// screens, and Home's first download does not grow.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeTempProject } from '../../support/temp-project';
import { build, type Rolldown } from 'vite';
import { screensShared, type ScreensShared } from '../../../src/build/screens-shared';

let root: string;
let plugin: ScreensShared;
let output: Rolldown.RolldownOutput;

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><script type="module" src="/src/client/initial/index.ts"></script>',
  'src/client/initial/index.ts':
    "import { first } from './first';\nfirst();\nfor (const load of [() => import('../lazy/explain/explain-screen'), () => import('../lazy/helpers/helpers-screen'), () => import('../lazy/forward/send-screen'), () => import('../lazy/forward/connect-screen'), () => import('../lazy/reminders/reminders-screen'), () => import('../adviser/app')]) void load();",
  'src/client/initial/first.ts': "export const first = () => 'in the first download';",
  'src/client/ui/date-input.ts': "import { first } from '../initial/first';\nexport const dateInput = () => first() + ' date';",
  'src/client/ui/explanation.ts': "export const explanation = () => 'explanation';",
  'src/client/services/outbox.ts': "export const outbox = () => 'outbox';",
  'src/client/services/api-client.ts': "export const api = () => 'api';",
  'src/client/lazy/explain/explain-screen.ts':
    "import { dateInput } from '../../ui/date-input';\nimport { explanation } from '../../ui/explanation';\nexport default dateInput() + explanation();",
  'src/client/lazy/helpers/helpers-screen.ts': "import { dateInput } from '../../ui/date-input';\nexport default dateInput();",
  'src/client/lazy/forward/send-screen.ts':
    "import { explanation } from '../../ui/explanation';\nimport { outbox } from '../../services/outbox';\nimport { api } from '../../services/api-client';\nexport default explanation() + outbox() + api();",
  'src/client/lazy/forward/connect-screen.ts':
    "import { outbox } from '../../services/outbox';\nimport { api } from '../../services/api-client';\nexport default outbox() + api();",
  'src/client/lazy/reminders/reminders-screen.ts': "import { api } from '../../services/api-client';\nexport default api();",
  'src/client/adviser/app.ts': "import { explanation } from '../ui/explanation';\nexport default explanation();",
};

beforeAll(async () => {
  root = writeTempProject('uc-screens-shared-', FILES);
  plugin = screensShared(() => false);
  output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: {
      write: false,
      minify: false,
      rollupOptions: { output: { codeSplitting: { groups: [{ name: (id) => plugin.chunkOf(id), includeDependenciesRecursively: false }] } } },
    },
  })) as Rolldown.RolldownOutput;
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const chunkOf = (path: string) => plugin.chunkOf(join(root, path));

it('groups what several screens share by who uses it', () => {
  expect(chunkOf('src/client/ui/date-input.ts')).toBe('screens');
  expect(chunkOf('src/client/ui/explanation.ts')).toBe('screens');
  expect(chunkOf('src/client/services/outbox.ts')).toBe('forward');
  expect(chunkOf('src/client/services/api-client.ts')).toBe('relay');
});

it('leaves the first download, a single screen and the screens themselves alone', () => {
  expect(chunkOf('src/client/initial/first.ts')).toBeNull();
  expect(chunkOf('src/client/initial/index.ts')).toBeNull();
  expect(chunkOf('src/client/lazy/explain/explain-screen.ts')).toBeNull();
});

it("keeps the entry chunk's code in it, and the entry importing no shared chunk", () => {
  const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry)!;
  expect(entry.moduleIds.some((id) => id.endsWith('/src/client/initial/first.ts'))).toBe(true);
  expect(entry.imports).toEqual([]);
  const screens = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('/ui/date-input.ts')))!;
  expect(screens.name).toBe('screens');
  expect(screens.moduleIds.some((id) => id.endsWith('/ui/explanation.ts'))).toBe(true);
  expect(screens.moduleIds.some((id) => id.includes('/initial/'))).toBe(false);
});
