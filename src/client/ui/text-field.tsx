import type { ComponentChildren } from 'preact';
import { FieldError } from './field-error';
import './forms.css';

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The error message, already translated. */
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  /** More ids that describe the field (a character count). */
  describedBy?: string | undefined;
  children?: ComponentChildren;
}

/** A labelled input or textarea with an optional hint and error message. Dates use DateInput. */
export function TextField({ id, label, hint, error, value, onInput, multiline = false, rows = 5, autocomplete = 'off', describedBy, children }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    autocomplete,
    'aria-describedby': described,
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
      {error && <FieldError id={errorId} message={error} />}
      {multiline ? (
        <textarea dir="auto" {...common} class="input textarea" rows={rows} onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)} />
      ) : (
        <input dir="auto" {...common} type="text" class="input" onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)} />
      )}
      {children}
    </div>
  );
}
