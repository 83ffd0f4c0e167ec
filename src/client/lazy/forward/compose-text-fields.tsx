// The Send screen's two boxes for words: the text to send (its id is the
// target of the "nothing to send" error) and an optional note to the adviser.
import { useT } from '../../initial/i18n/use-translation';

export const TEXT = 'send-text';

export function ComposeTextFields({
  text,
  setText,
  note,
  setNote,
}: {
  text: string;
  setText: (text: string) => void;
  note: string;
  setNote: (note: string) => void;
}) {
  const t = useT();
  return (
    <>
      <div class="field">
        <label class="field__label" for={TEXT}>
          {t('forward:send.textLabel')}
        </label>
        <p class="field__hint" id={`${TEXT}-hint`}>
          {t('forward:send.textHint')}
        </p>
        <textarea
          dir="auto"
          id={TEXT}
          name={TEXT}
          class="input forward-textarea"
          rows={6}
          value={text}
          aria-describedby={`${TEXT}-hint`}
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>

      <div class="field">
        <label class="field__label" for="send-note">
          {t('forward:send.noteLabel')}
        </label>
        <textarea
          dir="auto"
          id="send-note"
          name="send-note"
          class="input"
          rows={2}
          value={note}
          onInput={(event) => setNote((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
    </>
  );
}
