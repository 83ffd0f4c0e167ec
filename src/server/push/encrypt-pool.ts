// Web Push payload encryption (RFC 8291, aes128gcm) on worker threads, so the
// sender's event loop sends and records pushes while another core encrypts
// them. Each worker runs web-push's own encrypt(): a fresh ECDH key pair and
// salt for every message, exactly what sendPush() would make inline. Jobs go
// in small groups (one message each way per group); the results come back
// packed in one transferred buffer.
//
// A worker is started on first use, is unref'd while it has nothing to do (an
// idle sender never keeps the process alive), and one that dies has its jobs
// encrypted inline and is replaced on the next call; after MAX_FAILURES deaths
// the pool encrypts inline for good.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import webpush from 'web-push';

export interface EncryptJob {
  /** The subscription's p256dh key (base64url). */
  p256dh: string;
  /** The subscription's auth secret (base64url). */
  auth: string;
  /** The payload, as sent (JSON text). */
  payload: string;
}

/** The aes128gcm body, or why these keys cannot be encrypted to (the push then fails for good). */
export type Encrypted = Buffer | Error;

export interface PushEncryptor {
  /** One result per job, in order; never rejects. */
  encrypt(jobs: readonly EncryptJob[]): Promise<Encrypted[]>;
  /** Starts the threads now (else they start with the first job). */
  warm?(): void;
  /** Stops the threads (jobs in flight are finished inline). */
  close(): Promise<void>;
}

/** One job on this thread: web-push's encrypt(), its errors (bad keys) as values. */
export function encryptInline(job: EncryptJob): Encrypted {
  try {
    return webpush.encrypt(job.p256dh, job.auth, job.payload, 'aes128gcm').cipherText;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Encrypts on the calling thread (one core, or threads turned off). */
export const inlineEncryptor: PushEncryptor = {
  encrypt: (jobs) => Promise.resolve(jobs.map(encryptInline)),
  close: () => Promise.resolve(),
};

/** Threads by default: one fewer than the cores (the event loop keeps one), at most 2; none on one core. */
export function defaultEncryptThreads(): number {
  return Math.max(0, Math.min(2, availableParallelism() - 1));
}

/** A worker that dies this many times in a pool's life makes it encrypt inline from then on. */
export const MAX_FAILURES = 3;

type Request = { id: number; jobs: [p256dh: string, auth: string, payload: string][] };
/** `lengths[i]` is the i-th body's length in `data` (bodies back to back), or -1 with `errors[i]` set. */
type Reply = { id: number; data: Uint8Array; lengths: number[]; errors: (string | null)[] };

// The worker's code, evaluated as a CommonJS script, so it loads the same way
// under tsx, vitest and plain Node. It loads web-push by absolute path.
const WORKER_SOURCE = (webPushPath: string) => `
const { parentPort } = require('node:worker_threads');
const webpush = require(${JSON.stringify(webPushPath)});
parentPort.on('message', ({ id, jobs }) => {
  const bodies = [];
  const errors = [];
  let size = 0;
  for (const [p256dh, auth, payload] of jobs) {
    try {
      const body = webpush.encrypt(p256dh, auth, payload, 'aes128gcm').cipherText;
      bodies.push(body);
      errors.push(null);
      size += body.length;
    } catch (error) {
      bodies.push(null);
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  // Packed into one buffer of their own (a Buffer may be a view on a shared pool) and transferred, not copied.
  const data = new Uint8Array(size);
  const lengths = [];
  let at = 0;
  for (const body of bodies) {
    if (body === null) {
      lengths.push(-1);
      continue;
    }
    data.set(body, at);
    at += body.length;
    lengths.push(body.length);
  }
  parentPort.postMessage({ id, data, lengths, errors }, [data.buffer]);
});
`;

interface Thread {
  worker: Worker;
  pending: Map<number, { jobs: readonly EncryptJob[]; resolve: (results: Encrypted[]) => void }>;
  /** Jobs sent and not yet answered (the pool gives new work to the thread with fewest). */
  load: number;
}

function unpack(reply: Reply): Encrypted[] {
  const results: Encrypted[] = [];
  const buffer = Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength);
  let at = 0;
  for (let i = 0; i < reply.lengths.length; i++) {
    const length = reply.lengths[i]!;
    if (length < 0) {
      results.push(new Error(reply.errors[i] ?? 'The subscription keys are not valid.'));
      continue;
    }
    results.push(buffer.subarray(at, at + length));
    at += length;
  }
  return results;
}

/** A pool of `threads` encryption workers (0: inline). */
export function createEncryptPool(threads: number = defaultEncryptThreads()): PushEncryptor {
  if (threads <= 0) return inlineEncryptor;
  const webPushPath = createRequire(import.meta.url).resolve('web-push');
  const slots: (Thread | null)[] = Array.from({ length: threads }, () => null);
  let nextId = 0;
  let failures = 0;
  let closed = false;

  function fail(thread: Thread, slot: number): void {
    if (slots[slot] !== thread) return;
    slots[slot] = null;
    failures++;
    // Whatever it held is encrypted here: a push never waits on a dead thread.
    for (const { jobs, resolve } of thread.pending.values()) resolve(jobs.map(encryptInline));
    thread.pending.clear();
    void thread.worker.terminate();
  }

  function start(slot: number): Thread {
    const worker = new Worker(WORKER_SOURCE(webPushPath), { eval: true });
    const thread: Thread = { worker, pending: new Map(), load: 0 };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const entry = thread.pending.get(reply.id);
      if (!entry) return;
      thread.pending.delete(reply.id);
      thread.load -= entry.jobs.length;
      if (thread.pending.size === 0) worker.unref();
      entry.resolve(unpack(reply));
    });
    worker.on('error', () => fail(thread, slot));
    worker.on('exit', () => fail(thread, slot));
    slots[slot] = thread;
    return thread;
  }

  function pick(): Thread | null {
    if (closed || failures >= MAX_FAILURES) return null;
    let best: Thread | null = null;
    for (let slot = 0; slot < slots.length; slot++) {
      const thread = slots[slot] ?? start(slot);
      if (thread.load === 0) return thread;
      if (best === null || thread.load < best.load) best = thread;
    }
    return best;
  }

  return {
    warm() {
      if (closed || failures >= MAX_FAILURES) return;
      for (let slot = 0; slot < slots.length; slot++) slots[slot] ??= start(slot);
    },
    encrypt(jobs) {
      if (jobs.length === 0) return Promise.resolve([]);
      const thread = pick();
      if (thread === null) return Promise.resolve(jobs.map(encryptInline));
      return new Promise<Encrypted[]>((resolve) => {
        const id = nextId++;
        thread.pending.set(id, { jobs, resolve });
        thread.load += jobs.length;
        // Held while it works for us: a sender waiting on it must not see the process exit.
        thread.worker.ref();
        const request: Request = { id, jobs: jobs.map((job) => [job.p256dh, job.auth, job.payload]) };
        thread.worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      const running = slots.filter((thread): thread is Thread => thread !== null);
      slots.fill(null);
      for (const thread of running) {
        for (const { jobs, resolve } of thread.pending.values()) resolve(jobs.map(encryptInline));
        thread.pending.clear();
      }
      await Promise.all(running.map((thread) => thread.worker.terminate()));
    },
  };
}
