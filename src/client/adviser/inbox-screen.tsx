import { useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import type { Identity } from '../data/adviser-db';
import { formatDateTime, formatDay, problemOf } from './format';
import { AddDevicePanel } from './add-device-panel';
import { InviteForm } from './invite-form';
import { usePoll } from './use-poll';
import { useLabels } from './use-labels';
import { ComputersPanel } from './computers-panel';
import { NotifyButton } from './notify-button';
import { useDesk } from './desk/use-desk';
import { tellSoon } from './desk/notify-soon';
import { scanAllClients, type LookedAt } from './desk/scan-clients';
import { PINS } from './pins';
import { ScanProgress } from './desk/scan-progress';
import { NotCheckedMark } from './not-checked';
import { useCheckedClients } from './use-checked';

export const POLL_MS = 30_000;

/** Newest activity first: the latest item, or when they connected. */
export function byNewest(connections: ConnectionInfo[]): ConnectionInfo[] {
  const when = (c: ConnectionInfo) => c.lastItemAt ?? c.createdAt;
  return [...connections].sort((a, b) => when(b).localeCompare(when(a)));
}

/** The inbox: each client, newest first, with how many items are not seen yet. */
export function InboxScreen({ identity }: { identity: Identity }) {
  const t = useT();
  const [connections, setConnections] = useState<ConnectionInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lastUnseen = useRef<number | null>(null);
  const labels = useLabels(identity, connections);
  // Clients whose safety code was typed on this computer; the others are marked.
  const checked = useCheckedClients(connections?.map((c) => c.id) ?? null);
  const title = t('adviser:inbox.title');
  // New items are explained here too, so a deadline within 7 days is noticed as soon as the inbox is open.
  const desk = useDesk(identity, (itemId) => tellSoon(t, announce, itemId));
  const lookedAt = useRef<LookedAt>(new Map());

  async function refresh() {
    try {
      const list = byNewest(await relay.connections(identity.deviceToken));
      const unseen = list.reduce((sum, c) => sum + (c.stoppedAt ? 0 : c.unseen), 0);
      if (lastUnseen.current !== null && unseen > lastUnseen.current) announce(t('adviser:inbox.newItems'));
      lastUnseen.current = unseen;
      setConnections(list);
      setProblem(null);
      await scanAllClients(identity, desk, PINS, lookedAt.current, list);
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    }
  }

  usePoll(refresh, POLL_MS);

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('adviser:inbox.who', { name: identity.name, org: identity.org })}</p>
      <p>
        <a href="/adviser/deadlines">{t('adviser:inbox.deadlinesLink')}</a>
      </p>
      <NotifyButton adviserToken={identity.deviceToken} />
      <ScanProgress desk={desk} />
      {problem && (
        <p class="adviser-problem" role="alert">
          {problem}
        </p>
      )}
      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading">{t('adviser:inbox.clientsHeading')}</h2>
        {connections === null ? (
          !problem && <p class="loading">{t('adviser:loading')}</p>
        ) : connections.length === 0 ? (
          <p>{t('adviser:inbox.none')}</p>
        ) : (
          // Busy until this computer has read which clients' safety codes it checked (the marks below).
          <ul class="client-list" aria-busy={checked === null}>
            {connections.map((c) => (
              <li key={c.id} class={`client-list__item${c.stoppedAt ? ' client-list__item--stopped' : ''}`}>
                <a class="client-list__link" href={`/adviser/client/${encodeURIComponent(c.id)}`}>
                  {labels.get(c.id) ?? t(c.stoppedAt ? 'adviser:inbox.stoppedClient' : 'adviser:inbox.labelUnreadable')}
                </a>
                {!c.stoppedAt && c.unseen > 0 && <span class="badge">{t('adviser:inbox.unseen', { count: c.unseen })}</span>}
                {!c.stoppedAt && checked && !checked.has(c.id) && <NotCheckedMark text={t('adviser:inbox.notChecked')} />}
                <span class="client-list__meta">
                  {c.stoppedAt
                    ? t('adviser:inbox.stopped', { date: formatDay(c.stoppedAt) })
                    : c.lastItemAt
                      ? t('adviser:inbox.lastItem', { date: formatDateTime(c.lastItemAt) })
                      : t('adviser:inbox.connected', { date: formatDay(c.createdAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p class="field__hint">{t('adviser:inbox.pollNote')}</p>
      </section>
      <InviteForm identity={identity} onInvited={() => void refresh()} />
      <AddDevicePanel identity={identity} />
      <ComputersPanel identity={identity} />
    </>
  );
}
