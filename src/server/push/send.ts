// One push: the discreet payload, the Web Push request (encrypted by
// web-push, aes128gcm, VAPID-signed) and what its answer means for the row.
import { request, type Agent } from 'node:https';
import { MAX_PUSH_HINTS, type PushHint, type PushKind, type PushPayload } from '../../shared/protocol/push-types';
import type { ClaimedReminder, Store } from '../store/store';
import { utcToUk } from '../../shared/notices/uk-time';
import { outOfQuietHours } from './uk-time';
import { VapidJwtCache } from './vapid-jwt';
import { allowedAddresses, checkLiteralHost, createPushAgent, DEFAULT_POLICY, parsePushEndpoint, type EndpointPolicy } from './endpoint-policy';
import { encryptInline, type EncryptJob, type Encrypted } from './encrypt-pool';

/** The part of the Store the sender uses. */
export type PushQueue = Pick<
  Store,
  'claimDueReminders' | 'markReminderSent' | 'markRemindersSent' | 'markReminderRetry' | 'markReminderFailed' | 'deleteSubscriber' | 'releaseReminders'
>;

export interface VapidDetails {
  /** mailto: or https: contact for the push services. */
  subject: string;
  publicKey: string;
  privateKey: string;
}

const HOUR_S = 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Give up after this many tries. */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60 * 1000;
/** A push service that does not answer within this is treated as a network error. */
export const SEND_TIMEOUT_MS = 15_000;

/** Whole days from the UK date of `at` to `date` (YYYY-MM-DD); never below 0. */
export function daysLeft(date: string, at: Date): number {
  const today = utcToUk(at).date;
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  return Math.max(0, diff);
}

/**
 * The payload: the reminder's id, kind, deadline id and days left, the
 * device's opaque ref, and for a new item the sealed deadline hints for this
 * subscriber's computer (ciphertext). Nothing else.
 */
export function buildPayload(
  reminder: Pick<ClaimedReminder, 'id' | 'kind' | 'ref' | 'deadlineId' | 'deadlineDate' | 'dueAt'> & { hints?: PushHint[] },
): PushPayload {
  const payload: PushPayload = { v: 1, id: reminder.id, kind: reminder.kind };
  if (reminder.kind === 'deadline' && reminder.deadlineId !== null && reminder.deadlineDate !== null) {
    payload.deadline = { id: reminder.deadlineId, daysLeft: daysLeft(reminder.deadlineDate, reminder.dueAt) };
  }
  if (reminder.ref !== null) payload.ref = reminder.ref;
  if (reminder.kind === 'adviser-new-item' && reminder.hints?.length) payload.hints = reminder.hints.slice(0, MAX_PUSH_HINTS);
  return payload;
}

/** Seconds the push service may hold it for an offline phone. */
export function ttlFor(kind: PushKind): number {
  return kind === 'deadline' || kind === 'journal' ? 24 * HOUR_S : 4 * HOUR_S;
}

export function urgencyFor(payload: PushPayload): 'high' | 'normal' {
  return payload.kind === 'deadline' && payload.deadline !== undefined && payload.deadline.daysLeft <= 2 ? 'high' : 'normal';
}

/** The Topic header: the id without dashes (32 characters of the base64url alphabet), so a resend replaces. */
export function topicFor(id: string): string {
  return id.replace(/-/g, '');
}

export type Outcome =
  | { type: 'sent'; status: number }
  | { type: 'gone'; status: number }
  | { type: 'retry'; at: Date; status?: number; error?: string }
  | { type: 'failed'; status?: number; error?: string };

/** 30 s × 2^attempts, capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts));
}

/** Retry-After as seconds or an HTTP date → milliseconds from `now`, or null. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return null;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function retryOrFail(attempts: number, now: Date, waitMs: number, detail: { status?: number; error?: string }): Outcome {
  if (attempts >= MAX_ATTEMPTS) return { type: 'failed', ...detail };
  return { type: 'retry', at: new Date(now.getTime() + waitMs), ...detail };
}

/**
 * What a push service's answer means. `attempts` counts this try.
 * 2xx sent; 404/410 subscription gone; 429/5xx and network errors retry with
 * backoff (Retry-After wins when longer), failing after MAX_ATTEMPTS; other 4xx fail.
 */
export function classify(
  result: { status: number; headers?: Record<string, string | string[] | undefined> } | { error: string },
  attempts: number,
  now: Date,
): Outcome {
  if ('error' in result) return retryOrFail(attempts, now, backoffMs(attempts), { error: result.error });
  const { status } = result;
  if (status >= 200 && status < 300) return { type: 'sent', status };
  if (status === 404 || status === 410) return { type: 'gone', status };
  if (status === 429 || status >= 500) {
    const retryAfter = parseRetryAfter(result.headers?.['retry-after'], now);
    const wait = Math.max(backoffMs(attempts), Math.min(retryAfter ?? 0, 24 * 60 * 60 * 1000));
    return retryOrFail(attempts, now, wait, { status });
  }
  return { type: 'failed', status };
}

export interface SendOptions {
  vapid: VapidDetails;
  /** Signed VAPID JWTs, one per push-service origin (the scheduler keeps one for its life). */
  jwt?: VapidJwtCache;
  /** The TLS agent; without one, a shared agent that checks every address (endpoint-policy.ts). */
  agent?: Agent;
  timeoutMs?: number;
  /** Which push services may be sent to (default: the real ones only). */
  policy?: EndpointPolicy;
}

let defaultAgent: Agent | undefined;

const caches = new WeakMap<VapidDetails, VapidJwtCache>();
/** The IP literals each policy allows, worked out once per policy rather than once per push. */
const allowedByPolicy = new WeakMap<EndpointPolicy, Set<string>>();

function allowedFor(policy: EndpointPolicy): Set<string> {
  let allowed = allowedByPolicy.get(policy);
  if (!allowed) {
    allowed = allowedAddresses(policy);
    allowedByPolicy.set(policy, allowed);
  }
  return allowed;
}

/** The JWT cache for these VAPID details: the one given, else one kept per details object. */
function jwtCache(options: SendOptions): VapidJwtCache {
  if (options.jwt) return options.jwt;
  let cache = caches.get(options.vapid);
  if (!cache) {
    cache = new VapidJwtCache(options.vapid);
    caches.set(options.vapid, cache);
  }
  return cache;
}

/** A push service's answer (any status), or a network error. */
function post(
  url: URL,
  headers: Record<string, string | number>,
  body: Buffer,
  options: { agent?: Agent; timeoutMs: number },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: 'POST',
        // URL keeps IPv6 literals in brackets; the request wants the bare address.
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers,
        timeout: options.timeoutMs,
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (res) => {
        // The answer's body is not used; read it so the socket goes back to the pool.
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('Socket timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A push's payload and, made ahead (the scheduler encrypts a batch on worker threads), its encrypted body. */
export interface PreparedPush {
  payload: PushPayload;
  body: Promise<Encrypted>;
}

/** The payload and the encryption job for a reminder: the same JSON text sendPush() would encrypt itself. */
export function pushJob(reminder: ClaimedReminder): { payload: PushPayload; job: EncryptJob } {
  const payload = buildPayload(reminder);
  return { payload, job: { p256dh: reminder.p256dh, auth: reminder.auth, payload: JSON.stringify(payload) } };
}

/**
 * Sends one push; never throws: the answer is classified. The request is what
 * web-push's sendNotification() sends (its aes128gcm encryption, a fresh ECDH
 * key per message; TTL, Urgency, Topic), with the VAPID header from the JWT
 * cache instead of a new signature per push, and no per-push option checks.
 * `prepared`: the payload and body made ahead for this reminder (else both are made here).
 */
export async function sendPush(reminder: ClaimedReminder, options: SendOptions, now: () => Date = () => new Date(), prepared?: PreparedPush): Promise<Outcome> {
  const payload = prepared?.payload ?? buildPayload(reminder);
  const policy = options.policy ?? DEFAULT_POLICY;
  // Checked again here: rows stored before the allow-list, or a list since narrowed.
  // Parsed once: the same URL gives the request and the JWT's audience.
  const url = parsePushEndpoint(reminder.endpoint, policy);
  if (url === null) return { type: 'failed', error: 'The subscription endpoint is not an allowed push service.' };
  let authorization: string;
  try {
    // An IP literal is never looked up, so the agent's check would not see it.
    checkLiteralHost(url, allowedFor(policy));
    authorization = jwtCache(options).authorization(url);
  } catch (error) {
    return { type: 'failed', error: error instanceof Error ? error.message : 'The subscription endpoint is not a URL.' };
  }
  const body = prepared ? await prepared.body : encryptInline({ p256dh: reminder.p256dh, auth: reminder.auth, payload: JSON.stringify(payload) });
  // A subscription with bad keys can never be sent.
  if (body instanceof Error) return { type: 'failed', error: body.message };
  const headers = {
    TTL: ttlFor(reminder.kind),
    'Content-Length': body.length,
    'Content-Type': 'application/octet-stream',
    'Content-Encoding': 'aes128gcm',
    Authorization: authorization,
    Urgency: urgencyFor(payload),
    Topic: topicFor(reminder.id),
  };
  try {
    const agent = options.agent ?? (defaultAgent ??= createPushAgent(DEFAULT_POLICY));
    const answer = await post(url, headers, body, { timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS, agent });
    return classify(answer, reminder.attempts, now());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // An address inside a network now will be one on the next try too: never retried.
    if (code === 'EPUSHADDRESS') return { type: 'failed', error: code };
    return classify({ error: code ?? (error instanceof Error ? error.message : 'unknown') }, reminder.attempts, now());
  }
}

/** Records an outcome on the reminder's row (for the claim that sent it). */
export async function recordOutcome(store: PushQueue, reminder: ClaimedReminder, outcome: Outcome, now: Date): Promise<void> {
  const claim = { attempt: reminder.attempts, now };
  switch (outcome.type) {
    case 'sent':
      await store.markReminderSent(reminder.id, claim);
      return;
    case 'gone':
      // If the device re-synced a new endpoint meanwhile, keep it and try that one now.
      if (!(await store.deleteSubscriber(reminder.subscriberId, { endpoint: reminder.endpoint }))) await store.markReminderRetry(reminder.id, now, claim);
      return;
    case 'retry': {
      // A retry for a journal or deadline reminder waits for the end of quiet hours; replies may come when they come.
      const at = reminder.kind === 'journal' || reminder.kind === 'deadline' ? outOfQuietHours(outcome.at, reminder.quiet) : outcome.at;
      await store.markReminderRetry(reminder.id, at, claim);
      return;
    }
    case 'failed':
      await store.markReminderFailed(reminder.id, claim);
      return;
  }
}
