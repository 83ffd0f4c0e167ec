import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';

interface Props {
  id: string;
  label: string;
  text: string;
  /** Goes up each time the text is written: focus moves to it, so it is read out. */
  focusKey: number;
}

/** Shows the composed English text, read-only, with a Copy button. */
export function CopyText({ id, label, text, focusKey }: Props) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  // "Copied." is shown as well as announced.
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
    setStatus(null);
  }, [focusKey]);

  function tell(message: string) {
    setStatus(message);
    announce(message);
  }

  function selectAll(): HTMLTextAreaElement | null {
    const box = ref.current;
    if (!box) return null;
    box.focus();
    box.select();
    box.setSelectionRange(0, box.value.length);
    return box;
  }

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      tell(t('helpers:copied'));
      return;
    } catch {
      /* try the older way below */
    }
    let copied = false;
    try {
      if (selectAll()) copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    tell(t(copied ? 'helpers:copied' : 'helpers:copyFailed'));
  }

  return (
    <div class="composed">
      <div class="field">
        <label for={id} class="field__label">
          {label}
        </label>
        <p id={`${id}-hint`} class="field__hint">
          {t('helpers:englishNote')}
        </p>
        <textarea
          ref={ref}
          id={id}
          class="input composed__text"
          readOnly
          rows={Math.min(16, Math.max(6, text.split('\n').length + 2))}
          lang="en"
          dir="ltr"
          spellcheck={false}
          aria-describedby={`${id}-hint`}
          value={text}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('helpers:copy')}
        </button>
      </div>
      {status && <p class="inline-status">{status}</p>}
      <p class="field__hint">{t('helpers:pasteInJournal')}</p>
    </div>
  );
}
