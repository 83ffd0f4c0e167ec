import { currentLanguage } from '../../initial/i18n/use-translation';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "3 June 2026, 14:05" in the reader's language and UK time. */
export function formatTime(iso: string): string {
  const language = currentLanguage();
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/London',
    });
    formatters.set(language, formatter);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}
