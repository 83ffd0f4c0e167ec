import { useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';

interface Props {
  value: string;
  onInput: (value: string) => void;
  /** Clear: the screen empties the box and puts focus back in it. */
  onClear: () => void;
}

export const PASTE_BOX_ID = 'notice-text';

const canReadClipboard = typeof navigator !== 'undefined' && !!navigator.clipboard?.readText;

/** A large box for the journal message, with a Paste button where the browser allows it. */
export function PasteBox({ value, onInput, onClear }: Props) {
  const t = useT();
  // What happened on Paste, shown as well as announced: many people never hear the announcement.
  const [status, setStatus] = useState<string | null>(null);

  function tell(message: string) {
    setStatus(message);
    announce(message);
  }

  async function paste() {
    try {
      const text = await navigator.clipboard.readText();
      if (!text.trim()) {
        tell(t('explain:pasteEmpty'));
        return;
      }
      onInput(text);
      tell(t('explain:pasted'));
    } catch {
      tell(t('explain:pasteFailed'));
    }
  }

  return (
    <div class="field">
      <label for={PASTE_BOX_ID} class="field__label field__label--large">
        {t('explain:pasteLabel')}
      </label>
      <p id={`${PASTE_BOX_ID}-hint`} class="field__hint">
        {t('explain:pasteHint')} {t('explain:pasteHowTo')}
      </p>
      <textarea
        dir="auto"
        id={PASTE_BOX_ID}
        class="input paste-box"
        rows={8}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={`${PASTE_BOX_ID}-hint`}
        value={value}
        onInput={(event) => {
          setStatus(null);
          onInput((event.currentTarget as HTMLTextAreaElement).value);
        }}
      />
      <div class="button-row">
        {canReadClipboard && (
          <button type="button" class="button" onClick={() => void paste()}>
            {t('explain:pasteButton')}
          </button>
        )}
        {value && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setStatus(null);
              onClear();
            }}
          >
            {t('explain:clear')}
          </button>
        )}
      </div>
      {status && <p class="inline-status">{status}</p>}
    </div>
  );
}
