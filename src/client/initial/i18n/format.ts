// This module is in the first download: think before adding to it.
// Dates written out in the reader's language ("3 Rhagfyr 2026"), through Intl.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, long: boolean): Intl.DateTimeFormat {
  const key = `${language}|${long}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(long ? { weekday: 'long' } : {}),
      timeZone: 'UTC',
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** "Thursday 3 December 2026" for an ISO date (YYYY-MM-DD). */
export function formatDate(isoDate: string, language: string, withWeekday = true): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(language, withWeekday).format(date);
}
