interface Props {
  /** Unique on the page: names the bar. */
  id: string;
  /** What is happening, already translated ("Reading the words…"). */
  label: string;
  /** 0 to 1, or null while there is no measure yet. */
  value: number | null;
  /** Optional second line ("1.2 MB of 4.1 MB"). */
  detail?: string;
  cancelLabel: string;
  onCancel: () => void;
}

/**
 * Long work (a download, cleaning a photo, reading it) shows how far it has
 * got and can always be stopped. The bar is named by its label, so a screen
 * reader says what the percentage is of.
 */
export function ProgressPanel({ id, label, value, detail, cancelLabel, onCancel }: Props) {
  return (
    <div class="progress-panel">
      <p id={id} class="progress-panel__label">
        {label}
      </p>
      <progress class="progress-panel__bar" aria-labelledby={id} max={1} {...(value === null ? {} : { value })} />
      {detail && <p class="progress-panel__detail">{detail}</p>}
      <button type="button" class="button button--secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
