import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import type { ItemInfo } from '../../shared/protocol/api-types';
import type { Payload } from '../services/crypto';
import { openClientItem } from '../services/adviser-items';
import { saveReceipt, type Identity, type Receipt } from '../data/adviser-db';
import { NotCheckedWarning } from './not-checked';
import { formatDay, itemDisplay, noticeFileName, problemOf, cannotOpenReason, type ItemDisplay } from './format';
import { isPdf } from './desk/pdf-text';

interface Props {
  identity: Identity;
  /** The client's key as pinned on this computer: the only sender accepted. */
  claimantKey: string;
  /** Without its envelope: fetched when opened. */
  item: ItemInfo;
  label: string;
  connectionId: string;
  /** Set while the client's safety code has not been typed on this computer: the item says so at its top. */
  notChecked?: { canType: boolean } | null;
  onReceipt: (receipt: Receipt, seenAt: string) => void;
  onClose: () => void;
}

type Opened = Payload & { sha256: string; url?: string; display?: ItemDisplay };

/** An item opened on this computer: decrypted here, marked seen, and a receipt kept. */
export function ItemView({ identity, claimantKey, item, label, connectionId, notChecked = null, onReceipt, onClose }: Props) {
  const t = useT();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  // Whatever shows in place of the Open button takes focus: "Opening…", then the item (or why it cannot open).
  const region = useRef<HTMLElement>(null);
  const phase = opened ? 'opened' : problem ? 'failed' : 'opening';
  useEffect(() => {
    region.current?.focus();
  }, [phase]);

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    (async () => {
      let envelope: string;
      try {
        ({ envelope } = await relay.item(identity.deviceToken, item.id));
      } catch (error) {
        if (!cancelled) setProblem(t(`adviser:errors.${problemOf(error)}`));
        return;
      }
      const opened = await openClientItem(identity, claimantKey, connectionId, { id: item.id, envelope });
      if (!opened.ok) {
        // Forged, moved or replayed items are never shown: only why not.
        if (!cancelled)
          setProblem(t(opened.why === 'unchecked' ? 'adviser:item.unchecked' : `adviser:item.${cannotOpenReason(identity.enrolledAt, item.createdAt)}`));
        return;
      }
      const payload: Payload & { sha256: string } = opened.payload;
      if (cancelled) return;
      // The type is the claimant's phone's word: only allow-listed types are shown here (format.ts).
      const display = itemDisplay(payload.mime);
      if (payload.kind === 'image' && payload.image) {
        url = URL.createObjectURL(new Blob([new Uint8Array(payload.image)], { type: display.type }));
      }
      setOpened({ ...payload, ...(url ? { url, display } : {}) });
      let seenAt = item.seenAt ?? new Date().toISOString();
      if (!item.seenAt) {
        try {
          seenAt = (await relay.markSeen(identity.deviceToken, item.id)).seenAt ?? seenAt;
        } catch (error) {
          // The receipt is still kept here; the client sees "seen" on the next try.
          if (problemOf(error) !== 'offline') setProblem(t('adviser:item.seenFailed'));
        }
      }
      const receipt = await saveReceipt({
        itemId: item.id,
        connectionId,
        label,
        kind: payload.kind === 'image' && isPdf(payload) ? 'pdf' : payload.kind,
        sentAt: payload.sentAt,
        receivedAt: item.createdAt,
        seenAt,
        sha256: payload.sha256,
        size: item.size,
      });
      if (!cancelled) onReceipt(receipt, seenAt);
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [item.id]);

  useEffect(() => {
    if (!printing) return;
    // Only this item prints (see @media print in adviser.css).
    document.documentElement.classList.add('adviser-print-one');
    const done = () => setPrinting(false);
    addEventListener('afterprint', done);
    const timer = setTimeout(() => window.print(), 0);
    return () => {
      clearTimeout(timer);
      removeEventListener('afterprint', done);
      document.documentElement.classList.remove('adviser-print-one');
    };
  }, [printing]);

  const textUrl = useTextUrl(opened?.kind === 'text' ? (opened.text ?? '') : null);

  if (problem && !opened) {
    return (
      <div ref={region as RefObject<HTMLDivElement>} class="item-view" role="alert" tabIndex={-1}>
        <p>{problem}</p>
      </div>
    );
  }
  if (!opened) {
    return (
      <p ref={region as RefObject<HTMLParagraphElement>} class="loading item-view" tabIndex={-1}>
        {t('adviser:item.opening')}
      </p>
    );
  }

  const day = formatDay(opened.sentAt);
  const warningId = `item-${item.id}-view-not-checked`;
  return (
    <div
      ref={region as RefObject<HTMLDivElement>}
      class={`item-view${printing ? ' item-view--print' : ''}`}
      tabIndex={-1}
      role="region"
      aria-label={t('adviser:item.openedLabel', { date: day })}
      // Focus lands here when it opens: a screen reader reads the warning with the region's name.
      aria-describedby={notChecked ? warningId : undefined}
    >
      <p class="item-view__print-only">{t('adviser:item.printHeading', { label, date: day })}</p>
      {/* Printed too: a printout of an unchecked item must not look genuine either. */}
      {notChecked && <NotCheckedWarning id={warningId} label={label || null} canType={notChecked.canType} />}
      {problem && (
        <p class="adviser-problem" role="alert">
          {problem}
        </p>
      )}
      {opened.kind === 'image' && opened.url && opened.display?.how === 'image' && (
        <img class="item-view__image" src={opened.url} alt={t('adviser:item.photoAlt', { date: day })} />
      )}
      {opened.text && <div class="item-view__text">{opened.text}</div>}
      <p class="item-view__hash">{t('adviser:item.hash', { sha256: opened.sha256 })}</p>
      <div class="button-row item-view__actions">
        {opened.kind === 'image' && opened.url && opened.display?.how === 'pdf' && (
          <a class="button button--secondary" href={opened.url} target="_blank" rel="noopener noreferrer">
            {t('adviser:item.open')}
          </a>
        )}
        {opened.kind === 'image' && opened.url && (
          <a class="button button--secondary" href={opened.url} download={noticeFileName(opened.sentAt, opened.mime)}>
            {t('adviser:item.download')}
          </a>
        )}
        {opened.kind === 'text' && textUrl && (
          <a class="button button--secondary" href={textUrl} download={noticeFileName(opened.sentAt, 'text/plain')}>
            {t('adviser:item.download')}
          </a>
        )}
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            announce(t('adviser:item.printing'));
            setPrinting(true);
          }}
        >
          {t('adviser:item.print')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {t('adviser:item.close')}
        </button>
      </div>
    </div>
  );
}

/** An object URL for text, revoked when the text changes or the view closes. */
function useTextUrl(text: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) return;
    const made = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [text]);
  return url;
}
