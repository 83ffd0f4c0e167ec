import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/build/manifest';
import { ocrEngine } from './src/build/ocr-engine';

// Locale files are emitted as hashed JSON assets (fetched at run time), so
// each person downloads only their own language. Minify them on the way out.
function minifyLocaleJson(): Plugin {
  return {
    name: 'uc:minify-locale-json',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.startsWith('assets/locales/')) {
          file.source = JSON.stringify(JSON.parse(String(file.source)));
        }
      }
    },
  };
}

function localeAssetName(originalFileNames: readonly string[] | undefined): string | undefined {
  const path = originalFileNames?.[0] ?? '';
  const match = /locales\/([\w-]+)\/([\w-]+)\.json$/.exec(path);
  return match ? `assets/locales/${match[1]}-${match[2]}-[hash].json` : undefined;
}

// The adviser's inbox goes in its own folder, so the service worker can leave
// it out of the claimant's offline download: its screens, its own database,
// adding a computer and the QR code maker.
const ADVISER_ONLY = [
  '/src/client/adviser/',
  '/src/client/data/adviser-db.ts',
  '/src/client/services/add-computer.ts',
  '/src/client/services/claimant-pin.ts',
  '/src/client/services/adviser-items.ts',
  '/qrcode-generator/',
];
const isAdviserModule = (id: string) => ADVISER_ONLY.some((part) => id.includes(part));

// The OCR engine (tesseract.js: its page-side code, worker, WebAssembly core
// and language data) lives in its own folder, fetched only when someone asks
// to read a photo: never in the first load, never in the precache.
const ocr = ocrEngine();
const isOcrChunk = (ids: readonly string[]) => ids.some((id) => id.includes('/node_modules/tesseract.js/'));

export default defineConfig({
  plugins: [
    preact(),
    minifyLocaleJson(),
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
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'assets/locales/en-*.json'],
        globIgnores: ['**/node_modules/**', 'assets/adviser/**', 'assets/locales/en-adviser-*.json', 'assets/ocr/**'],
        // The service worker's build needs to know the engine's folder too.
        buildPlugins: { vite: [ocr.virtualModule()] },
      },
    }),
  ],
  build: {
    target: 'es2020',
    modulePreload: { polyfill: false },
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    rollupOptions: {
      output: {
        chunkFileNames: (chunk) =>
          isOcrChunk(chunk.moduleIds)
            ? `${ocr.base.slice(1)}[name]-[hash].js`
            : chunk.moduleIds.length > 0 && chunk.moduleIds.every(isAdviserModule)
              ? 'assets/adviser/[name]-[hash].js'
              : 'assets/[name]-[hash].js',
        assetFileNames: (info) =>
          localeAssetName(info.originalFileNames) ??
          ((info.originalFileNames ?? []).some(isAdviserModule) || (info.names ?? []).some((name) => name.startsWith('adviser'))
            ? 'assets/adviser/[name]-[hash][extname]'
            : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
