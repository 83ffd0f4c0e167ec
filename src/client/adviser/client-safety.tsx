// The client's safety code on their page: the adviser compares it with the
// one the client reads out from their phone and types it in. Until it
// matches, no item is shown as genuine and no reply can be sent.
import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { compareClaimantSafetyCode, type ClaimantKeyCheck } from '../services/claimant-pin';
import { SpelledCode } from '../ui/spelled-code';
import { TextField } from '../ui/text-field';
import { focusWhenShown } from '../ui/focus';
import { COMPARE_ID } from './not-checked';
import { PINS } from './pins';

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

/** The safety code panel, for a client whose key is known (pinned or changed). */
export function ClientSafety({
  connectionId,
  keyCheck,
  onCompared,
}: {
  connectionId: string;
  keyCheck: Exclude<ClaimantKeyCheck, { state: 'none' }>;
  onCompared: () => void;
}) {
  const t = useT();
  return (
    <section class="adviser-panel" aria-labelledby="client-safety-heading">
      <h2 id="client-safety-heading">{t('adviser:client.safety.heading')}</h2>
      <p>{t('adviser:client.safety.intro')}</p>
      <SpelledCode class="client-fingerprint" label={t('adviser:client.safety.label')} code={keyCheck.safetyCode} />
      <p>{t('adviser:client.safety.compare')}</p>
      {keyCheck.compared ? (
        <p class="client-safety-compared">{t('adviser:client.safety.compared')}</p>
      ) : (
        keyCheck.state === 'pinned' && <CompareSafetyCode connectionId={connectionId} check={keyCheck} onCompared={onCompared} />
      )}
    </section>
  );
}
