// The warning on each item from a client whose safety code has not been typed
// on this computer yet (services/claimant-pin.ts, safetyChecked): until then
// the relay could have swapped the client's key before this computer first
// saw it, so nothing may look genuine. Words, not colour alone.
import { useT } from '../initial/i18n/use-translation';

/** The field on the client's page where the adviser types the client's safety code. */
export const COMPARE_ID = 'client-safety-typed';

/** Goes to the safety code field: focus moves there, so a screen reader reads its label next. */
function goToCompare(event: Event) {
  const field = document.getElementById(COMPARE_ID);
  if (!field) return; // the link's own #fragment still scrolls there
  event.preventDefault();
  field.focus();
}

export function NotCheckedWarning({ label, canType, id }: { label: string | null; canType: boolean; id?: string }) {
  const t = useT();
  return (
    <div class="warning not-checked" id={id}>
      <p>
        <strong>{t('adviser:client.notChecked.title')}:</strong>{' '}
        {label ? t('adviser:client.notChecked.body', { label }) : t('adviser:client.notChecked.bodyNoLabel')}
      </p>
      {canType && (
        <p>
          <a href={`#${COMPARE_ID}`} onClick={goToCompare}>
            {t('adviser:client.notChecked.action')}
          </a>
        </p>
      )}
    </div>
  );
}

/** The short mark for a client in a list (inbox, deadlines board). */
export function NotCheckedMark({ text }: { text: string }) {
  return <strong class="not-checked-mark">{text}</strong>;
}
