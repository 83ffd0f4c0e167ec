import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The error message, already translated. */
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date';
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  min?: string | undefined;
  max?: string | undefined;
  children?: ComponentChildren;
}

/** A labelled input or textarea with an optional hint and error message. */
export function TextField({ id, label, hint, error, value, onInput, type = 'text', multiline = false, rows = 5, autocomplete = 'off', min, max, children }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    autocomplete,
    'aria-describedby': describedBy,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id} class="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error" role="alert">
          {error}
        </p>
      )}
      {multiline ? (
        <textarea
          dir="auto"
          {...common}
          class="input helpers-textarea"
          rows={rows}
          onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        />
      ) : type === 'date' ? (
        <input
          dir="auto"
          {...common}
          type="date"
          class="input input--date"
          min={min}
          max={max}
          onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        />
      ) : (
        <input dir="auto" {...common} type="text" class="input" onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)} />
      )}
      {children}
    </div>
  );
}
