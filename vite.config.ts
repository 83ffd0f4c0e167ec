import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/build/manifest';

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

export default defineConfig({
  plugins: [
    preact(),
    minifyLocaleJson(),
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
        globIgnores: ['**/node_modules/**'],
      },
    }),
  ],
  build: {
    target: 'es2020',
    modulePreload: { polyfill: false },
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    rollupOptions: {
      output: {
        assetFileNames: (info) =>
          localeAssetName(info.originalFileNames) ?? 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
