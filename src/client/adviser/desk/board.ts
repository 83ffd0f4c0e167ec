// The deadlines board's rows, order and export files. Pure: explained items
// and today's date in, rows and file text out, so the unit tests check
// exactly what the screen shows and what the files hold.
import { daysBetween } from '../../../shared/notices';
import type { DeadlineId, NoticeKind } from '../../../shared/notices/types';
import { deadlinesToIcs } from '../../../shared/letters/ics';
import { readingOf, type DeskItem } from '../../data/adviser-db';

/** Overdue, due within 7 days, or later. Shown in words, never by colour alone. */
export type Urgency = 'overdue' | 'soon' | 'later';

export const SOON_DAYS = 7;

export interface BoardRow {
  itemId: string;
  connectionId: string;
  label: string;
  kind: NoticeKind;
  deadlineId: DeadlineId;
  /** YYYY-MM-DD: the last day. */
  date: string;
  time?: string;
  noticeDate: string | null;
  daysLeft: number;
  urgency: Urgency;
}

export function urgencyOf(daysLeft: number): Urgency {
  return daysLeft < 0 ? 'overdue' : daysLeft <= SOON_DAYS ? 'soon' : 'later';
}

/**
 * Every open deadline: not handled, and not the 13-month late limit (a
 * fallback once the real deadline has passed, not a date to work to).
 * Soonest first; overdue ones stay at the top until marked handled.
 */
export function boardRows(items: readonly DeskItem[], today: string): BoardRow[] {
  const rows: BoardRow[] = [];
  for (const item of items) {
    const reading = readingOf(item);
    for (const deadline of reading.deadlines) {
      if (deadline.id === 'late-limit' || item.handled[deadline.id]) continue;
      const daysLeft = daysBetween(today, deadline.date);
      rows.push({
        itemId: item.itemId,
        connectionId: item.connectionId,
        label: item.label,
        kind: reading.kind,
        deadlineId: deadline.id,
        date: deadline.date,
        ...(deadline.time ? { time: deadline.time } : {}),
        noticeDate: reading.noticeDate,
        daysLeft,
        urgency: urgencyOf(daysLeft),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || (a.time ?? '24:00').localeCompare(b.time ?? '24:00') || a.label.localeCompare(b.label) || a.itemId.localeCompare(b.itemId),
  );
}

/** The words the files use, in the adviser's language. */
export interface BoardWords {
  kind(kind: NoticeKind): string;
  deadline(id: DeadlineId): string;
  urgency(urgency: Urgency): string;
  /** Column names, in order: client, kind, deadline, last day, time, days left, status, notice date, item. */
  header: readonly string[];
  icsTitle(row: BoardRow): string;
  icsDescription(row: BoardRow): string;
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would read as a formula
 * (=, +, -, @ first) gets a leading apostrophe: labels are typed by people.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function boardCsv(rows: readonly BoardRow[], words: BoardWords): string {
  const lines = [words.header.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.label,
        words.kind(row.kind),
        words.deadline(row.deadlineId),
        row.date,
        row.time ?? '',
        row.daysLeft,
        words.urgency(row.urgency),
        row.noticeDate ?? '',
        row.itemId,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** One calendar with an all-day event per deadline, reminders 7 and 2 days before. */
export function boardIcs(rows: readonly BoardRow[], words: BoardWords, now: Date = new Date()): string {
  return deadlinesToIcs(
    rows.map((row) => ({
      uid: `${row.itemId}-${row.deadlineId}@uc-companion-adviser`,
      title: words.icsTitle(row),
      description: words.icsDescription(row),
      date: row.date,
      alarmDaysBefore: [7, 2],
    })),
    now,
  );
}
