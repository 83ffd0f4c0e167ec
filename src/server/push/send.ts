// One push: the discreet payload, the Web Push request (encrypted by
// web-push, aes128gcm, VAPID-signed) and what its answer means for the row.
import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { PushKind, PushPayload } from '../../shared/protocol/push-types';
import type { SqlDriver } from '../store/driver';
import { dropSubscriber, markFailed, markRetry, markSent, type ClaimedReminder } from './queue';
import { outOfQuietHours, utcToUk } from './uk-time';

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

/** The payload: the reminder's id, kind, deadline id and days left, the device's opaque ref. Nothing else. */
export function buildPayload(reminder: Pick<ClaimedReminder, 'id' | 'kind' | 'ref' | 'deadlineId' | 'deadlineDate' | 'dueAt'>): PushPayload {
  const payload: PushPayload = { v: 1, id: reminder.id, kind: reminder.kind };
  if (reminder.kind === 'deadline' && reminder.deadlineId !== null && reminder.deadlineDate !== null) {
    payload.deadline = { id: reminder.deadlineId, daysLeft: daysLeft(reminder.deadlineDate, reminder.dueAt) };
  }
  if (reminder.ref !== null) payload.ref = reminder.ref;
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
  agent?: Agent;
  timeoutMs?: number;
}

/** Sends one push; never throws: the answer is classified. */
export async function sendPush(reminder: ClaimedReminder, options: SendOptions, now: () => Date = () => new Date()): Promise<Outcome> {
  const payload = buildPayload(reminder);
  const subscription = { endpoint: reminder.endpoint, keys: { p256dh: reminder.p256dh, auth: reminder.auth } };
  try {
    const response = await webpush.sendNotification(subscription, JSON.stringify(payload), {
      vapidDetails: options.vapid,
      TTL: ttlFor(reminder.kind),
      urgency: urgencyFor(payload),
      topic: topicFor(reminder.id),
      timeout: options.timeoutMs ?? SEND_TIMEOUT_MS,
      ...(options.agent ? { agent: options.agent } : {}),
    });
    return classify({ status: response.statusCode, headers: response.headers }, reminder.attempts, now());
  } catch (error) {
    if (error instanceof webpush.WebPushError) {
      return classify({ status: error.statusCode, headers: error.headers }, reminder.attempts, now());
    }
    // A subscription with bad keys can never be sent: web-push throws before any request.
    if (error instanceof Error && /p256dh|auth|subscription|endpoint/i.test(error.message) && !('code' in error)) {
      return { type: 'failed', error: error.message };
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return classify({ error: code ?? (error instanceof Error ? error.message : 'unknown') }, reminder.attempts, now());
  }
}

/** Records an outcome on the reminder's row (for the claim that sent it). */
export async function recordOutcome(driver: SqlDriver, reminder: ClaimedReminder, outcome: Outcome, now: Date): Promise<void> {
  const claim = { attempt: reminder.attempts, now };
  switch (outcome.type) {
    case 'sent':
      await markSent(driver, reminder.id, claim);
      return;
    case 'gone':
      // If the device re-synced a new endpoint meanwhile, keep it and try that one now.
      if (!(await dropSubscriber(driver, reminder.subscriberId, reminder.endpoint))) await markRetry(driver, reminder.id, now, claim);
      return;
    case 'retry': {
      // A retry for a journal or deadline reminder waits for the end of quiet hours; replies may come when they come.
      const at = reminder.kind === 'journal' || reminder.kind === 'deadline' ? outOfQuietHours(outcome.at, reminder.quiet) : outcome.at;
      await markRetry(driver, reminder.id, at, claim);
      return;
    }
    case 'failed':
      await markFailed(driver, reminder.id, claim);
      return;
  }
}
