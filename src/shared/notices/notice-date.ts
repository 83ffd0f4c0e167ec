// Works out which dates in the text are which: the date the notice was sent,
// a deadline it gives ("by 3 December"), an appointment, or just an event it
// mentions (a payment date, an assessment period, a missed interview).
import { findDates, findTimes, resolveYear, type FoundDate } from './dates';

export type DateRole = 'notice' | 'deadline' | 'appointment' | 'payment' | 'period' | 'event' | 'plain';

export interface RolledDate {
  date: string | null; // null when a year-less date cannot be placed
  found: FoundDate;
  role: DateRole;
  /** A time of day given right after the date ("at 10:30am"). */
  time?: string;
  /** The date starts its line: a journal entry's stamp. */
  stamp?: boolean;
}

// Each test looks at the words just before the date, in the same sentence.
// DWP writes to Welsh speakers in Welsh, so each role has its Welsh words too,
// with the mutated forms they take after "ar", "eich", "fy" ("ar ddydd Mawrth",
// "eich taliad", "fy nghyfweliad"); a Welsh date no rule knows would otherwise
// be taken for the notice's own date.
const WELSH_WEEKDAY = String.raw`d?dydd (?:llun|mawrth|mercher|iau|gwener|sadwrn|sul)`;
const WEEKDAY = String.raw`(?:\w+day,?\s*|${WELSH_WEEKDAY},?\s*)?`;
const roleRule = (pattern: string): RegExp => new RegExp(pattern.replaceAll('WEEKDAY', WEEKDAY));
const BEFORE: ReadonlyArray<readonly [RegExp, DateRole]> = [
  [
    roleRule(
      String.raw`\b(?:by|before|until|no later than|on or before|expires?(?: on)?|runs? out(?: on)?|deadline(?: date)?(?: is| of)?|due(?: date)?|return (?:it|this|the form|the questionnaire) by|latest` +
        String.raw`|erbyn|cyn|dim hwyrach na|hyd at|tan|n?dyddiad cau(?: yw)?|d?terfyn amser)\s*:?\s*WEEKDAY(?:the\s+)?$`,
    ),
    'deadline',
  ],
  [
    roleRule(
      String.raw`\b(?:appointment|interview|assessment(?! period)|review|meeting|call|attend|come in|see you|meet` +
        String.raw`|h?apwyntiad|(?:c|g|ngh|ch)yfweliad|h?asesiad|(?:c|g|ngh|ch)yfarfod|(?:g|ng)?alwad|fynychu|mynychu|dewch i mewn)` +
        String.raw`\b[^.!?\n]*?\b(?:on|for|is|date:?|ar|yw|ydy|dyddiad:?)\s*WEEKDAY(?:the\s+)?$`,
    ),
    'appointment',
  ],
  [
    roleRule(
      String.raw`\b(?:paid|pay you|payment(?: date)?|payday|into your (?:bank )?account|next payment|you will get|you'll get|we'll pay|we will pay` +
        String.raw`|(?:t|d|th|nh)al(?:u|iad|iadau)|(?:t|d|th|nh)âl|i'?ch cyfrif(?: banc)?|byddwch yn cael|byddwn yn talu)` +
        String.raw`\b[^.!?\n]{0,30}?\b(?:on|by|is|:|ar|erbyn|yw)?\s*WEEKDAY$`,
    ),
    'payment',
  ],
  [
    roleRule(
      String.raw`\b(?:assessment period|period|from|between|since|starting|started|starts|ending|ended|ends|to|and|until|-` +
        String.raw`|(?:c|g|ngh|ch)yfnod(?: asesu)?|rhwng|o|ers|yn dechrau|gan ddechrau|yn gorffen|i|a|ac)\s*:?\s*WEEKDAY(?:the\s+)?$`,
    ),
    'period',
  ],
  [
    roleRule(
      String.raw`\b(?:anfonwyd|cyhoeddwyd|ysgrifennwyd|gwnaed|gwnaethom)(?: (?:y|ein) (?:llythyr|neges|hysbysiad|penderfyniad)(?: hwn)?)?(?: atoch)? ar\s+WEEKDAY$`,
    ),
    'notice',
  ],
  // An earlier decision the message refers to ("we looked again at the decision dated 3 April"), not this notice.
  [
    roleRule(
      String.raw`\b(?:(?:the|your|our|that|a|my) (?:original |earlier |previous )?(?:decision|reduction|sanction)(?: we made| you asked us to look at again| made| was made)? (?:on|of|dated|from)` +
        String.raw`|(?:y|eich|ein) (?:p|b|ph|mh)enderfyniad(?: gwreiddiol)?(?: a wnaed| a wnaethom)? (?:ar|o|dyddiedig))\s*:?\s*WEEKDAY(?:the\s+)?$`,
    ),
    'event',
  ],
  [
    roleRule(
      String.raw`\b(?:date(?:d)?|date of (?:this |the )?(?:notice|letter|message|decision|notification)|notice date|letter date|sent(?: on)?|issued(?: on)?|posted(?: on)?|written(?: on)?|made (?:this |the |a |our )?decision on|decision (?:was )?made on|decision date|journal(?: entry| message)?|message sent` +
        String.raw`|(?:d|dd|n)yddiad(?: y (?:llythyr|hysbysiad|neges|penderfyniad))?|dyddiedig|anfonwyd(?: ar)?|cyhoeddwyd(?: ar)?)\s*:?\s*(?:on\s+|ar\s+)?WEEKDAY$`,
    ),
    'notice',
  ],
  [
    roleRule(
      String.raw`\b(?:did not|didn't|missed|failed to|you told us|you reported|you left|you moved|you started|you stopped|born|died|on` +
        String.raw`|ni wnaethoch|methu|methoch|fethu|golli|colli|collwyd|dywedoch wrthym|rhoi gwybod i ni|symud|symudoch|dechrau|dechreuoch|stopio|ganwyd|bu farw|ar)\b[^.!?\n]*$`,
    ),
    'event',
  ],
];

function roleBefore(before: string): DateRole {
  for (const [pattern, role] of BEFORE) if (pattern.test(before)) return role;
  return 'plain';
}

function sentenceBefore(text: string, index: number): string {
  const start = Math.max(0, index - 80);
  const chunk = text.slice(start, index).toLowerCase();
  const cut = Math.max(chunk.lastIndexOf('. '), chunk.lastIndexOf('\n'), chunk.lastIndexOf('! '), chunk.lastIndexOf('? '));
  return cut >= 0 ? chunk.slice(cut + 1) : chunk;
}

const LINE_START = new RegExp(String.raw`^\s*(?:\w+day,?\s*|${WELSH_WEEKDAY},?\s*|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?$`, 'i');

function isLineStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  // Allow a weekday ("Tuesday", "Tue") before it.
  return LINE_START.test(text.slice(lineStart, index));
}

/** The whole line before the date's line, or null on the first line. */
function lineBefore(text: string, index: number): string | null {
  const lineStart = text.lastIndexOf('\n', index - 1);
  if (lineStart < 0) return null;
  return text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
}

/** The line before ends with a period label ("Assessment period" on its own line, then the dates). */
function afterPeriodLabel(text: string, index: number): boolean {
  const previous = lineBefore(text, index);
  if (previous === null) return false;
  return /\b(?:assessment period|period|from|between|effective from|starting|to|until|and|-)\s*:?\s*$/i.test(previous);
}

/** What an appointment is called, in a heading or a to-do row (English and Welsh). */
const APPOINTMENT_WORDS =
  /\b(?:appointment|interview|assessment(?! period)|work search review|meeting|h?apwyntiad|(?:c|g|ngh|ch)yfweliad|h?asesiad|(?:c|g|ngh|ch)yfarfod)\b/i;

/** ... but not a decision's heading: "Work capability assessment decision", "Your assessment outcome". */
const DECISION_WORDS = /\b(?:decision|outcome|result|sanction|reduc\w*|(?:p|b|mh)enderfyniad|(?:c|g|ngh)anlyniad)\b/i;

function namesAppointment(words: string): boolean {
  return APPOINTMENT_WORDS.test(words) && !DECISION_WORDS.test(words);
}

/** The line before the date's is a short label, not a sentence ("Telephone appointment", then the date). */
function labelLineBefore(text: string, index: number): string {
  const previous = (lineBefore(text, index) ?? '').trim();
  return previous.length <= 40 && !/[.!?]/.test(previous) ? previous : '';
}

export function rolesOfDates(text: string, today: string): RolledDate[] {
  const times = findTimes(text);
  return findDates(text).map((found) => {
    const before = sentenceBefore(text, found.index);
    let role = roleBefore(before);
    if (role === 'plain' && afterPeriodLabel(text, found.index)) role = 'period';
    const time = times.find((t) => t.index >= found.end && t.index - found.end <= 12)?.time;
    // A date and a time after an appointment's name, with no "on" between: "Appointment with your work coach
    // Thursday 21 November, 11:10", "Work search review: Tuesday 5 December at 10am". Still to come, not the
    // notice's own date.
    if (role === 'plain' && time && found.year === null && (namesAppointment(before) || namesAppointment(labelLineBefore(text, found.index)))) {
      role = 'appointment';
    }
    const stamp = role === 'plain' && isLineStart(text, found.index);
    if (stamp) role = 'notice';
    const direction = role === 'notice' || role === 'event' || role === 'plain' ? 'past' : 'future';
    const date = resolveYear(found, today, direction);
    return { date, found, role, ...(time ? { time } : {}), ...(stamp ? { stamp } : {}) };
  });
}

/**
 * The notice's own date: a dated or journal-stamped date, else the first
 * plain date. Never a date after today, and never a deadline, payment,
 * period or event. When several are labelled, the earliest counts (the
 * journal entry or the letter date, whichever came first). In a paste of
 * several journal entries, the entry holding the decision's words counts.
 */
export function findNoticeDate(dates: RolledDate[], today: string, decisionAt = -1): string | null {
  const usable = dates.filter((d): d is RolledDate & { date: string } => d.date !== null && d.date <= today);
  // Several journal entries pasted at once: the decision's own entry is the last stamp before its words.
  const stamps = usable.filter((d) => d.stamp);
  if (decisionAt >= 0 && stamps.length >= 2) {
    const own = stamps.filter((d) => d.found.index < decisionAt).pop();
    if (own) return own.date;
  }
  const labelled = usable
    .filter((d) => d.role === 'notice')
    .map((d) => d.date)
    .sort();
  if (labelled[0]) return labelled[0];
  return usable.find((d) => d.role === 'plain')?.date ?? null;
}
