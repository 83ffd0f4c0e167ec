// Reminders sent in the last 7 days: the in-app fallback for missed ones.
import { useT, currentLanguage } from '../../initial/i18n/use-translation';
import { formatDateTime } from '../../initial/i18n/format';
import { urlForPayload } from '../../../shared/protocol/push-routing';
import type { RecentReminder } from '../../../shared/protocol/push-types';

export function RecentList({ list, failed, seen }: { list: RecentReminder[] | null; failed: boolean; seen: string }) {
  const t = useT();
  const lang = currentLanguage();
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('reminders:recent.heading')}</h2>
      <p>{t('reminders:recent.intro')}</p>
      {failed ? (
        <p>{t('reminders:recent.unavailable')}</p>
      ) : list === null ? (
        <p class="loading">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('reminders:recent.none')}</p>
      ) : (
        <ul class="reminders-recent">
          {list.map((r) => {
            const deadline = r.deadline ? t(`reminders:push.deadlineNames.${r.deadline.id}`, { defaultValue: '' }) : '';
            const body =
              r.kind === 'deadline'
                ? r.deadline?.daysLeft === 0
                  ? t('reminders:push.deadlineToday', { deadline })
                  : t('reminders:push.deadline.body', { deadline, count: r.deadline?.daysLeft ?? 0 })
                : t(`reminders:push.${r.kind}.body`);
            return (
              <li key={r.id} class={`reminders-recent__item${r.sentAt > seen ? ' reminders-recent__item--new' : ''}`}>
                <a href={urlForPayload(r)}>{body}</a>
                <span class="reminders-recent__when">{formatDateTime(r.sentAt, lang, true)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
