// The explainer: pure TypeScript, no DOM and no I/O, so the app, the tests
// and a later server can all use it.
export { explainNotice, explainKind } from './explain';
export { todayInLondon, daysBetween, addCalendarMonths, addDays, isWorkingDay, nextWorkingDay, isIsoDate } from './calendar';
export { bankHolidays, isBankHoliday } from './bank-holidays';
export { NOTICE_KINDS } from './types';
export type { NoticeExplanation, NoticeKind, Deadline, DeadlineId, RuleId, ExplainOptions } from './types';
