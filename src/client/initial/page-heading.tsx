// This module is in the first download: think before adding to it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { withDirection } from './i18n/format';
import { currentLanguage } from './i18n/use-translation';

let navigated = false;

/** Called by the app when the screen changes after the first one. */
export function markNavigated(): void {
  navigated = true;
}

/**
 * The screen's h1. After an in-app navigation it takes focus, so a screen
 * reader reads the new screen's name and Tab starts from the top of it.
 */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The tab's title has no dir: in Urdu "DWP کو لکھیں" would start left to right.
    document.title = withDirection(`${title} – UC Companion`, currentLanguage());
    if (navigated) ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}
