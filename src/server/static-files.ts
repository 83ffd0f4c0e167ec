// Serves the built app from memory, gzip- and brotli-compressed once at
// start (large files, such as the OCR engine, on their first request).
// Hashed assets are cached for a year; the shell, sw.js and the manifest
// must always be revalidated so updates reach people.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { replaceFile } from './replace-file';
import { OCR_WORKER_CONTENT_SECURITY_POLICY } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  // The OCR language data is already gzip: sent as it is, never compressed again.
  '.gz': 'application/gzip',
};

/** Compressed at start below this size; above it, on first request (keeps start-up fast). */
const EAGER_LIMIT = 256 * 1024;

export interface StaticFile {
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
  /** Large files: compress on first request (then kept in gzip/brotli). */
  compressLater?: boolean;
  type: string;
  cacheControl: string;
  /** A different Content-Security-Policy for this file (the OCR worker's). */
  contentSecurityPolicy?: string;
}

/** The OCR engine's worker script: the one response allowed to compile WebAssembly. */
export const isOcrWorkerScript = (urlPath: string) => /^\/assets\/ocr\/[\w-]+\/worker\.min\.js$/.test(urlPath);

/** Fills in gzip and brotli for a file marked compressLater (fast settings: these are megabytes). */
export function compressNow(file: StaticFile): void {
  if (!file.compressLater) return;
  file.gzip = gzipSync(file.body, { level: 6 });
  file.brotli = brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  file.compressLater = false;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * gzip (level 9) and brotli (quality 11) of a small file: about 2.5 s for the
 * whole app. With `cacheDir`, each result is kept there under the hash of
 * what was compressed, so a later start with the same build reads it back
 * (the browser tests start a server per file).
 */
function compressed(body: Buffer, cacheDir: string | undefined): { gzip: Buffer; brotli: Buffer } {
  const make = () => ({ gzip: gzipSync(body, { level: 9 }), brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) });
  if (!cacheDir) return make();
  const base = join(cacheDir, createHash('sha256').update(body).digest('hex'));
  if (existsSync(`${base}.gz`) && existsSync(`${base}.br`)) return { gzip: readFileSync(`${base}.gz`), brotli: readFileSync(`${base}.br`) };
  const made = make();
  mkdirSync(cacheDir, { recursive: true });
  // A server starting at the same moment never reads half a file.
  replaceFile(`${base}.gz`, made.gzip);
  replaceFile(`${base}.br`, made.brotli);
  return made;
}

export function loadStaticFiles(root: string, options: { cacheDir?: string } = {}): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of walk(root)) {
    const urlPath = '/' + relative(root, path).split(sep).join('/');
    const body = readFileSync(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const compressible = (/^(text|application)\//.test(type) && type !== 'application/gzip') || type.startsWith('image/svg');
    const eager = compressible && body.length > 256 && body.length <= EAGER_LIMIT;
    files.set(urlPath, {
      body,
      type,
      cacheControl: cacheControlFor(urlPath),
      ...(eager ? compressed(body, options.cacheDir) : {}),
      ...(compressible && body.length > EAGER_LIMIT ? { compressLater: true } : {}),
      ...(isOcrWorkerScript(urlPath) ? { contentSecurityPolicy: OCR_WORKER_CONTENT_SECURITY_POLICY } : {}),
    });
  }
  return files;
}
