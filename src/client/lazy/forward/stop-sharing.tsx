import { useRef, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { ApiFailure } from '../../services/api-client';
import { stopSharing } from '../../services/outbox';

/** One button, then a plain confirm step. Needs a signal to tell the relay. */
export function StopSharing({ adviserName, alreadyStopped = false }: { adviserName: string; alreadyStopped?: boolean }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  function ask() {
    setProblem(null);
    setConfirming(true);
    // After render: move focus into the question so it is read out.
    setTimeout(() => confirmRef.current?.focus(), 0);
  }

  function cancel() {
    setConfirming(false);
    setTimeout(() => startRef.current?.focus(), 0);
  }

  async function stop() {
    if (!alreadyStopped && typeof navigator !== 'undefined' && navigator.onLine === false) {
      setProblem(t('forward:stop.offline'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await stopSharing();
      announce(t('forward:stop.done'));
    } catch (error) {
      setProblem(error instanceof ApiFailure && error.offline ? t('forward:stop.offline') : t('forward:stop.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="stop-heading" class="forward-stop">
      <h2 id="stop-heading">{t('forward:stop.title')}</h2>
      <p>{alreadyStopped ? t('forward:stop.introStopped') : t('forward:stop.intro', { name: adviserName })}</p>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      {confirming ? (
        <div ref={confirmRef} class="confirm" tabIndex={-1} role="group" aria-labelledby="stop-confirm-title">
          <h3 id="stop-confirm-title">{t('forward:stop.confirmTitle')}</h3>
          <p>{alreadyStopped ? t('forward:stop.confirmBodyStopped') : t('forward:stop.confirmBody', { name: adviserName })}</p>
          <p>{t('forward:stop.keepsReceipts')}</p>
          <div class="button-row">
            <button type="button" class="button button--warning" disabled={busy} onClick={() => void stop()}>
              {busy ? t('forward:stop.stopping') : t('forward:stop.yes')}
            </button>
            <button type="button" class="button button--secondary" disabled={busy} onClick={cancel}>
              {t('forward:stop.no')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={startRef} type="button" class="button button--warning" onClick={ask}>
          {alreadyStopped ? t('forward:stop.forget') : t('forward:stop.button')}
        </button>
      )}
    </section>
  );
}
