// The error message at a field, the GOV.UK way: red, bold, next to the field
// and linked to it (aria-describedby), with a hidden "Error:" first so a
// screen reader says it is an error. Never a live region: the error summary
// is the one thing announced when a form is sent.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import './forms.css';

/**
 * "Error:" in the language of the words around it. The adviser's screens are
 * English whatever the page language, so they provide their own.
 */
export const ErrorPrefix = createContext<string | null>(null);

export function useErrorPrefix(): string {
  const t = useT();
  return useContext(ErrorPrefix) ?? t('forms:errorPrefix');
}

export function FieldError({ id, message }: { id: string; message: string }) {
  const prefix = useErrorPrefix();
  return (
    <p id={id} class="field__error">
      <span class="visually-hidden">{prefix} </span>
      {message}
    </p>
  );
}
