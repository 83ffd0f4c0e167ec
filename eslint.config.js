// ESLint: the recommended rules for JavaScript and TypeScript, no import
// cycles (type-only imports aside), and who may import whom. src/README.md
// shows the same table; change both together.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The folders of src/ and what each may import, besides itself and packages.
 * 'shared' means all of shared/; a sub-folder (client/initial/i18n) allows
 * only that part of its folder. Three are limited further below:
 * client/initial reaches services, lazy and adviser only through import(),
 * client/services reaches worker/ only for the messages' types, and
 * shared/protocol reaches shared/notices only for its types (DeadlineId).
 */
const MAY_IMPORT = {
  'shared/notices': [],
  'shared/letters': ['shared/notices'],
  'shared/protocol': ['shared/notices'],
  'client/initial': ['shared', 'client/data', 'client/services', 'client/lazy', 'client/adviser'],
  'client/ui': ['shared', 'client/initial'],
  'client/data': ['shared'],
  'client/services': ['shared', 'client/data', 'client/initial/i18n', 'worker'],
  'client/lazy': ['shared', 'client/initial', 'client/ui', 'client/data', 'client/services'],
  'client/adviser': ['shared', 'client/initial', 'client/ui', 'client/data', 'client/services'],
  worker: ['shared'],
  sw: ['shared/protocol', 'shared/notices'],
  server: ['shared'],
  build: ['shared/protocol'],
};

const FOLDERS = Object.keys(MAY_IMPORT);
const expand = (folders) => folders.flatMap((folder) => FOLDERS.filter((f) => f === folder || f.startsWith(`${folder}/`)));
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const LAZY_SCREENS = readdirSync(new URL('./src/client/lazy', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaryZones = [
  ...FOLDERS.flatMap((folder) => {
    const allowed = new Set([folder, ...expand(MAY_IMPORT[folder])]);
    const message = `src/${folder} may import only ${[folder, ...MAY_IMPORT[folder]].join(', ')} (see src/README.md).`;
    const forbidden = FOLDERS.filter((f) => !allowed.has(f));
    // Allowed sub-folders of a forbidden folder become exceptions of its zone.
    const partly = (f) => MAY_IMPORT[folder].filter((a) => a.startsWith(`${f}/`)).map((a) => `./${a.slice(f.length + 1)}`);
    return [
      { target: `./src/${folder}`, from: forbidden.filter((f) => partly(f).length === 0).map((f) => `./src/${f}`), message },
      ...forbidden.filter((f) => partly(f).length > 0).map((f) => ({ target: `./src/${folder}`, from: `./src/${f}`, except: partly(f), message })),
    ];
  }),
  // A screen's folder is its own: what two screens share goes to client/ui.
  ...LAZY_SCREENS.map((screen) => ({
    target: `./src/client/lazy/${screen}`,
    from: './src/client/lazy',
    except: [`./${screen}`],
    message: 'A screen imports no other screen: move what they share to src/client/ui.',
  })),
  // The adviser's database is the adviser's: claimants never download it.
  {
    target: ['./src/client/initial', './src/client/ui', './src/client/lazy', './src/client/services'],
    from: './src/client/data/adviser-db.ts',
    message: 'Only src/client/adviser may use the adviser database (it stays out of the claimant download).',
  },
].filter((zone) => zone.from.length > 0);

export default tseslint.config(
  { ignores: ['dist/', '.reports/', 'node_modules/', 'data/'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/external-module-folders': ['node_modules'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // Cycles through import() count too; `import type` never does.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The same convention as TypeScript's noUnusedParameters: a leading _ says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: boundaryZones }],
    },
  },
  {
    files: ['src/client/initial/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(services|lazy|adviser)/',
              allowTypeImports: true,
              message: 'The first download loads services, screens and the adviser only with import().',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/protocol/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)notices/',
              allowTypeImports: true,
              message: "The contract takes only the explainer's types (the service worker must not pull the explainer in).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**'],
    ignores: ['src/client/initial/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)worker/',
              allowTypeImports: true,
              message: "The page imports only the types of a worker's messages; start the worker with new Worker(new URL(…)).",
            },
          ],
        },
      ],
    },
  },
);
