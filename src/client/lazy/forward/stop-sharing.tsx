import { useRef, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { relayProblem } from '../../services/relay-problem';
import { stopSharing } from '../../services/stop-sharing';
import { ErrorSummary } from '../../ui/error-summary';
import { focusWhenShown } from '../../ui/focus';

/** The "Sharing has stopped" box on the Send screen, where focus goes once it has. */
export const STOPPED_ID = 'send-stopped';

/** One button, then a plain confirm step. Needs a signal to tell the relay. */
export function StopSharing({ adviserName, alreadyStopped = false }: { adviserName: string; alreadyStopped?: boolean }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const confirmRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  function ask() {
    setProblem(null);
    setConfirming(true);
    // After render: move focus into the question so it is read out, unless focus is already inside it (a fast
    // keyboard or a screen reader may get to "Yes" before this runs; taking focus back would lose that press).
    setTimeout(() => {
      if (!confirmRef.current?.contains(document.activeElement)) confirmRef.current?.focus();
    }, 0);
  }

  function cancel() {
    setConfirming(false);
    setTimeout(() => startRef.current?.focus(), 0);
  }

  function fail(message: string) {
    setProblem(message);
    setAttempt((n) => n + 1);
  }

  async function stop() {
    if (busy) return;
    if (!alreadyStopped && typeof navigator !== 'undefined' && navigator.onLine === false) {
      fail(t('forward:stop.offline'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await stopSharing();
      announce(t('forward:stop.done'));
      // This question goes with the connection: focus what the screen shows next.
      focusWhenShown(() => document.getElementById(STOPPED_ID) ?? document.querySelector<HTMLElement>('h1.page-heading'));
    } catch (error) {
      fail(relayProblem(error).kind === 'offline' ? t('forward:stop.offline') : t('forward:stop.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="stop-heading" class="forward-stop">
      <h2 id="stop-heading">{t('forward:stop.title')}</h2>
      <p>{alreadyStopped ? t('forward:stop.introStopped') : t('forward:stop.intro', { name: adviserName })}</p>
      <ErrorSummary id="stop-problem" title={t('forward:problem')} attempt={attempt} headingLevel={3} items={problem ? [{ message: problem }] : []} />
      {confirming ? (
        <div ref={confirmRef} class="confirm" tabIndex={-1} role="group" aria-labelledby="stop-confirm-title">
          <h3 id="stop-confirm-title">{t('forward:stop.confirmTitle')}</h3>
          <p>{alreadyStopped ? t('forward:stop.confirmBodyStopped') : t('forward:stop.confirmBody', { name: adviserName })}</p>
          <p>{t('forward:stop.keepsReceipts')}</p>
          <div class="button-row">
            <button type="button" class="button button--warning" aria-disabled={busy || undefined} onClick={() => void stop()}>
              {busy ? t('forward:stop.stopping') : t('forward:stop.yes')}
            </button>
            <button type="button" class="button button--secondary" aria-disabled={busy || undefined} onClick={() => !busy && cancel()}>
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
