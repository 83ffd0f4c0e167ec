import { NOTICE_KINDS, type NoticeKind } from '../../../shared/notices/types';
import { useT } from '../../initial/i18n/use-translation';

interface Props {
  value: NoticeKind | null;
  onChange: (kind: NoticeKind | null) => void;
  /** Open from outside too: "None of these" opens the full list. */
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** "I'll choose the kind": for when there is no text to paste, or we guessed wrong. */
export function KindPicker({ value, onChange, open, onToggle }: Props) {
  const t = useT();
  return (
    <div class="kind-picker">
      <button type="button" class="button button--secondary" aria-expanded={open} aria-controls="kind-picker-panel" onClick={() => onToggle(!open)}>
        {t('explain:chooseKind')}
      </button>
      <div id="kind-picker-panel" class="field" hidden={!open}>
        <label for="kind-select" class="field__label">
          {t('notices:picker.heading')}
        </label>
        <p id="kind-select-hint" class="field__hint">
          {t('notices:picker.hint')}
        </p>
        <select
          id="kind-select"
          class="input"
          aria-describedby="kind-select-hint"
          value={value ?? ''}
          onChange={(event) => {
            const chosen = (event.currentTarget as HTMLSelectElement).value;
            onChange(chosen ? (chosen as NoticeKind) : null);
          }}
        >
          <option value="">{t('explain:letAppDecide')}</option>
          {NOTICE_KINDS.filter((kind) => kind !== 'unknown').map((kind) => (
            <option key={kind} value={kind}>
              {t(`notices:kinds.${kind}.title`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
