// One item in the list on a client's page: what it is, when it was sent and
// received, its size, whether it was seen, what the desk found in it, and
// the button that opens it (or the opened item itself).
import { useT } from '../initial/i18n/use-translation';
import type { ItemInfo } from '../../shared/protocol/api-types';
import type { Identity, Receipt } from '../data/adviser-db';
import { formatSize } from '../ui/format-size';
import { formatDateTime, cannotOpenReason } from './format';
import { ItemView } from './item-view';
import { NotCheckedWarning } from './not-checked';
import type { Desk } from './desk/use-desk';
import { ItemDesk } from './desk/item-desk';
import type { Summary } from './use-item-summaries';

/** The id of an item's Open button: focus goes back to it when the item is closed. */
export const openButtonId = (itemId: string) => `item-${itemId}-open`;

interface Props {
  identity: Identity;
  connectionId: string;
  item: ItemInfo;
  receipt: Receipt | undefined;
  summary: Summary | undefined;
  isOpen: boolean;
  /** The adviser has compared the client's safety code. */
  checked: boolean;
  claimantKey: string | null;
  label: string | null;
  /** The safety code can be typed on this page. */
  canType: boolean;
  desk: Desk;
  onReceipt: (receipt: Receipt, seenAt: string) => void;
  onToggle: (open: boolean) => void;
}

export function ClientItem({ identity, connectionId, item, receipt, summary, isOpen, checked, claimantKey, label, canType, desk, onReceipt, onToggle }: Props) {
  const t = useT();
  // Older receipts say only text or image: the summary knows a PDF.
  const kind = summary?.kind === 'pdf' ? 'pdf' : (receipt?.kind ?? summary?.kind);
  const sentAt = receipt?.sentAt ?? summary?.sentAt ?? item.createdAt;
  const seenAt = item.seenAt ?? receipt?.seenAt ?? null;
  const headingId = `item-${item.id}-heading`;
  // Refused and damaged items already say they cannot be trusted or opened.
  const warn = !checked && claimantKey !== null && kind !== 'refused' && kind !== 'damaged';
  const warningId = `item-${item.id}-not-checked`;
  return (
    <li class={`item${warn ? ' item--not-checked' : ''}`}>
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
            <dd class={seenAt ? 'item__seen' : 'item__unseen'}>{seenAt ? t('adviser:item.seen', { date: formatDateTime(seenAt) }) : t('adviser:item.notSeen')}</dd>
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
            onReceipt={onReceipt}
            onClose={() => onToggle(false)}
          />
        ) : (
          <button
            id={openButtonId(item.id)}
            type="button"
            class="button"
            aria-describedby={warn ? `${headingId} ${warningId}` : headingId}
            disabled={kind === 'damaged' || kind === 'refused' || !claimantKey}
            onClick={() => onToggle(true)}
          >
            {t('adviser:item.open')}
          </button>
        )}
      </article>
    </li>
  );
}
