// A file input that looks and behaves like a button: "Take a photo",
// "Choose a picture", "Choose a PDF". The real input stays in the tab order and is announced
// as a button with the visible words, once (the words themselves are hidden
// from screen readers so they are not read a second time). While busy it
// stays focusable (never `disabled` under the person's finger, which would
// drop focus to the page): presses are ignored.
import './forms.css';

interface Props {
  id: string;
  label: string;
  secondary?: boolean;
  /** Open the camera straight away on phones. */
  camera?: boolean;
  /** The kinds of file offered. Pictures only by default: phones then open their photo picker. */
  accept?: string;
  busy: boolean;
  onFile: (file: File) => void;
}

export function FileButton({ id, label, secondary = false, camera = false, accept = 'image/*', busy, onFile }: Props) {
  function onChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so choosing the same photo again still counts.
    input.value = '';
    if (file && !busy) onFile(file);
  }
  return (
    <label class={`button${secondary ? ' button--secondary' : ''} file-button`} for={id}>
      <input
        id={id}
        class="file-button__input"
        type="file"
        accept={accept}
        {...(camera ? { capture: 'environment' } : {})}
        aria-label={label}
        aria-disabled={busy || undefined}
        onClick={(event) => busy && event.preventDefault()}
        onChange={onChange}
      />
      <span aria-hidden="true">{label}</span>
    </label>
  );
}
