// Dates, file names and failures in the adviser's words. Advisers work in
// English and in UK time, whatever the computer's own settings (and whatever
// language the claimant side last used, so not through i18next's dates).
import { utcToUk } from '../../shared/notices/uk-time';
import { relayProblem, type RelayProblem, type RelayProblemKind } from '../services/relay-problem';

const TIME_ZONE = 'Europe/London';
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });

function valid(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** '3 Mar 2025, 14:05' */
export function formatDateTime(iso: string): string {
  const date = valid(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

/** '3 March 2025' */
export function formatDay(iso: string): string {
  const date = valid(iso);
  return date ? dayFormat.format(date) : iso;
}

/** '2025-03-03', the UK date, for file names. */
export function isoDay(iso: string): string {
  return utcToUk(valid(iso) ?? new Date()).date;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'text/plain': 'txt',
};

/**
 * How the adviser's app shows a file whose type the claimant's phone chose.
 * Only these image types and PDF are shown by this origin; anything else (an
 * SVG or HTML page could run script as the adviser) is offered only as a
 * download, typed application/octet-stream so no browser renders it here.
 */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
export const PDF_TYPE = 'application/pdf';

export type ItemDisplay = { how: 'image' | 'pdf'; type: string } | { how: 'download'; type: 'application/octet-stream' };

/** The display for a claimed type: no type is taken as JPEG (what the phone's camera pipeline sends). */
export function itemDisplay(mime: string | undefined): ItemDisplay {
  const type = (mime ?? 'image/jpeg').split(';', 1)[0]!.trim().toLowerCase();
  if (INLINE_IMAGE_TYPES.includes(type)) return { how: 'image', type };
  if (type === PDF_TYPE) return { how: 'pdf', type };
  return { how: 'download', type: 'application/octet-stream' };
}

export function extensionFor(mime: string | undefined): string {
  return (mime && EXTENSIONS[mime.toLowerCase()]) || 'bin';
}

/** 'uc-notice-2025-03-03.jpg': a name that suits a tribunal bundle (SSCS1). */
export function noticeFileName(sentAt: string, mime: string | undefined): string {
  return `uc-notice-${isoDay(sentAt)}.${extensionFor(mime)}`;
}

/** 'uc-receipts-mrs-j-2025-03-03.json' */
export function receiptsFileName(label: string, now: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `uc-receipts-${slug ? `${slug}-` : ''}${isoDay(now)}.json`;
}

/** The adviser's words for a failure: `adviser:errors.<Problem>`. */
export type Problem = 'offline' | 'notSetUp' | 'tooMany' | 'gone' | 'notFound' | 'full' | 'contested' | 'server';

const PROBLEMS: Record<RelayProblemKind, Problem> = {
  offline: 'offline',
  revoked: 'notSetUp',
  forbidden: 'notSetUp',
  'rate-limited': 'tooMany',
  gone: 'gone',
  'not-found': 'notFound',
  full: 'full',
  contested: 'contested',
  invalid: 'server',
  server: 'server',
  local: 'server',
};

/** Sorts a failure into something an adviser can act on. */
export function problemOf(error: unknown): Problem {
  return problemFor(relayProblem(error));
}

export function problemFor(problem: RelayProblem): Problem {
  return PROBLEMS[problem.kind];
}

/**
 * Why an item does not open here. Items are locked for the computers the
 * adviser had when the client sent them, so one sent before this computer
 * was added can only be opened on an earlier one.
 */
export function cannotOpenReason(enrolledAt: string, itemCreatedAt: string): 'cannotOpenOlder' | 'cannotOpen' {
  const added = new Date(enrolledAt).getTime();
  const sent = new Date(itemCreatedAt).getTime();
  return Number.isFinite(added) && Number.isFinite(sent) && sent < added ? 'cannotOpenOlder' : 'cannotOpen';
}
