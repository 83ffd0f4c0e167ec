// The GOV.UK error summary, for every form and every problem in the app:
// "There is a problem", then each problem, linked to its field. It is the
// only alert a failed submit makes (field messages are not live), it takes
// focus, and while it shows the tab's title starts with "Error:".
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { useErrorPrefix } from './field-error';
import './error-summary.css';

export interface SummaryItem {
  message: string;
  /** The id of the field the link moves to. Without it the message is plain text. */
  target?: string | undefined;
  /** Or a place on the page that tells what to do ('#reminders-help'). */
  href?: string | undefined;
}

interface Props {
  id: string;
  /** "There is a problem", when the screen has its own words for it. */
  title?: string | undefined;
  items: SummaryItem[];
  /**
   * Changes on every failed submit, so focus moves to the summary each time
   * (not on each key press while fixing). Without it, focus moves whenever
   * the problem changes; with it unchanged, the summary shows without taking focus.
   */
  attempt?: number | undefined;
  /** h2 on its own; h3 inside a section that has an h2. */
  headingLevel?: 2 | 3;
}

const RLM = '\u200F';
const shown = new Set<string>();
let appliedPrefix: string | null = null;

/** "Error: Write to DWP – UC Companion" while any summary shows, as GOV.UK does. */
function syncTitle(prefix: string): void {
  const mark = document.title.startsWith(RLM) ? RLM : '';
  let base = document.title.slice(mark.length);
  if (appliedPrefix && base.startsWith(`${appliedPrefix} `)) base = base.slice(appliedPrefix.length + 1);
  appliedPrefix = shown.size > 0 ? prefix : null;
  document.title = `${mark}${appliedPrefix ? `${appliedPrefix} ` : ''}${base}`;
}

/** Moves to a field, with its label or legend in view (a screen reader then reads it). */
export function focusField(target: string): void {
  const element = document.getElementById(target);
  if (!element) return;
  const legend = element.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(target)}"]`);
  (legend ?? label ?? element).scrollIntoView({ block: 'start' });
  element.focus({ preventScroll: true });
}

export function ErrorSummary({ id, title, items, attempt, headingLevel = 2 }: Props) {
  const t = useT();
  const prefix = useErrorPrefix();
  const ref = useRef<HTMLDivElement>(null);
  const visible = items.length > 0;
  const focusKey = attempt ?? items.map((item) => item.message).join('\n');

  useEffect(() => {
    if (visible && (attempt === undefined || attempt > 0)) ref.current?.focus();
  }, [focusKey]);

  useEffect(() => {
    if (!visible) return;
    shown.add(id);
    syncTitle(prefix);
    return () => {
      shown.delete(id);
      syncTitle(prefix);
    };
  }, [visible, prefix, id]);

  if (!visible) return null;

  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div ref={ref} id={id} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} class="error-summary__title">
        {title ?? t('forms:problem')}
      </Heading>
      <ul class="error-summary__list">
        {items.map((item) => (
          <li key={`${item.target ?? item.href ?? ''}${item.message}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.target!);
                }}
              >
                {item.message}
              </a>
            ) : item.href ? (
              <a href={item.href} onClick={(event) => (event.preventDefault(), focusField(item.href!.slice(1)))}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
