// recognise(image): the words in a picture, read on this phone by
// tesseract.js in its own Web Worker. The worker starts on first use and
// ends 10 seconds after the last job (or at once on Cancel or release()),
// so its 100 MB or so of memory is given back on a cheap phone; a run of
// pictures in a row shares one worker. Used by the Explain screen and,
// later, the adviser's desk.
import type { Worker as TesseractWorker, LoggerMessage } from 'tesseract.js';
import { coreName, engineUrl, hasWebAssembly, type OcrLanguage } from './engine';
import { OcrError } from './errors';
import { loadTesseract } from './tesseract';

export interface RecogniseOptions {
  signal?: AbortSignal;
  /** 0 to 1 while the words are read (after the engine has started). */
  onProgress?: (fraction: number) => void;
  /** Default: English. Add Welsh ('cym') for Welsh letters. */
  languages?: readonly OcrLanguage[];
}

export interface Recognised {
  text: string;
  /** The engine's own confidence, 0 to 100. */
  confidence: number;
  /** Time taken, in milliseconds (including starting the engine). */
  ms: number;
}

const IDLE_MS = 10_000;
/** An engine that has not started by then never will (a blocked or broken core hangs rather than fails). */
const START_MS = 60_000;
const OEM_LSTM_ONLY = 1;

interface Running {
  languages: string;
  worker: Promise<TesseractWorker>;
}

let running: Running | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** Where the worker's progress messages go: the job now running. */
let report: ((message: LoggerMessage) => void) | null = null;

function errorCode(error: unknown): OcrError {
  if (error instanceof OcrError) return error;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/memory|OOM|allocat|Aborted\(/i.test(text)) return new OcrError('out-of-memory');
  if (/fetch|network|Failed to load|importScripts|NetworkError/i.test(text)) return new OcrError('download-failed');
  return new OcrError('failed');
}

async function start(languages: string): Promise<TesseractWorker> {
  const [tesseract, core] = await Promise.all([loadTesseract(), coreName()]);
  return tesseract.createWorker(languages, OEM_LSTM_ONLY, {
    workerPath: engineUrl('worker.min.js'),
    corePath: engineUrl(`${core}.js`),
    langPath: engineUrl('').replace(/\/$/, ''),
    // A plain worker from our own origin: a blob: worker would carry the
    // page's CSP, which does not allow WebAssembly.
    workerBlobURL: false,
    // The service worker keeps the files; no second copy in IndexedDB.
    cacheMethod: 'none',
    gzip: true,
    logger: (message) => report?.(message),
    errorHandler: () => undefined,
  });
}

/** Ends the worker now and gives back its memory. */
export function release(): void {
  clearTimeout(idleTimer);
  const current = running;
  running = null;
  void current?.worker.then((worker) => worker.terminate()).catch(() => undefined);
}

async function job(image: Blob, { signal, onProgress, languages = ['eng'] }: RecogniseOptions): Promise<Recognised> {
  if (!hasWebAssembly()) throw new OcrError('no-wasm');
  if (signal?.aborted) throw new DOMException('The person cancelled.', 'AbortError');
  clearTimeout(idleTimer);
  const wanted = [...languages].sort().join('+');
  if (running && running.languages !== wanted) release();
  running ??= { languages: wanted, worker: start(wanted) };
  const mine = running;
  const started = performance.now();
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      // Ending the worker is the only way to stop it mid-page.
      if (running === mine) release();
      reject(new DOMException('The person cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  report = (message) => {
    if (message.status === 'recognizing text') onProgress?.(message.progress);
  };
  try {
    let startTimer: ReturnType<typeof setTimeout> | undefined;
    const tooSlow = new Promise<never>((_, reject) => {
      startTimer = setTimeout(() => reject(new OcrError('failed')), START_MS);
    });
    const worker = await Promise.race([mine.worker, cancelled, tooSlow]).finally(() => clearTimeout(startTimer));
    const { data } = await Promise.race([worker.recognize(image), cancelled]);
    return { text: data.text, confidence: data.confidence, ms: performance.now() - started };
  } catch (error) {
    if (signal?.aborted) throw new DOMException('The person cancelled.', 'AbortError');
    // A worker that failed is not reused.
    if (running === mine) release();
    throw errorCode(error);
  } finally {
    report = null;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    if (running === mine) idleTimer = setTimeout(release, IDLE_MS);
  }
}

/** Reads the words in a picture (PNG, JPEG, WebP). Throws OcrError or an AbortError. */
export function recognise(image: Blob, options: RecogniseOptions = {}): Promise<Recognised> {
  const result = queue.then(() => job(image, options));
  queue = result.catch(() => undefined);
  return result;
}
