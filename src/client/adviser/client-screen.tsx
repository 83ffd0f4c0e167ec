import { useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import type { ConnectionInfo, ItemInfo } from '../../shared/protocol/api-types';
import { ownComputerKeys, readLabel } from '../services/client-label';
import { openClientItem } from '../services/adviser-items';
import { checkClaimantKey, compareClaimantSafetyCode, safetyChecked, type ClaimantKeyCheck } from '../services/claimant-pin';
import { buildReceiptExport, receiptsFor, repliesFor, type Identity, type Receipt } from '../data/adviser-db';
import { SpelledCode } from '../ui/spelled-code';
import { TextField } from '../ui/text-field';
import { formatDateTime, formatDay, problemOf, receiptsFileName, cannotOpenReason } from './format';
import { formatSize } from '../ui/format-size';
import { downloadFile } from '../ui/download';
import { focusWhenShown } from '../ui/focus';
import { ItemView } from './item-view';
import { COMPARE_ID, NotCheckedWarning } from './not-checked';
import { ReplyForm } from './reply-form';
import { POLL_MS } from './inbox-screen';
import { usePoll } from './use-poll';
import { PINS } from './pins';
import { useDesk } from './desk/use-desk';
import { ItemDesk } from './desk/item-desk';
import { tellSoon } from './desk/notify-soon';
import { isPdf } from './desk/pdf-text';

/** What an item is and when it was sent: read from the envelope, content not kept. 'refused': it could not be checked. */
interface Summary {
  /** 'pdf': an 'image' item whose file is a PDF (a photo and a PDF travel alike). */
  kind: 'text' | 'image' | 'pdf' | 'damaged' | 'refused';
  sentAt?: string;
}

/** The adviser types the safety code the client reads out from their phone; replies wait for a match. */
function CompareSafetyCode({ connectionId, check, onCompared }: { connectionId: string; check: ClaimantKeyCheck; onCompared: () => void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: Event) {
    event.preventDefault();
    if (await compareClaimantSafetyCode(connectionId, check, typed, PINS)) {
      setError(null);
      announce(t('adviser:client.safety.matched'));
      onCompared();
    } else {
      setError(t(typed.trim() ? 'adviser:client.safety.typeMismatch' : 'adviser:client.safety.typeMissing'));
      focusWhenShown(COMPARE_ID);
    }
  }
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        id={COMPARE_ID}
        label={t('adviser:client.safety.typeLabel')}
        hint={t('adviser:client.safety.typeHint')}
        error={error ?? undefined}
        value={typed}
        onInput={setTyped}
      />
      <button type="submit" class="button button--secondary">
        {t('adviser:client.safety.typeSubmit')}
      </button>
    </form>
  );
}

const openButtonId = (itemId: string) => `item-${itemId}-open`;

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
  const [summaries, setSummaries] = useState<Map<string, Summary>>(new Map());
  const [openIds, setOpenIds] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [keyCheck, setKeyCheck] = useState<ClaimantKeyCheck | null>(null);
  const known = useRef(new Set<string>());
  // Each item is read and explained on this computer (kind, date, deadlines).
  const desk = useDesk(identity, (itemId) => tellSoon(t, announce, itemId));

  async function summarise(list: ItemInfo[], claimantKey: string | null) {
    for (const item of list) {
      if (known.current.has(item.id)) continue;
      known.current.add(item.id);
      let summary: Summary;
      // No pinned key: nothing can be checked, so nothing is shown as the client's.
      // Lists carry no envelopes: each item's is fetched once, opened here, and not kept.
      let opened: Awaited<ReturnType<typeof openClientItem>>;
      try {
        opened = claimantKey
          ? await openClientItem(identity, claimantKey, connectionId, { id: item.id, envelope: (await relay.item(identity.deviceToken, item.id)).envelope })
          : ({ ok: false, why: 'unchecked' } as const);
      } catch {
        known.current.delete(item.id); // not fetched (no signal, say): try again on the next poll
        continue;
      }
      if (opened.ok) summary = { kind: opened.payload.kind === 'image' && isPdf(opened.payload) ? 'pdf' : opened.payload.kind, sentAt: opened.payload.sentAt };
      else summary = { kind: opened.why === 'unchecked' ? 'refused' : 'damaged' };
      setSummaries((old) => new Map(old).set(item.id, summary));
    }
  }

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
        <section class="adviser-panel" aria-labelledby="client-safety-heading">
          <h2 id="client-safety-heading">{t('adviser:client.safety.heading')}</h2>
          <p>{t('adviser:client.safety.intro')}</p>
          <SpelledCode class="client-fingerprint" label={t('adviser:client.safety.label')} code={keyCheck.safetyCode} />
          <p>{t('adviser:client.safety.compare')}</p>
          {keyCheck.compared ? (
            <p class="client-safety-compared">{t('adviser:client.safety.compared')}</p>
          ) : (
            keyCheck.state === 'pinned' && (
              <CompareSafetyCode connectionId={connectionId} check={keyCheck} onCompared={() => setKeyCheck({ ...keyCheck, compared: true })} />
            )
          )}
        </section>
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
            {items.map((item) => {
              const receipt = receipts.get(item.id);
              const summary = summaries.get(item.id);
              // Older receipts say only text or image: the summary knows a PDF.
              const kind = summary?.kind === 'pdf' ? 'pdf' : (receipt?.kind ?? summary?.kind);
              const sentAt = receipt?.sentAt ?? summary?.sentAt ?? item.createdAt;
              const isOpen = openIds.has(item.id);
              const seenAt = item.seenAt ?? receipt?.seenAt ?? null;
              const headingId = `item-${item.id}-heading`;
              // Refused and damaged items already say they cannot be trusted or opened.
              const warn = !checked && claimantKey !== null && kind !== 'refused' && kind !== 'damaged';
              const warningId = `item-${item.id}-not-checked`;
              return (
                <li key={item.id} class={`item${warn ? ' item--not-checked' : ''}`}>
                  <article aria-labelledby={headingId}>
                    <h3 id={headingId} class="item__title">
                      {t(`adviser:item.kind.${kind ?? 'unknown'}`)}
                    </h3>
                    {/* Once open, the item's own view carries the warning (and prints it). */}
                    {warn && !isOpen && <NotCheckedWarning id={warningId} label={label} canType={canType} />}
                    <dl class="item__facts">
                      <div>
                        <dt>{t('adviser:item.sent')}</dt>
                        <dd>{formatDateTime(sentAt)}</dd>
                      </div>
                      <div>
                        <dt>{t('adviser:item.received')}</dt>
                        <dd>{formatDateTime(item.createdAt)}</dd>
                      </div>
                      <div>
                        <dt>{t('adviser:item.size')}</dt>
                        <dd>{formatSize(item.size)}</dd>
                      </div>
                      <div>
                        <dt>{t('adviser:item.status')}</dt>
                        <dd class={seenAt ? 'item__seen' : 'item__unseen'}>
                          {seenAt ? t('adviser:item.seen', { date: formatDateTime(seenAt) }) : t('adviser:item.notSeen')}
                        </dd>
                      </div>
                    </dl>
                    {kind !== 'damaged' && kind !== 'refused' && <ItemDesk itemId={item.id} state={desk.states.get(item.id)} desk={desk} />}
                    {kind === 'damaged' && <p class="adviser-problem">{t(`adviser:item.${cannotOpenReason(identity.enrolledAt, item.createdAt)}`)}</p>}
                    {kind === 'refused' && <p class="adviser-problem item__refused">{t('adviser:item.unchecked')}</p>}
                    {isOpen && claimantKey ? (
                      <ItemView
                        identity={identity}
                        claimantKey={claimantKey}
                        item={item}
                        label={label ?? ''}
                        connectionId={connectionId}
                        notChecked={warn ? { canType } : null}
                        onReceipt={(saved, seen) => {
                          setReceipts((old) => new Map(old).set(saved.itemId, saved));
                          setItems((old) => old.map((i) => (i.id === item.id ? { ...i, seenAt: i.seenAt ?? seen } : i)));
                        }}
                        onClose={() => toggle(item.id, false)}
                      />
                    ) : (
                      <button
                        id={openButtonId(item.id)}
                        type="button"
                        class="button"
                        aria-describedby={warn ? `${headingId} ${warningId}` : headingId}
                        disabled={kind === 'damaged' || kind === 'refused' || !claimantKey}
                        onClick={() => toggle(item.id, true)}
                      >
                        {t('adviser:item.open')}
                      </button>
                    )}
                  </article>
                </li>
              );
            })}
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
