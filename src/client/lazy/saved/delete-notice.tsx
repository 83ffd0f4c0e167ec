import { useState, useRef, useEffect } from 'preact/hooks';
import { deleteNotice } from '../../data/notices-db';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { navigate } from '../../initial/router';

/** Delete, with one confirming step so nothing goes by a slip of the finger. */
export function DeleteNotice({ id }: { id: string }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Move focus into the question, and back to the first button on "No".
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function remove() {
    try {
      await deleteNotice(id);
      announce(t('explain:deleted'));
      navigate('/');
    } catch {
      announce(t('explain:deleteFailed'));
    }
  }

  if (!confirming) {
    return (
      <p>
        <button ref={startRef} type="button" class="button button--warning" onClick={() => setConfirming(true)}>
          {t('explain:delete')}
        </button>
      </p>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="confirm-delete">
      <p id="confirm-delete">
        <strong>{t('explain:deleteQuestion')}</strong>
      </p>
      <div class="button-row">
        <button ref={confirmRef} type="button" class="button button--warning" onClick={() => void remove()}>
          {t('explain:deleteYes')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
          {t('explain:deleteNo')}
        </button>
      </div>
    </div>
  );
}
