import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/use-translation';

export interface FormError {
  /** The id of the control to move to. */
  target: string;
  message: string;
}

/** "There is a problem", linking to each field. Takes focus on every failed submit. */
export function FormErrors({ id, errors, attempt }: { id: string; errors: FormError[]; attempt: number }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && errors.length > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;

  function go(event: MouseEvent, target: string) {
    event.preventDefault();
    const element = document.getElementById(target);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }

  return (
    <div ref={ref} id={id} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="error-summary__title">
        {t('adviser:problem')}
      </h3>
      <ul class="error-summary__list">
        {errors.map((item) => (
          <li key={item.target}>
            <a href={`#${item.target}`} onClick={(event) => go(event, item.target)}>
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A problem that is not about one field: read out at once, and focusable. */
export function ProblemMessage({ text }: { text: string | null }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1}>
      <h2 class="error-summary__title">{t('adviser:problem')}</h2>
      <p>{text}</p>
    </div>
  );
}
