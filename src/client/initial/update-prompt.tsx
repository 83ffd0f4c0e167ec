// This module is in the first download: think before adding to it.
import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n/use-translation';
import { onUpdateAvailable } from './service-worker';

/** A calm "new version" prompt: it never reloads on its own. */
export function UpdatePrompt() {
  const t = useT();
  const [apply, setApply] = useState<(() => void) | null>(null);
  useEffect(() => onUpdateAvailable((next) => setApply(() => next)), []);
  return (
    <div class="update-region" aria-live="polite">
      {apply && (
        <div class="update-prompt">
          <p>{t('update.ready')}</p>
          <button type="button" class="button" onClick={apply}>
            {t('update.reload')}
          </button>
        </div>
      )}
    </div>
  );
}
