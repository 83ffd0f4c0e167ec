// A time typed as text, in the 24-hour clock: "21:00", "21.00", "21 00",
// "2100", "930" (9:30) or just "21". Pure, so the unit tests check it.
import { latinDigits } from '../../ui/date-parts';

/** "HH:MM" for a time of day typed in any of those ways; null for anything else. */
export function readTime(text: string): string | null {
  const typed = latinDigits(text).trim().toLowerCase();
  const match = /^(\d{1,2})(?:\s*[:.h\s]\s*(\d{2}))?$/.exec(typed) ?? /^(\d{1,2})(\d{2})$/.exec(typed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
