import { useEffect, useMemo, useState } from 'preact/hooks';
import { explainNotice, todayInLondon } from '../../../shared/notices';
import { getNotice, updateNotice, type SavedNotice } from '../../data/notices-db';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { ExplanationView } from '../../ui/explanation-view';
import { ChallengeQuestions } from '../../ui/challenge-questions';
import type { Challenge } from '../../../shared/notices/types';
import { DeleteNotice } from './delete-notice';
import '../../ui/screens.css';

/** A saved notice, explained again from what was saved (so fixes and language changes apply). */
export function NoticeScreen({ id }: { id: string }) {
  const t = useT();
  const [notice, setNotice] = useState<SavedNotice | null | undefined>(undefined);
  const today = todayInLondon();

  useEffect(() => {
    getNotice(id).then(
      (found) => setNotice(found ?? null),
      () => setNotice(null),
    );
  }, [id]);

  const explanation = useMemo(
    () =>
      notice
        ? explainNotice(notice.text, {
            today,
            kind: notice.kind,
            ...(notice.challenge ? { challenge: notice.challenge } : {}),
            ...(notice.countFromSource === 'user' ? { noticeDate: notice.countFrom } : {}),
          })
        : null,
    [notice, today],
  );

  async function changeDate(date: string | undefined) {
    if (!notice) return;
    const next = explainNotice(notice.text, {
      today,
      kind: notice.kind,
      ...(notice.challenge ? { challenge: notice.challenge } : {}),
      ...(date ? { noticeDate: date } : {}),
    });
    const patch = {
      countFrom: next.countFrom,
      countFromSource: next.countFromSource,
      deadlines: next.deadlines,
      noticeDate: date ?? next.noticeDate,
    };
    setNotice({ ...notice, ...patch });
    try {
      await updateNotice(notice.id, patch);
      announce(t('explain:datesUpdated'));
    } catch {
      announce(t('explain:saveFailed'));
    }
  }

  /** The claimant's answer to "is it a decision?": kept with the notice, with the dates it gives. */
  async function answer(challenge: Challenge | null) {
    if (!notice) return;
    const next = explainNotice(notice.text, {
      today,
      kind: notice.kind,
      ...(challenge ? { challenge } : {}),
      ...(notice.countFromSource === 'user' ? { noticeDate: notice.countFrom } : {}),
    });
    const patch = { challenge: challenge ?? undefined, deadlines: next.deadlines };
    setNotice({ ...notice, ...patch });
    try {
      await updateNotice(notice.id, patch);
      announce(t('explain:datesUpdated'));
    } catch {
      announce(t('explain:saveFailed'));
    }
  }

  if (notice === undefined) return <p class="loading">{t('loading')}</p>;
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
        onNoticeDateChange={(date) => void changeDate(date)}
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
          <p class="original__text" dir="auto">
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
