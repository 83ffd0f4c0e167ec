import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { ErrorSummary, type SummaryItem } from '../ui/error-summary';

export type { SummaryItem as FormError } from '../ui/error-summary';

/** "There is a problem", linking to each field. Takes focus on every failed submit. */
export function FormErrors({ id, errors, attempt }: { id: string; errors: SummaryItem[]; attempt: number }) {
  const t = useT();
  return <ErrorSummary id={id} title={t('adviser:problem')} items={errors} attempt={attempt} />;
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
