// This module is in the first download: think before adding to it.
// A tiny history-API router: the path is the state, so a reload or a shared
// link opens the same screen (the service worker serves the shell for all).
import { useEffect, useState } from 'preact/hooks';

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

export function currentPath(): string {
  return location.pathname;
}

/** Goes to an address in the app; the query and fragment are kept (/send?notice=…, /connect#code=…). */
export function navigate(target: string, options: { replace?: boolean } = {}): void {
  const url = new URL(target, location.href);
  const next = url.pathname + url.search + url.hash;
  if (next === location.pathname + location.search + location.hash) return;
  if (options.replace) history.replaceState(null, '', next);
  else history.pushState(null, '', next);
  for (const listener of listeners) listener(url.pathname);
}

addEventListener('popstate', () => {
  for (const listener of listeners) listener(currentPath());
});

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    listeners.add(setPath);
    return () => void listeners.delete(setPath);
  }, []);
  return path;
}

/** Same-origin link clicks become in-app navigation (no full page load). */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return;
  // An anchor on this page (the skip link): the browser scrolls and focuses.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
