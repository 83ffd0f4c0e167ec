import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';

interface Props {
  value: string;
  onInput: (value: string) => void;
}

const canReadClipboard = typeof navigator !== 'undefined' && !!navigator.clipboard?.readText;

/** A large box for the journal message, with a Paste button where the browser allows it. */
export function PasteBox({ value, onInput }: Props) {
  const t = useT();

  async function paste() {
    try {
      const text = await navigator.clipboard.readText();
      if (!text.trim()) {
        announce(t('explain:pasteEmpty'));
        return;
      }
      onInput(text);
      announce(t('explain:pasted'));
    } catch {
      announce(t('explain:pasteFailed'));
    }
  }

  return (
    <div class="field">
      <label for="notice-text" class="field__label field__label--large">
        {t('explain:pasteLabel')}
      </label>
      <p id="notice-text-hint" class="field__hint">
        {t('explain:pasteHint')}
      </p>
      <textarea
        dir="auto"
        id="notice-text"
        class="input paste-box"
        rows={8}
        spellcheck={false}
        autocomplete="off"
        aria-describedby="notice-text-hint"
        value={value}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="button-row">
        {canReadClipboard && (
          <button type="button" class="button" onClick={() => void paste()}>
            {t('explain:pasteButton')}
          </button>
        )}
        {value && (
          <button type="button" class="button button--secondary" onClick={() => onInput('')}>
            {t('explain:clear')}
          </button>
        )}
      </div>
    </div>
  );
}
