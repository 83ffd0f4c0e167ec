import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';

interface Props {
  id: string;
  /** Already translated. */
  message: string | null;
  /** The control to move to from the link, if there is one. */
  target?: string;
  /** Changes on every failed try, so focus moves to the box each time. */
  attempt: number;
}

/** "There is a problem" with plain words on what to do. Takes focus when shown. */
export function ProblemBox({ id, message, target, attempt }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && message) ref.current?.focus();
  }, [attempt]);
  if (!message) return null;

  function go(event: MouseEvent) {
    if (!target) return;
    event.preventDefault();
    const element = document.getElementById(target);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }

  return (
    <div ref={ref} id={id} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="error-summary__title">
        {t('forward:problem')}
      </h2>
      {target ? (
        <p class="error-summary__text">
          <a href={`#${target}`} onClick={go}>
            {message}
          </a>
        </p>
      ) : (
        <p class="error-summary__text">{message}</p>
      )}
    </div>
  );
}
