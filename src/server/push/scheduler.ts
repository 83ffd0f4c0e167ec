// The push sender loop: claim a batch of due reminders (their payloads go to
// the encryption threads at once), send them a few at a time, record the
// delivered ones together (up to RECORD_GROUP in one statement, at most
// RECORD_WAIT_MS late) and any other outcome as soon as its send ends, and go
// again at once while batches come back full. Any number of these may run against one
// PostgreSQL database (claims skip each other's rows).
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:https';
import type { PushSenderConfig } from '../config';
import type { ClaimedReminder } from '../store/store';
import { pushJob, recordOutcome, SEND_TIMEOUT_MS, sendPush, type Outcome, type PreparedPush, type PushQueue, type VapidDetails } from './send';
import { createEncryptPool, type Encrypted, type PushEncryptor } from './encrypt-pool';
import { VapidJwtCache } from './vapid-jwt';
import { createPushAgent, DEFAULT_POLICY, type EndpointPolicy } from './endpoint-policy';

export interface SchedulerOptions {
  /** The store's push queue (claims, outcomes). */
  store: PushQueue;
  vapid: VapidDetails;
  /** Pause between polls when nothing more is due (default 5 s). */
  intervalMs?: number;
  /** Reminders claimed at a time (default 100). */
  batch?: number;
  /** How long a claim holds its rows before another sender may take them (default 2 min). */
  leaseMs?: number;
  /** Pushes in flight at once (default 10). */
  concurrency?: number;
  /** For the push services' TLS (keep-alive, or a test CA); default: createPushAgent(policy). */
  agent?: Agent;
  /** Which push services may be sent to (default: the real ones only). */
  policy?: EndpointPolicy;
  /** Per-send timeout (default 15 s). */
  timeoutMs?: number;
  /**
   * Worker threads that encrypt payloads (default: one fewer than the cores,
   * at most 2; 0 encrypts on the event loop). Ignored when `encryptor` is given.
   */
  encryptThreads?: number;
  /** Encrypts the payloads (tests); default a pool of `encryptThreads`, closed by stop(). */
  encryptor?: PushEncryptor;
  now?: () => Date;
  /** false: no loop, only runOnce() (tests). Default true. */
  loop?: boolean;
  /** Called after each send's outcome is recorded. */
  onOutcome?: (reminder: ClaimedReminder, outcome: Outcome) => void;
  /** Called when a pass fails (database down…); the loop carries on. */
  onError?: (error: unknown) => void;
}

export interface Scheduler {
  /**
   * Ends the loop: pushes in flight finish and are recorded, claimed rows not
   * yet started are given back (due again, for this or another sender), and
   * the promise resolves when all that is done.
   */
  stop(): Promise<void>;
  /** Runs the next pass now instead of after the interval. */
  wake(): void;
  /** One pass: claims, sends and records one batch; returns how many were claimed. */
  runOnce(): Promise<number>;
}

/** Payloads per message to an encryption thread. */
const ENCRYPT_GROUP = 10;
/** Delivered pushes recorded in one statement (at most the batch)… */
export const RECORD_GROUP = 50;
/** …or this long after the oldest was delivered, whichever comes first. */
export const RECORD_WAIT_MS = 20;

export function startScheduler(options: SchedulerOptions): Scheduler {
  const store = options.store;
  const intervalMs = options.intervalMs ?? 5000;
  const batch = options.batch ?? 100;
  const leaseMs = options.leaseMs ?? 120_000;
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const timeoutMs = options.timeoutMs ?? Math.min(SEND_TIMEOUT_MS, Math.floor(leaseMs / 2));
  const now = options.now ?? (() => new Date());
  // One VAPID JWT per push service, reused until an hour before it expires.
  const policy = options.policy ?? DEFAULT_POLICY;
  const agent = options.agent ?? createPushAgent(policy, { maxSockets: concurrency });
  const sendOptions = { vapid: options.vapid, jwt: new VapidJwtCache(options.vapid), timeoutMs, agent, policy };
  const encryptor = options.encryptor ?? createEncryptPool(options.encryptThreads);
  // Delivered pushes are recorded RECORD_GROUP at a time (or RECORD_WAIT_MS after the oldest, or at the end of the batch).
  const recordSent = groupCommit<{ id: string; attempt: number; at: Date }>((rows) => store.markRemindersSent(rows), {
    minItems: Math.min(batch, RECORD_GROUP),
    maxWaitMs: RECORD_WAIT_MS,
  });

  let stopped = false;

  /**
   * The whole batch's payloads, handed to the encryption threads at once in
   * groups of ENCRYPT_GROUP (the first sends wait for one group only), so the
   * threads encrypt ahead while this loop sends and records.
   */
  function prepare(claimed: readonly ClaimedReminder[]): PreparedPush[] {
    const jobs = claimed.map(pushJob);
    const prepared: PreparedPush[] = [];
    for (let start = 0; start < jobs.length; start += ENCRYPT_GROUP) {
      const group = jobs.slice(start, start + ENCRYPT_GROUP);
      const bodies = encryptor.encrypt(group.map((entry) => entry.job));
      group.forEach((entry, i) => prepared.push({ payload: entry.payload, body: bodies.then((results: Encrypted[]) => results[i]!) }));
    }
    return prepared;
  }

  /** Sends one push; a delivered one's record goes to `recorded` (the next send does not wait for it). */
  async function deliver(reminder: ClaimedReminder, prepared: PreparedPush, recorded: Promise<void>[]): Promise<void> {
    // Its body first (a thread may still be encrypting it), so the lease is checked when the push can go.
    await prepared.body;
    // A row whose lease could run out before this send ends may already be
    // another sender's: leave it to be claimed again rather than send it twice.
    if (now().getTime() + timeoutMs >= reminder.claimedUntil.getTime()) return;
    const outcome = await sendPush(reminder, sendOptions, now, prepared);
    // Delivered pushes are recorded together (group commit). Journal
    // reminders schedule their next one in their own transaction.
    if (outcome.type === 'sent' && reminder.kind !== 'journal') {
      recorded.push(recordSent({ id: reminder.id, attempt: reminder.attempts, at: now() }).then(() => options.onOutcome?.(reminder, outcome)));
      return;
    }
    await recordOutcome(store, reminder, outcome, now());
    options.onOutcome?.(reminder, outcome);
  }

  async function runOnce(): Promise<number> {
    if (stopped) return 0;
    const claimed = await store.claimDueReminders({ now: now(), batch, leaseMs });
    const prepared = prepare(claimed);
    let next = 0;
    const errors: unknown[] = [];
    const recorded: Promise<void>[] = [];
    const worker = async () => {
      while (next < claimed.length && !stopped) {
        const i = next++;
        // One row's failure to record (database blip) must not stop the others; its lease brings it back.
        await deliver(claimed[i]!, prepared[i]!, recorded).catch((error: unknown) => errors.push(error));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    // Every send of the batch has ended: record the last delivered ones now.
    recordSent.drain();
    for (const result of await Promise.allSettled(recorded)) if (result.status === 'rejected') errors.push(result.reason);
    if (next < claimed.length) {
      // Stopping: the rows not started go back now rather than when their lease runs out.
      const left = claimed.slice(next).map((reminder) => ({ id: reminder.id, attempt: reminder.attempts }));
      await store.releaseReminders(left).catch((error: unknown) => errors.push(error));
    }
    if (errors.length > 0) options.onError?.(errors[0]);
    return claimed.length;
  }

  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const loop = async () => {
    while (!stopped) {
      let full = false;
      try {
        full = (await runOnce()) >= batch;
      } catch (error) {
        options.onError?.(error);
      }
      if (!full && !stopped) await sleep(intervalMs);
    }
  };
  // A sender that runs for good starts its threads now rather than with its first batch.
  if (options.loop !== false) encryptor.warm?.();
  const running = options.loop === false ? Promise.resolve() : loop();

  return {
    runOnce,
    // Something is due now (a reply, a new item): send without waiting for the next tick.
    wake() {
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
      if (!options.encryptor) await encryptor.close();
    },
  };
}

/**
 * The sender as the server (main.ts) and scheduler-main.ts run it: the
 * configured pace, the configured push services (PUSH_ENDPOINT_HOSTS), and
 * keep-alive TLS to them (also trusting PUSH_CA_FILE's certificate when set).
 */
export function startConfiguredScheduler(
  store: PushQueue,
  vapid: VapidDetails,
  config: PushSenderConfig,
  hooks: Pick<SchedulerOptions, 'onOutcome' | 'onError'>,
): Scheduler {
  // Keep-alive TLS whose every connection is checked against private addresses (endpoint-policy.ts).
  const agent = createPushAgent(config.endpoints, { maxSockets: config.concurrency, ...(config.caFile ? { ca: readFileSync(config.caFile) } : {}) });
  return startScheduler({
    store,
    vapid,
    agent,
    policy: config.endpoints,
    intervalMs: config.intervalMs,
    batch: config.batch,
    leaseMs: config.leaseMs,
    concurrency: config.concurrency,
    ...(config.timeoutMs === null ? {} : { timeoutMs: config.timeoutMs }),
    ...(config.encryptThreads === null ? {} : { encryptThreads: config.encryptThreads }),
    ...hooks,
  });
}

/**
 * Group commit: add() queues an item and resolves once a flush that held it
 * has finished (rejects if that flush failed). One flush runs at a time; items
 * added meanwhile wait for the next. A flush starts on setImmediate, after the
 * I/O callbacks of the current turn of the event loop, so every push whose
 * answer arrived in that turn goes in it (PGlite runs a query synchronously,
 * blocking the loop, so without this each flush would hold one item).
 *
 * By default (minItems 1) a flush starts as soon as anything is queued: an
 * idle sender records a push at once. With minItems, a flush waits until that
 * many are queued, the oldest has waited maxWaitMs, or drain() is called (the
 * scheduler does at the end of a batch): fewer, larger statements, each item
 * recorded at most maxWaitMs later.
 */
export function groupCommit<T>(
  flush: (items: T[]) => Promise<unknown>,
  options: { minItems?: number; maxWaitMs?: number } = {},
): ((item: T) => Promise<void>) & { drain(): void } {
  const minItems = Math.max(1, options.minItems ?? 1);
  const maxWaitMs = options.maxWaitMs ?? 0;
  let queued: { item: T; at: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  /** The oldest queued item has waited long enough, or drain() was called. */
  let due = false;
  let timer: NodeJS.Timeout | null = null;
  const ready = () => queued.length > 0 && (due || queued.length >= minItems);
  const run = async () => {
    running = true;
    while (ready()) {
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queued;
      queued = [];
      due = false;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      try {
        await flush(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    running = false;
    arm();
  };
  function arm(): void {
    if (running || queued.length === 0) return;
    if (ready()) {
      void run();
      return;
    }
    timer ??= setTimeout(
      () => {
        timer = null;
        due = true;
        arm();
      },
      Math.max(0, queued[0]!.at + maxWaitMs - performance.now()),
    );
  }
  const add = (item: T) =>
    new Promise<void>((resolve, reject) => {
      queued.push({ item, at: performance.now(), resolve, reject });
      arm();
    });
  return Object.assign(add, {
    drain() {
      if (queued.length === 0) return;
      due = true;
      arm();
    },
  });
}
