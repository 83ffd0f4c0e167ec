// This module is in the first download: think before adding to it.
// The person's saved notices, nearest deadline first. Storage code (idb) and
// the notice texts load after first paint, and only when there is something.
import { useEffect, useState } from 'preact/hooks';
import { useT, currentLanguage } from './i18n/use-translation';
import { loadNamespaces } from './i18n/core';
import { formatDate } from './i18n/format';
import { daysLeftText } from './i18n/days-left';
import type { SavedNotice } from '../data/notices-db';
import { NOTICES_DB_NAME } from '../data/database-names';
import type { Deadline } from '../../shared/notices/types';

interface Row {
  notice: SavedNotice;
  next: Deadline | undefined;
  daysLeft: number | null;
}

/** False only when the browser says the database was never made (a first visit): then no storage code is downloaded. */
async function mayHaveSavedNotices(): Promise<boolean> {
  try {
    const databases = await indexedDB.databases();
    return databases.some((database) => database.name === NOTICES_DB_NAME);
  } catch {
    return true; // no databases() (older browsers): look inside
  }
}

async function loadRows(): Promise<Row[]> {
  if (!(await mayHaveSavedNotices())) return [];
  const [storage, calendar] = await Promise.all([import('../data/notices-db'), import('../../shared/notices/calendar')]);
  const today = calendar.todayInLondon();
  const notices = storage.sortByNearestDeadline(await storage.listNotices(), today);
  if (notices.length > 0) await loadNamespaces('notices');
  return notices.map((notice) => {
    const next = storage.nextDeadline(notice, today);
    return { notice, next, daysLeft: next ? calendar.daysBetween(today, next.date) : null };
  });
}

export function SavedList() {
  const t = useT();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadRows().then(setRows, () => setFailed(true));
  }, []);

  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('home.savedHeading')}</h2>
      {failed && <p>{t('home.savedUnavailable')}</p>}
      {/* While the list loads, the "nothing saved" line holds its place unseen (and unheard), so that on a
          first visit nothing below moves when the answer comes (layout shift). */}
      {(rows?.length === 0 || (rows === null && !failed)) && <p class={rows ? undefined : 'placeholder'}>{t('home.savedEmpty')}</p>}
      {rows && rows.length > 0 && (
        <ul class="saved-list">
          {rows.map(({ notice, next, daysLeft }) => (
            <li key={notice.id} class="saved-list__item">
              <a href={`/notice/${notice.id}`} class="saved-list__link">
                {t(`notices:kinds.${notice.kind}.title`)}
                {/* Two saved notices of one kind must not share a link name: the message's date tells them apart. */}
                <span class="visually-hidden">, {formatDate(notice.countFrom, currentLanguage(), false)}</span>
              </a>
              {next && daysLeft !== null ? (
                <p class={daysLeft <= 7 ? 'saved-list__due saved-list__due--soon' : 'saved-list__due'}>
                  {t('date.labelled', { label: t(`notices:deadlines.${next.id}`), date: formatDate(next.date, currentLanguage()) })}{' '}
                  {daysLeft <= 7 && (
                    <span class="due-soon" aria-hidden="true">
                      !
                    </span>
                  )}
                  <strong>{daysLeftText(t, daysLeft)}</strong>
                </p>
              ) : (
                <p class="saved-list__due">{t('home.noDeadline')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
