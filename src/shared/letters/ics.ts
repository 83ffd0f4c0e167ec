// Minimal iCalendar (RFC 5545) writer for one all-day deadline event.
// Pure string building: no DOM, no I/O, so it is cheap to test and to lazy-load.
import { isIsoDate, parseIso } from '../notices/calendar';

export interface IcsDeadline {
  uid: string;
  title: string;
  description: string;
  /** YYYY-MM-DD, the deadline day itself. */
  date: string;
  /** Reminders, in whole days before the date; 0 means 9 am on the day. */
  alarmDaysBefore?: number[];
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** Parses a real calendar date; throws RangeError for anything else (e.g. 2026-02-30). */
function parseDate(date: string): { y: number; m: number; d: number } {
  if (!isIsoDate(date)) throw new RangeError(`Invalid date "${date}": expected a real calendar date as YYYY-MM-DD`);
  const { year, month, day } = parseIso(date);
  return { y: year, m: month, d: day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function icsDate(t: Date): string {
  return `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
}

function icsUtcDateTime(t: Date): string {
  return `${icsDate(t)}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}Z`;
}

/** TEXT value escaping (RFC 5545 §3.3.11). Backslash first so we don't double-escape. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1).
 * Counts UTF-8 bytes and splits only between code points, so multi-byte
 * characters (Welsh ŵ, Arabic) are never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  // Continuation lines start with a space, which takes one of their 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function alarmTrigger(days: number): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Invalid alarm "${days}": expected a whole number of days, 0 or more`);
  }
  // An all-day event starts at midnight, so "on the day" means 9 hours after the start.
  return days === 0 ? 'PT9H' : `-P${days}D`;
}

/** The VEVENT lines of one all-day deadline (unfolded). */
function eventLines(d: IcsDeadline, now: Date): string[] {
  const { y, m, d: day } = parseDate(d.date);
  const start = new Date(Date.UTC(y, m - 1, day));
  // DTEND is exclusive for VALUE=DATE: the next day. Date.UTC handles month/year ends and leap years.
  const end = new Date(Date.UTC(y, m - 1, day + 1));
  const uid = d.uid.includes('@') ? d.uid : `${d.uid}@uc-companion`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${icsUtcDateTime(now)}`,
    `DTSTART;VALUE=DATE:${icsDate(start)}`,
    `DTEND;VALUE=DATE:${icsDate(end)}`,
    `SUMMARY:${escapeText(d.title)}`,
    `DESCRIPTION:${escapeText(d.description)}`,
    // Transparent: a deadline should not show the whole day as busy.
    'TRANSP:TRANSPARENT',
  ];
  // Duplicates would just ring twice at the same moment.
  for (const days of new Set(d.alarmDaysBefore ?? [])) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(d.title)}`, `TRIGGER:${alarmTrigger(days)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** One calendar file holding every deadline given (none gives an empty calendar). */
export function deadlinesToIcs(list: readonly IcsDeadline[], now: Date = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//UC Companion//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const d of list) lines.push(...eventLines(d, now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export function deadlineToIcs(d: IcsDeadline, now: Date = new Date()): string {
  return deadlinesToIcs([d], now);
}

const MAX_FILE_NAME = 60;

/** "Appeal deadline" + 2026-12-09 → "appeal-deadline-2026-12-09.ics" (safe on every file system). */
export function icsFileName(title: string, date: string): string {
  parseDate(date);
  const suffix = `-${date}.ics`;
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents so "ŵ" becomes "w" rather than vanishing
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_FILE_NAME - suffix.length)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'deadline'}${suffix}`;
}
