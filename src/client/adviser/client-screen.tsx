// A client's page on the adviser's computer: their items, the safety code,
// replies and the receipts file. Its parts are in client-safety.tsx,
// client-item.tsx and use-item-summaries.ts.
import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import type { ConnectionInfo, ItemInfo } from '../../shared/protocol/api-types';
import { ownComputerKeys, readLabel } from '../services/client-label';
import { checkClaimantKey, safetyChecked, type ClaimantKeyCheck } from '../services/claimant-pin';
import { receiptsFor, repliesFor, type Identity, type Receipt } from '../data/adviser-db';
import { buildReceiptExport } from './receipt-export';
import { formatDay, problemOf, receiptsFileName } from './format';
import { downloadFile } from '../ui/download';
import { focusWhenShown } from '../ui/focus';
import { ReplyForm } from './reply-form';
import { POLL_MS } from './inbox-screen';
import { usePoll } from './use-poll';
import { PINS } from './pins';
import { useDesk } from './desk/use-desk';
import { tellSoon } from './desk/notify-soon';
import { ClientSafety } from './client-safety';
import { ClientItem, openButtonId } from './client-item';
import { useItemSummaries } from './use-item-summaries';

/** One client's items, newest first, with replies and the receipts file. */
export function ClientScreen({ identity, connectionId }: { identity: Identity; connectionId: string }) {
  const t = useT();
  const [connection, setConnection] = useState<ConnectionInfo | null | undefined>(undefined);
  const [items, setItems] = useState<ItemInfo[]>([]);
  const [label, setLabel] = useState<string | null>(null);
  /** The cursor of the next older page, once the first page is loaded; null when there is none. */
  const [older, setOlder] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [receipts, setReceipts] = useState<Map<string, Receipt>>(new Map());
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [keyCheck, setKeyCheck] = useState<ClaimantKeyCheck | null>(null);
  // Each item is read and explained on this computer (kind, date, deadlines).
  const desk = useDesk(identity, (itemId) => tellSoon(t, announce, itemId));
  const { summaries, summarise } = useItemSummaries(identity, connectionId);

  async function refresh() {
    try {
      const [all, stored] = await Promise.all([relay.connections(identity.deviceToken), receiptsFor(connectionId)]);
      setReceipts(new Map(stored.map((r) => [r.itemId, r])));
      const found = all.find((c) => c.id === connectionId) ?? null;
      setConnection(found);
      if (!found) return;
      const readable = await readLabel(identity, found.sealedLabel ? await ownComputerKeys(identity).catch(() => [identity.publicKey]) : [], found);
      setLabel(readable);
      // The client's key: pinned the first time, and from then on never taken from the relay again.
      const check = await checkClaimantKey(found, PINS);
      setKeyCheck(check);
      // After they stop sharing, the relay keeps nothing: only receipts remain.
      // Each poll reads the newest page; older pages stay as loaded ("Show older").
      const page = found.stoppedAt ? { items: [], next: null } : await relay.items(identity.deviceToken, connectionId);
      if (items.length > 0 && page.items.some((i) => !items.some((old) => old.id === i.id))) announce(t('adviser:client.newItems'));
      const fresh = new Set(page.items.map((i) => i.id));
      const oldest = page.items[page.items.length - 1];
      // Older pages already loaded: keep those older than this page's last item.
      const kept = oldest ? items.filter((i) => !fresh.has(i.id) && i.createdAt < oldest.createdAt) : [];
      const sorted = [...page.items, ...kept].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      setItems(sorted);
      if (kept.length === 0) setOlder(page.next);
      setProblem(null);
      // Opened here but the relay was not told (no connection then): tell it now.
      for (const item of sorted) {
        if (!item.seenAt && stored.some((r) => r.itemId === item.id)) void relay.markSeen(identity.deviceToken, item.id).catch(() => undefined);
      }
      const claimantKey = check.state === 'none' ? null : check.key;
      void summarise(sorted, claimantKey);
      // Each item is explained on this computer, once checked against the client's pinned key.
      if (claimantKey) desk.add(sorted.map((item) => ({ item, claimantKey, connectionId, label: readable ?? '' })));
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
      setConnection((old) => old ?? null);
    }
  }

  usePoll(refresh, POLL_MS);

  async function showOlder() {
    if (!older || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await relay.items(identity.deviceToken, connectionId, older);
      setItems((old) => [...old, ...page.items.filter((i) => !old.some((o) => o.id === i.id))]);
      setOlder(page.next);
      announce(t('adviser:client.olderShown', { count: page.items.length }));
      void summarise(page.items, keyCheck && keyCheck.state !== 'none' ? keyCheck.key : null);
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    } finally {
      setLoadingOlder(false);
    }
  }

  async function downloadReceipts() {
    const now = new Date().toISOString();
    const data = buildReceiptExport(label ?? '', connectionId, await receiptsFor(connectionId), await repliesFor(connectionId), now);
    downloadFile(JSON.stringify(data, null, 2), receiptsFileName(label ?? '', now), 'application/json');
    announce(t('adviser:client.receiptsSaved'));
  }

  function toggle(id: string, open: boolean) {
    setOpenIds((old) => {
      const next = new Set(old);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
    // Close removes the item's view: focus goes back to its Open button. (Open: the view takes focus itself.)
    if (!open) focusWhenShown(openButtonId(id));
  }

  const title = connection && label ? t('adviser:client.title', { label }) : t('adviser:client.titleUnknown');
  const claimantKey = keyCheck && keyCheck.state !== 'none' ? keyCheck.key : null;
  // Until the adviser types the client's safety code here, no item is shown as genuine (each one says so).
  const checked = safetyChecked(keyCheck);
  const canType = keyCheck?.state === 'pinned' && !keyCheck.compared;

  return (
    <>
      <p class="back-link">
        <a href="/adviser">{t('adviser:client.back')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {problem && (
        <p class="adviser-problem" role="alert">
          {problem}
        </p>
      )}
      {connection === undefined && !problem && <p class="loading">{t('adviser:loading')}</p>}
      {connection === null && !problem && <p>{t('adviser:client.notFound')}</p>}
      {keyCheck?.state === 'changed' && (
        <div class="warning adviser-key-changed" role="alert">
          <h2>{t('adviser:client.keyChanged.title')}</h2>
          <p>{t('adviser:client.keyChanged.body')}</p>
          <p>{t('adviser:client.keyChanged.action')}</p>
        </div>
      )}
      {connection && keyCheck?.state === 'none' && !connection.stoppedAt && <p class="adviser-problem">{t('adviser:client.noKey')}</p>}
      {connection && keyCheck && keyCheck.state !== 'none' && (
        <ClientSafety connectionId={connectionId} keyCheck={keyCheck} onCompared={() => setKeyCheck({ ...keyCheck, compared: true })} />
      )}
      {connection?.stoppedAt && (
        <div class="warning">
          <p>{t('adviser:client.stopped', { date: formatDay(connection.stoppedAt) })}</p>
          <p>{t('adviser:client.stoppedKept')}</p>
        </div>
      )}
      {connection && (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{t('adviser:client.itemsHeading')}</h2>
          {items.length === 0 && !connection.stoppedAt && <p>{t('adviser:client.noItems')}</p>}
          <ol class="item-list">
            {items.map((item) => (
              <ClientItem
                key={item.id}
                identity={identity}
                connectionId={connectionId}
                item={item}
                receipt={receipts.get(item.id)}
                summary={summaries.get(item.id)}
                isOpen={openIds.has(item.id)}
                checked={checked}
                claimantKey={claimantKey}
                label={label}
                canType={canType}
                desk={desk}
                onReceipt={(saved, seen) => {
                  setReceipts((old) => new Map(old).set(saved.itemId, saved));
                  setItems((old) => old.map((i) => (i.id === item.id ? { ...i, seenAt: i.seenAt ?? seen } : i)));
                }}
                onToggle={(open) => toggle(item.id, open)}
              />
            ))}
          </ol>
          {older && (
            <button type="button" class="button button--secondary" disabled={loadingOlder} aria-busy={loadingOlder} onClick={() => void showOlder()}>
              {t('adviser:client.showOlder')}
            </button>
          )}
        </section>
      )}
      {connection && !connection.stoppedAt && claimantKey && keyCheck?.state !== 'none' && keyCheck?.compared && (
        <ReplyForm identity={identity} connection={connection} claimantKey={claimantKey} label={label ?? ''} onSent={() => void refresh()} />
      )}
      {connection && !connection.stoppedAt && claimantKey && keyCheck?.state !== 'none' && !keyCheck?.compared && (
        <p class="adviser-panel">{t('adviser:client.safety.beforeReply')}</p>
      )}
      {connection !== undefined && (
        <section class="adviser-panel" aria-labelledby="receipts-heading">
          <h2 id="receipts-heading">{t('adviser:client.receiptsHeading')}</h2>
          <p>{t('adviser:client.receiptsIntro')}</p>
          <button type="button" class="button button--secondary" onClick={() => void downloadReceipts()}>
            {t('adviser:client.downloadReceipts')}
          </button>
        </section>
      )}
    </>
  );
}
