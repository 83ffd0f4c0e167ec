import { useEffect, useRef } from 'preact/hooks';

export interface SummaryItem {
  /** The id of the control to move to. */
  target: string;
  message: string;
}

interface Props {
  id: string;
  /** "There is a problem", in the screen's namespace. */
  title: string;
  items: SummaryItem[];
  /** Changes on every failed submit, so focus moves to the summary each time. */
  attempt: number;
}

/** Shared by every form: "There is a problem", with a link to each field that needs fixing. Takes focus when shown. */
export function ErrorSummary({ id, title, items, attempt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && items.length > 0) ref.current?.focus();
    // Only a new submit moves focus, not each key press while fixing.
  }, [attempt]);

  if (items.length === 0) return null;

  function go(event: MouseEvent, target: string) {
    event.preventDefault();
    const element = document.getElementById(target);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }

  return (
    <div ref={ref} id={id} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="error-summary__title">
        {title}
      </h3>
      <ul class="error-summary__list">
        {items.map((item) => (
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
