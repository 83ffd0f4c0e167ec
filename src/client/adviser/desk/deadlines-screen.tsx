import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { todayInLondon } from '../../../shared/notices';
import type { ConnectionInfo } from '../../../shared/protocol/api-types';
import { allDeskItems, type DeskItem, type Identity } from '../../data/adviser-db';
import { relay } from '../../services/api-client';
import { downloadFile } from '../../ui/download';
import { focusWhenShown } from '../../ui/focus';
import { formatDay, problemOf } from '../format';
import { POLL_MS } from '../inbox-screen';
import { useLabels } from '../use-labels';
import { usePoll } from '../use-poll';
import { boardCsv, boardIcs, boardRows, type BoardRow } from './board';
import { boardWords } from './board-words';
import { daysLeftWords, urgencyWords } from './deadline-words';
import { tellSoon } from './notify-soon';
import { scanAllClients, type LookedAt } from './scan-clients';
import { PINS } from '../pins';
import { ScanProgress } from './scan-progress';
import { useDesk } from './use-desk';
import { NotCheckedMark } from '../not-checked';
import { useCheckedClients } from '../use-checked';

const rowId = (row: BoardRow) => `board-${row.itemId}-${row.deadlineId}`;

/** Every open deadline across all clients, soonest first, worked out on this computer. */
export function DeadlinesScreen({ identity }: { identity: Identity }) {
  const t = useT();
  const [items, setItems] = useState<DeskItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [connections, setConnections] = useState<ConnectionInfo[] | null>(null);
  // Labels as this computer reads them (the relay holds them sealed), as the inbox shows them.
  const labels = useLabels(identity, connections);
  const desk = useDesk(identity, (itemId) => tellSoon(t, announce, itemId));
  const lookedAt = useRef<LookedAt>(new Map());
  const title = t('adviser:board.title');
  const done = [...desk.states.values()].filter((s) => s.step === 'done').length;

  // What this computer has read so far, again each time another item is done.
  useEffect(() => {
    allDeskItems().then(setItems, () => setItems([]));
  }, [done]);

  usePoll(async () => {
    try {
      const list = await relay.connections(identity.deviceToken);
      setConnections(list);
      await scanAllClients(identity, desk, PINS, lookedAt.current, list);
      setProblem(null);
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    }
  }, POLL_MS);

  // Each client by the label readable here now, else the one kept when the item was read, else words saying why there is none.
  const labelOf = (item: DeskItem) => {
    const stopped = connections?.find((c) => c.id === item.connectionId)?.stoppedAt;
    return labels.get(item.connectionId) || item.label || t(stopped ? 'adviser:inbox.stoppedClient' : 'adviser:inbox.labelUnreadable');
  };
  const rows = items
    ? boardRows(
        items.map((item) => ({ ...item, label: labelOf(item) })),
        todayInLondon(),
      )
    : [];
  const words = boardWords(t);
  // Deadlines read from a client whose safety code was not typed here may not be theirs: marked on each row.
  const checked = useCheckedClients(items?.map((item) => item.connectionId) ?? null);

  async function handled(row: BoardRow, index: number) {
    await desk.setHandled(row.itemId, row.deadlineId, true);
    setItems(await allDeskItems());
    announce(t('adviser:board.handledDone'));
    // The row is gone: focus goes to the next one's heading (or the list's).
    const next = rows[index + 1] ?? rows[index - 1];
    focusWhenShown(next && next !== row ? `${rowId(next)}-heading` : 'board-heading');
  }

  function download(kind: 'ics' | 'csv') {
    const day = todayInLondon();
    if (kind === 'ics') downloadFile(boardIcs(rows, words), `deadlines-${day}.ics`, 'text/calendar;charset=utf-8');
    else downloadFile(boardCsv(rows, words), `deadlines-${day}.csv`, 'text/csv;charset=utf-8');
    announce(t('adviser:board.downloaded'));
  }

  return (
    <>
      <p class="back-link">
        <a href="/adviser">{t('adviser:board.back')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('adviser:board.intro')}</p>
      {problem && (
        <p class="adviser-problem" role="alert">
          {problem}
        </p>
      )}
      <ScanProgress desk={desk} />
      <section aria-labelledby="board-heading">
        <h2 id="board-heading" tabIndex={-1}>
          {t('adviser:board.caption')}
        </h2>
        {items === null ? (
          <p class="loading">{t('adviser:loading')}</p>
        ) : rows.length === 0 ? (
          <p>{t('adviser:board.none')}</p>
        ) : (
          <ol class="board">
            {rows.map((row, index) => {
              const mark = urgencyWords(t, row.urgency);
              const id = rowId(row);
              return (
                <li key={id} id={id} class={`board__row board__row--${row.urgency}`}>
                  <h3 id={`${id}-heading`} class="board__client" tabIndex={-1}>
                    <a href={`/adviser/client/${encodeURIComponent(row.connectionId)}`}>{row.label}</a>
                    {mark && <strong class="board__mark"> {mark}</strong>}
                    {checked && !checked.has(row.connectionId) && (
                      <>
                        {' '}
                        <NotCheckedMark text={t('adviser:board.notChecked')} />
                      </>
                    )}
                  </h3>
                  <dl class="item__facts">
                    <div>
                      <dt>{t('adviser:board.kind')}</dt>
                      <dd>{words.kind(row.kind)}</dd>
                    </div>
                    <div>
                      <dt>{t('adviser:board.deadline')}</dt>
                      <dd>{words.deadline(row.deadlineId)}</dd>
                    </div>
                    <div>
                      <dt>{t('adviser:board.lastDay')}</dt>
                      <dd class="board__date">{formatDay(row.date)}</dd>
                    </div>
                    <div>
                      <dt>{t('adviser:board.daysLeft')}</dt>
                      <dd class="board__days">{daysLeftWords(t, row.daysLeft)}</dd>
                    </div>
                  </dl>
                  <button type="button" class="button button--secondary" onClick={() => void handled(row, index)}>
                    {t('adviser:board.handled')}
                    <span class="visually-hidden">: {t('adviser:board.handledLabel', { deadline: words.deadline(row.deadlineId), label: row.label })}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section class="adviser-panel" aria-labelledby="board-export-heading">
        <h2 id="board-export-heading">{t('adviser:board.exportHeading')}</h2>
        <p>{t('adviser:board.exportIntro')}</p>
        <div class="button-row">
          <button type="button" class="button button--secondary" disabled={rows.length === 0} onClick={() => download('ics')}>
            {t('adviser:board.ics')}
          </button>
          <button type="button" class="button button--secondary" disabled={rows.length === 0} onClick={() => download('csv')}>
            {t('adviser:board.csv')}
          </button>
        </div>
      </section>
    </>
  );
}
