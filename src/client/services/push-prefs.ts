// Reminder choices as the screen shows them, and the relay's Preferences
// built from them. Pure: no storage, no network.
import type { Preferences, UkMinute, WeekdayMask } from '../../shared/protocol/push-types';
import type { SavedNotice } from '../data/notices-db';
import type { ReminderSettings, Weekday } from '../data/push-db';

export type { ReminderSettings, Weekday };
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export const DEFAULT_SETTINGS: ReminderSettings = {
  replies: true,
  journal: { on: true, days: [0, 3], time: '10:00' },
  deadlines: true,
  quiet: { from: '21:00', to: '08:00' },
};

/** "10:00" → 600; null for anything that is not a time of day. */
export function timeToMinute(time: string): UkMinute | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::\d\d)?$/.exec(time.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** [Monday, Thursday] → 0b0001001 (bit 0 = Monday). */
export function daysToMask(days: readonly Weekday[]): WeekdayMask {
  return days.reduce<number>((mask, day) => mask | (1 << day), 0);
}

export function maskToDays(mask: WeekdayMask): Weekday[] {
  return WEEKDAYS.filter((day) => (mask & (1 << day)) !== 0);
}

/**
 * Every upcoming deadline of every saved notice, as the relay may see it:
 * only which deadline, its date and the notice's random id. Never the text.
 */
export function deadlinesFrom(notices: readonly SavedNotice[], today: string): Preferences['deadlines'] {
  const out: Preferences['deadlines'] = [];
  for (const notice of notices) {
    for (const deadline of notice.deadlines) {
      if (deadline.date >= today) out.push({ id: deadline.id, date: deadline.date, ref: notice.id });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type SettingsProblem = 'noDays' | 'journalTime' | 'quietTime';

export function checkSettings(settings: ReminderSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (settings.journal.on && settings.journal.days.length === 0) problems.push('noDays');
  if (settings.journal.on && timeToMinute(settings.journal.time) === null) problems.push('journalTime');
  if (timeToMinute(settings.quiet.from) === null || timeToMinute(settings.quiet.to) === null) problems.push('quietTime');
  return problems;
}

/** The PUT /api/push/preferences body. Throws on settings that checkSettings rejects. */
export function toPreferences(settings: ReminderSettings, notices: readonly SavedNotice[], today: string): Preferences {
  const problems = checkSettings(settings);
  if (problems.length > 0) throw new Error(`Reminder settings: ${problems.join(', ')}`);
  return {
    replies: settings.replies,
    journal: settings.journal.on ? { days: daysToMask(settings.journal.days), minute: timeToMinute(settings.journal.time) ?? 600 } : null,
    quiet: { start: timeToMinute(settings.quiet.from) ?? 1260, end: timeToMinute(settings.quiet.to) ?? 480 },
    deadlines: settings.deadlines ? deadlinesFrom(notices, today) : [],
  };
}
