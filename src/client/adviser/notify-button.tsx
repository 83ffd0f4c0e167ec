// "Notify me about new items": a push when a client sends something or
// stops sharing. Permission is asked only on the tap.
import { useState } from 'preact/hooks';
import { i18next } from '../initial/i18n/i18n';
import { useT, currentLanguage } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { PushProblem, pushSupport, remindersOn, turnOffAdviserNotifications, turnOnAdviserNotifications } from '../services/push-client';
import { refreshPushTexts } from '../services/push-texts';

export function NotifyButton({ adviserToken }: { adviserToken: string }) {
  const t = useT();
  const [on, setOn] = useState(() => remindersOn('adviser'));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const support = pushSupport();

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      if (on) {
        await turnOffAdviserNotifications();
        setOn(false);
        announce(t('adviser:notify.turnedOff'));
      } else {
        // The permission prompt comes first, straight from the tap.
        await turnOnAdviserNotifications(adviserToken);
        setOn(true);
        announce(t('adviser:notify.turnedOn'));
        await refreshPushTexts(i18next, currentLanguage()).catch(() => undefined);
      }
    } catch (error) {
      setProblem(t(`adviser:notify.${error instanceof PushProblem && error.code !== 'failed' ? error.code : 'failed'}`));
    } finally {
      setBusy(false);
    }
  }

  if (support === 'unsupported' || support === 'ios-needs-home-screen') {
    return <p class="field__hint">{t('adviser:notify.unsupported')}</p>;
  }
  return (
    <section class="adviser-notify" aria-label={t('adviser:notify.button')}>
      {on ? (
        <p>{t('adviser:notify.on')}</p>
      ) : (
        <p class="field__hint" id="notify-hint">
          {t('adviser:notify.hint')}
        </p>
      )}
      {problem && (
        <p class="adviser-problem" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={busy || undefined}
        aria-describedby={on ? undefined : 'notify-hint'}
        onClick={() => void toggle()}
      >
        {on ? t('adviser:notify.off') : t('adviser:notify.button')}
      </button>
    </section>
  );
}
