// Vite plugin: the OCR engine (tesseract.js's worker, its WebAssembly core
// and the English and Welsh language data) copied from node_modules into
// the build under /assets/ocr/<hash>/, served from our own origin. The page
// learns the folder and each file's download size from `virtual:ocr-engine`.
// These files are never precached: the page fetches them only when someone
// first asks to read a photo, and the service worker keeps them then.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Core builds (LSTM only, which is all we use): the page picks one by what the browser supports. */
export const CORE_VARIANTS = { relaxedsimd: 'tesseract-core-relaxedsimd-lstm', simd: 'tesseract-core-simd-lstm', plain: 'tesseract-core-lstm' } as const;
export const OCR_LANGUAGES = ['eng', 'cym'] as const;

interface Source {
  name: string;
  path: string;
}

function sources(): Source[] {
  const core = packageDir('tesseract.js-core');
  const list: Source[] = [{ name: 'worker.min.js', path: join(packageDir('tesseract.js'), 'dist', 'worker.min.js') }];
  for (const base of Object.values(CORE_VARIANTS)) {
    list.push({ name: `${base}.js`, path: join(core, `${base}.js`) }, { name: `${base}.wasm`, path: join(core, `${base}.wasm`) });
  }
  for (const language of OCR_LANGUAGES) {
    list.push({ name: `${language}.traineddata.gz`, path: join(packageDir(`@tesseract.js-data/${language}`), '4.0.0_best_int', `${language}.traineddata.gz`) });
  }
  return list;
}

export interface OcrEnginePlugin extends Plugin {
  /** URL folder of the engine, e.g. "/assets/ocr/0123456789/". */
  base: string;
  /** A second plugin giving only `virtual:ocr-engine`, for the service worker's own build. */
  virtualModule(): Plugin;
}

export function ocrEngine(): OcrEnginePlugin {
  const files = sources().map((source) => ({ ...source, body: readFileSync(source.path) }));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update(file.body);
  const base = `/assets/ocr/${hash.digest('hex').slice(0, 10)}/`;
  // Bytes on the wire: scripts and WebAssembly are sent compressed; the
  // language data is already gzip and is sent as it is.
  const sizes = Object.fromEntries(
    files.map((file) => [file.name, { bytes: file.body.length, transfer: file.name.endsWith('.gz') ? file.body.length : gzipSync(file.body, { level: 6 }).length }]),
  );
  const virtualId = 'virtual:ocr-engine';
  const resolved = `\0${virtualId}`;
  const module = {
    resolveId(id: string) {
      return id === virtualId ? resolved : undefined;
    },
    load(id: string) {
      if (id !== resolved) return undefined;
      return [
        `export const OCR_BASE = ${JSON.stringify(base)};`,
        `export const OCR_SIZES = ${JSON.stringify(sizes)};`,
        `export const CORE_VARIANTS = ${JSON.stringify(CORE_VARIANTS)};`,
      ].join('\n');
    },
  };
  return {
    name: 'uc:ocr-engine',
    base,
    virtualModule: () => ({ name: 'uc:ocr-engine-module', ...module }),
    ...module,
    generateBundle() {
      for (const file of files) this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${file.name}`, source: file.body });
    },
    configureServer(server) {
      // `vite` (dev): answer the same addresses from node_modules.
      server.middlewares.use((req, res, next) => {
        const file = req.url?.startsWith(base) ? files.find((f) => `${base}${f.name}` === req.url) : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', file.name.endsWith('.wasm') ? 'application/wasm' : file.name.endsWith('.js') ? 'text/javascript' : 'application/gzip');
        res.end(file.body);
      });
    },
  };
}
