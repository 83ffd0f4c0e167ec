import { useEffect, useState } from 'preact/hooks';
import { todayInLondon } from '../../../shared/notices/calendar';
import * as explainer from '../../services/explainer';
import { useExplanation } from '../../ui/use-explanation';
import { getNotice, updateNotice, type SavedNotice } from '../../data/notices-db';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { ExplanationView } from '../../ui/explanation-view';
import { ChallengeQuestions } from '../../ui/challenge-questions';
import type { Challenge } from '../../../shared/notices/types';
import { fieldsOf, type DateFields } from '../../ui/date-parts';
import { useNoticeDate } from '../../ui/notice-date';
import { DeleteNotice } from './delete-notice';
import '../../ui/screens.css';

/** A changed date is saved once typing pauses, not on every key. */
const SAVE_AFTER_MS = 700;

/** A saved notice, explained again from what was saved (so fixes and language changes apply). */
export function NoticeScreen({ id }: { id: string }) {
  const t = useT();
  const [notice, setNotice] = useState<SavedNotice | null | undefined>(undefined);
  const [typed, setTyped] = useState<DateFields | null>(null);
  const [dateStatus, setDateStatus] = useState<string | null>(null);
  const today = todayInLondon();
  const noticeDate = useNoticeDate(typed, onTyped, today);

  function onTyped(fields: DateFields | null) {
    setTyped(fields);
    setDateStatus(null);
    // Emptied, and focus left: count from the message's own date again.
    if (fields === null && notice?.countFromSource === 'user') void changeDate(undefined);
  }

  useEffect(() => {
    getNotice(id).then(
      (found) => {
        setNotice(found ?? null);
        // A date the person set before shows as theirs.
        if (found?.countFromSource === 'user') setTyped(fieldsOf(found.countFrom));
      },
      () => setNotice(null),
    );
  }, [id]);

  const savedUserDate = notice?.countFromSource === 'user' ? notice.countFrom : undefined;
  // Typed: the typed date (or, with the fields emptied, the message's own date). Not typed: what was saved.
  const countFrom = typed !== null ? noticeDate.date : savedUserDate;

  // Worked out in the explainer's worker, so the page never waits for its model.
  const { explanation, failed } = useExplanation(explainer, notice ? notice.text : null, {
    today,
    ...(notice ? { kind: notice.kind } : {}),
    ...(notice?.challenge ? { challenge: notice.challenge } : {}),
    ...(countFrom ? { noticeDate: countFrom } : {}),
  });

  async function changeDate(date: string | undefined) {
    if (!notice) return;
    let next;
    try {
      next = await explainer.explain(notice.text, {
        today,
        kind: notice.kind,
        ...(notice.challenge ? { challenge: notice.challenge } : {}),
        ...(date ? { noticeDate: date } : {}),
      });
    } catch {
      setDateStatus(t('explain:saveFailed'));
      announce(t('explain:saveFailed'));
      return;
    }
    const patch = {
      countFrom: next.countFrom,
      countFromSource: next.countFromSource,
      deadlines: next.deadlines,
      noticeDate: date ?? next.noticeDate,
    };
    setNotice({ ...notice, ...patch });
    try {
      await updateNotice(notice.id, patch);
      // Shown as well as announced, so everyone knows the change was kept.
      setDateStatus(t('explain:datesUpdated'));
      announce(t('explain:datesUpdated'));
    } catch {
      setDateStatus(t('explain:saveFailed'));
      announce(t('explain:saveFailed'));
    }
  }

  /** The claimant's answer to "is it a decision?": kept with the notice, with the dates it gives. */
  async function answer(challenge: Challenge | null) {
    if (!notice) return;
    let next;
    try {
      next = await explainer.explain(notice.text, {
        today,
        kind: notice.kind,
        ...(challenge ? { challenge } : {}),
        ...(countFrom ? { noticeDate: countFrom } : {}),
      });
    } catch {
      setDateStatus(t('explain:saveFailed'));
      announce(t('explain:saveFailed'));
      return;
    }
    const patch = { challenge: challenge ?? undefined, deadlines: next.deadlines };
    setNotice({ ...notice, ...patch });
    try {
      await updateNotice(notice.id, patch);
      setDateStatus(t('explain:datesUpdated'));
      announce(t('explain:datesUpdated'));
    } catch {
      setDateStatus(t('explain:saveFailed'));
      announce(t('explain:saveFailed'));
    }
  }

  // Save a usable change once typing pauses; a part-typed date is never saved.
  const pending = typed !== null && noticeDate.date !== undefined && countFrom !== savedUserDate;
  useEffect(() => {
    if (!notice || !pending) return;
    const timer = setTimeout(() => void changeDate(countFrom), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending, countFrom, notice?.id]);

  // The explanation follows the notice out of storage a moment later.
  if (notice === undefined || (notice && !explanation)) {
    return (
      <p class="loading" role={failed ? 'alert' : undefined}>
        {failed ? t('loadFailed') : t('loading')}
      </p>
    );
  }
  if (notice === null || !explanation) {
    return (
      <>
        <PageHeading title={t('explain:notFoundTitle')}>{t('explain:notFoundTitle')}</PageHeading>
        <p>{t('explain:notFoundBody')}</p>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('explain:savedTitle')}>{t('explain:savedTitle')}</PageHeading>
      <p>
        <a href="/">{t('explain:backToSaved')}</a>
      </p>
      <ExplanationView
        explanation={explanation}
        today={today}
        noticeDate={noticeDate}
        dateStatus={dateStatus ?? undefined}
        challengeQuestions={
          <ChallengeQuestions
            possible={explanation.challenge.possible}
            answered={notice.challenge ?? null}
            onAnswer={(next) => void answer(next)}
            sendHref={`/send?notice=${encodeURIComponent(notice.id)}`}
          />
        }
      />
      {notice.text && (
        <details class="original">
          <summary>{t('explain:originalText')}</summary>
          {/* The app only recognises English messages: read them with an English voice in any language. */}
          <p class="original__text" dir="auto" lang={notice.kind !== 'unknown' ? 'en' : undefined}>
            {notice.text}
          </p>
        </details>
      )}
      <p>
        <a class="button button--secondary" href={`/send?notice=${encodeURIComponent(notice.id)}`}>
          {t('forward:send.title')}
        </a>
      </p>
      <DeleteNotice id={notice.id} />
    </>
  );
}
