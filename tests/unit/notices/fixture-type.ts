import type { DeadlineId, NoticeKind } from '../../../src/shared/notices/types';

/** A realistic pasted journal message and what the explainer must find in it. */
export interface NoticeFixture {
  name: string;
  text: string;
  /** The day the claimant pastes it (YYYY-MM-DD). */
  today: string;
  kind: NoticeKind;
  /** The notice's own date, or null when the text has none (then deadlines count from today). */
  noticeDate: string | null;
  /** Every deadline expected, by id: the last day in time (YYYY-MM-DD). Omit to skip the check. */
  deadlines?: Partial<Record<DeadlineId, string>>;
}
