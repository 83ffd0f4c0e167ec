import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/build/manifest';
import { ocrEngine } from './src/build/ocr-engine';
import { adviserOnly } from './src/build/adviser-only';
import { screensShared } from './src/build/screens-shared';

// Each language gets one small file at a fixed address, /locales/<code>.json:
// its `common` words (all the first screen needs) and the hashed addresses of
// its other files, which are emitted as minified JSON under assets/locales/.
// So the first download carries no map of every language's files (it grew
// with each language), and each person downloads only their own language.
// The service worker precaches English and keeps other languages once chosen.
function localeFiles(): Plugin {
  const root = resolve('locales');
  const languages = () => readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
  const namespaces = (language: string) =>
    readdirSync(join(root, language))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
  const read = (language: string, namespace: string): unknown => JSON.parse(readFileSync(join(root, language, `${namespace}.json`), 'utf8'));
  function manifest(language: string, url: (namespace: string, json: string) => string): string {
    const urls: Record<string, string> = {};
    for (const namespace of namespaces(language)) {
      if (namespace !== 'common') urls[namespace] = url(namespace, JSON.stringify(read(language, namespace)));
    }
    return JSON.stringify({ common: read(language, 'common'), urls });
  }
  return {
    name: 'uc:locale-files',
    configureServer(server) {
      // `vite` (development): the same files, made on request.
      server.middlewares.use((request, response, next) => {
        const match = /^\/locales\/([\w-]+)\.json$/.exec(request.url ?? '');
        if (!match?.[1] || !languages().includes(match[1])) return next();
        const language = match[1];
        response.setHeader('Content-Type', 'application/json');
        response.end(manifest(language, (namespace) => `/locales/${language}/${namespace}.json`));
      });
    },
    generateBundle() {
      for (const language of languages()) {
        const source = manifest(language, (namespace, json) => {
          const hash = createHash('sha256').update(json).digest('base64url').slice(0, 8);
          const fileName = `assets/locales/${language}-${namespace}-${hash}.json`;
          this.emitFile({ type: 'asset', fileName, source: json });
          return `/${fileName}`;
        });
        this.emitFile({ type: 'asset', fileName: `locales/${language}.json`, source });
      }
    },
  };
}

// The adviser's part goes in its own folder, assets/adviser/, so the service
// worker can leave it out of the claimant's offline download: every module
// only the adviser's part imports (its screens, its database, adding a
// computer, the QR code maker, the PDF reader and its worker), worked out
// from the module graph (src/build/adviser-only.ts).
const adviser = adviserOnly();

// What several claimant screens share: one chunk, not one per combination (src/build/screens-shared.ts).
const screens = screensShared(adviser.has);

// @hpke/common falls back to `await import("crypto")` on Node 18 and older.
// The service worker is a classic script, where that import, and Vite's
// preload helper around it (which reads import.meta), cannot even be parsed:
// the worker failed to install. A worker always has globalThis.crypto, so in
// the service worker's build the fallback is that.
function noNodeCryptoFallback(): Plugin {
  const fallback = 'await import("crypto")';
  return {
    name: 'uc:no-node-crypto-fallback',
    transform(code, id) {
      if (!id.includes('/@hpke/') || !code.includes(fallback)) return null;
      return { code: code.replaceAll(fallback, '{ webcrypto: globalThis.crypto }'), map: null };
    },
  };
}

// The OCR engine (tesseract.js: its page-side code, worker, WebAssembly core
// and language data) lives in its own folder, fetched only when someone asks
// to read a photo: never in the first load, never in the precache.
const ocr = ocrEngine();
const isOcrChunk = (ids: readonly string[]) => ids.some((id) => id.includes('/node_modules/tesseract.js/'));

export default defineConfig({
  plugins: [
    preact(),
    localeFiles(),
    adviser,
    screens,
    ocr,
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest,
      injectManifest: {
        // The English locale is the fallback language, so it is precached.
        // Other languages are cached when someone chooses them (see sw.ts).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'locales/en.json', 'assets/locales/en-*.json'],
        globIgnores: ['**/node_modules/**', 'assets/adviser/**', 'assets/locales/en-adviser-*.json', 'assets/ocr/**'],
        // The service worker's build needs to know the engine's folder too.
        buildPlugins: { vite: [ocr.virtualModule(), noNodeCryptoFallback()] },
      },
    }),
  ],
  build: {
    target: 'es2020',
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        codeSplitting: { groups: [{ name: (id) => screens.chunkOf(id), includeDependenciesRecursively: false }] },
        chunkFileNames: (chunk) =>
          isOcrChunk(chunk.moduleIds)
            ? `${ocr.base.slice(1)}[name]-[hash].js`
            : chunk.moduleIds.length > 0 && chunk.moduleIds.every(adviser.has)
              ? 'assets/adviser/[name]-[hash].js'
              : 'assets/[name]-[hash].js',
        assetFileNames: (info) =>
          (info.originalFileNames ?? []).some(adviser.hasFile) || (info.names ?? []).some((name) => name.startsWith('adviser'))
            ? // pdfjs's worker is a module script (.mjs): named .js so every server sends it as JavaScript.
              `assets/adviser/[name]-[hash]${(info.names ?? []).some((name) => name.endsWith('.mjs')) ? '.js' : '[extname]'}`
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
