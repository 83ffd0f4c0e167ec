import { currentLanguage, useT } from '../../initial/i18n/use-translation';
import type { Connection, OutboxItem, Reply } from '../../data/claimant-db';
import { buildReceipts } from './receipts';
import { downloadFile } from '../../ui/download';
import { formatDateTime } from '../../initial/i18n/format';

/** "What you sent", with where each item has got to. */
export function OutboxList({ items, adviser }: { items: OutboxItem[]; adviser?: Connection['adviser'] | undefined }) {
  const t = useT();
  if (items.length === 0) {
    return (
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t('forward:list.title')}</h2>
        <p>{t('forward:list.empty')}</p>
      </section>
    );
  }

  function download() {
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(buildReceipts(items, adviser ? { name: adviser.name, org: adviser.org } : undefined), `receipts-${day}.json`, 'application/json');
  }

  return (
    <section aria-labelledby="sent-heading">
      <h2 id="sent-heading">{t('forward:list.title')}</h2>
      <ul class="forward-list">
        {items.map((item) => {
          const when = item.state === 'seen' ? item.seenAt : item.state === 'sent' ? item.sentAt : item.createdAt;
          return (
            <li key={item.id} class={`forward-item forward-item--${item.state}`}>
              <p class="forward-item__what">{item.summary || t('forward:list.noSummary')}</p>
              <p class="forward-item__state">
                <strong>{t(`forward:list.state.${item.state}`)}</strong>
                {when && (
                  <>
                    {' '}
                    <time dateTime={when}>{formatDateTime(when, currentLanguage())}</time>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <p class="field__hint">{t('forward:list.onlyHere')}</p>
      <button type="button" class="button button--secondary" onClick={download}>
        {t('forward:list.download')}
      </button>
      <p class="field__hint">{t('forward:list.downloadHint')}</p>
    </section>
  );
}

/** "Messages from your adviser". */
export function RepliesList({ replies }: { replies: Reply[] }) {
  const t = useT();
  return (
    <section aria-labelledby="replies-heading">
      <h2 id="replies-heading">{t('forward:replies.title')}</h2>
      {replies.length === 0 ? (
        <p>{t('forward:replies.empty')}</p>
      ) : (
        <ul class="forward-list">
          {replies.map((reply) => (
            <li key={reply.id} class={reply.refused ? 'forward-item forward-reply forward-reply--refused' : 'forward-item forward-reply'}>
              <p class="forward-item__state">
                <time dateTime={reply.receivedAt}>{formatDateTime(reply.receivedAt, currentLanguage())}</time>
              </p>
              {/* Never the relay's words as the adviser's: only that it could not be checked. */}
              {reply.refused ? <p class="warning">{t('forward:replies.refused')}</p> : <p class="forward-reply__text">{reply.text}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
