import { useT } from '../../initial/i18n/use-translation';
import { daysBetween, todayInLondon } from '../../../shared/notices';
import { readingOf } from '../../data/adviser-db';
import { ProgressPanel } from '../../ui/progress-panel';
import { formatDay } from '../format';
import { urgencyOf } from './board';
import { CorrectionForm } from './correction-form';
import { daysLeftWords, urgencyWords } from './deadline-words';
import type { Desk, DeskState } from './use-desk';

interface Props {
  itemId: string;
  state: DeskState | undefined;
  desk: Desk;
}

/** What one item says, as read on this computer: kind, date, deadlines with days left, and a correction. */
export function ItemDesk({ itemId, state, desk }: Props) {
  const t = useT();
  const headingId = `desk-${itemId}-heading`;
  if (!state) return null;
  let body;
  if (state.step === 'waiting') body = <p class="loading">{t('adviser:desk.waiting')}</p>;
  else if (state.step === 'reading')
    body = (
      <ProgressPanel
        id={`desk-${itemId}-progress`}
        label={t(`adviser:desk.progress.${state.stage}`)}
        value={state.fraction}
        cancelLabel={t('adviser:desk.cancel')}
        onCancel={() => desk.cancel(itemId)}
      />
    );
  else if (state.step !== 'done')
    body = (
      <>
        <p>{state.step === 'stopped' ? t('adviser:desk.stopped') : t(`adviser:desk.${state.code === 'nothing-found' ? 'nothingFound' : 'failed'}`)}</p>
        <button type="button" class="button button--secondary" aria-describedby={headingId} onClick={() => desk.retry(itemId)}>
          {t('adviser:desk.readAgain')}
        </button>
      </>
    );
  else {
    const item = state.item;
    const reading = readingOf(item);
    const today = todayInLondon();
    const open = reading.deadlines.filter((d) => d.id !== 'late-limit');
    body = (
      <>
        <dl class="item__facts desk__facts">
          <div>
            <dt>{t('adviser:desk.kind')}</dt>
            <dd class="desk__kind">{t(`adviser:desk.kinds.${reading.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('adviser:desk.noticeDate')}</dt>
            <dd>{reading.noticeDate ? formatDay(reading.noticeDate) : t('adviser:desk.noDate')}</dd>
          </div>
        </dl>
        {item.corrected && <p class="desk__corrected">{t('adviser:desk.corrected')}</p>}
        <h5 class="desk__subheading">{t('adviser:desk.deadlinesHeading')}</h5>
        {open.length === 0 ? (
          <p>{t('adviser:desk.noDeadlines')}</p>
        ) : (
          <ul class="desk__deadlines">
            {open.map((deadline) => {
              const days = daysBetween(today, deadline.date);
              const mark = item.handled[deadline.id] ? t('adviser:desk.handledMark') : urgencyWords(t, urgencyOf(days));
              return (
                <li key={deadline.id} class="desk__deadline">
                  <span>{t('adviser:desk.lastDay', { deadline: t(`adviser:desk.deadlines.${deadline.id}`), date: formatDay(deadline.date) })}</span>{' '}
                  <span class="desk__days">({daysLeftWords(t, days)})</span>
                  {mark && <strong class={`desk__mark desk__mark--${item.handled[deadline.id] ? 'handled' : urgencyOf(days)}`}> {mark}</strong>}
                </li>
              );
            })}
          </ul>
        )}
        <p class="field__hint">
          {t(`adviser:desk.source.${item.source}`)} {item.source !== 'text' && t('adviser:desk.checkNote')}
        </p>
        <CorrectionForm key={item.corrected?.at ?? 'found'} item={item} onCorrect={(correction) => desk.correct(itemId, correction)} />
      </>
    );
  }
  return (
    // Not a landmark: every item has one, all with the same heading.
    <div class="desk">
      <h4 id={headingId} class="desk__heading">
        {t('adviser:desk.heading')}
      </h4>
      {body}
    </div>
  );
}
