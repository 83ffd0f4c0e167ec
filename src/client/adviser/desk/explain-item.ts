// What an item says, worked out by the shared explainer on the adviser's
// computer. Pure: words in, the desk's record out. Deadlines count from the
// date on the notice; with none, from the UK day the client sent it (never
// later than that: the notice had reached them by then).
import { explainNotice } from '../../../shared/notices';
import type { NoticeKind } from '../../../shared/notices/types';
import { utcToUk } from '../../../shared/notices/uk-time';
import type { DeskItem, DeskReading } from '../../data/adviser-db';

export interface Correction {
  kind?: NoticeKind;
  /** YYYY-MM-DD */
  noticeDate?: string;
}

export const ukDay = (iso: string): string => utcToUk(new Date(iso)).date;

export function readingOfText(text: string, sentAt: string, correction: Correction = {}): DeskReading {
  const explained = explainNotice(text, {
    today: ukDay(sentAt),
    ...(correction.kind ? { kind: correction.kind } : {}),
    ...(correction.noticeDate ? { noticeDate: correction.noticeDate } : {}),
  });
  return {
    kind: explained.kind,
    noticeDate: correction.noticeDate ?? explained.noticeDate,
    countFrom: explained.countFrom,
    deadlines: explained.deadlines,
  };
}

export interface ItemFacts {
  itemId: string;
  connectionId: string;
  label: string;
  receivedAt: string;
  sentAt: string;
}

export function deskItemFor(facts: ItemFacts, text: string, source: DeskItem['source'], now: Date = new Date()): DeskItem {
  return {
    itemId: facts.itemId,
    connectionId: facts.connectionId,
    label: facts.label,
    receivedAt: facts.receivedAt,
    source,
    found: readingOfText(text, facts.sentAt),
    handled: {},
    explainedAt: now.toISOString(),
  };
}

/** The soonest open deadline's days left, for "due within 7 days" notifications; null when none. */
export function soonestDaysLeft(reading: DeskReading, today: string, daysBetween: (a: string, b: string) => number): number | null {
  const open = reading.deadlines.filter((d) => d.id !== 'late-limit').map((d) => daysBetween(today, d.date));
  const ahead = open.filter((days) => days >= 0);
  return ahead.length > 0 ? Math.min(...ahead) : null;
}
