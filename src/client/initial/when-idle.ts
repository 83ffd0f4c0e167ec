// This module is in the first download: think before adding to it.

/** How long an idle period must be to count as the page being done, in ms (Chromium gives 50 when nothing is due). */
export const QUIET_MS = 40;
/** Never wait longer than this for a quiet moment, in ms (a page that animates is never idle). */
export const MOST_MS = 5_000;
/** Browsers without requestIdleCallback (Safari) wait this long, in ms. */
export const NO_IDLE_MS = 1_000;

/**
 * Resolves once the main thread has an idle period of QUIET_MS or more (the
 * screen is drawn and whatever it started on opening has run), or MOST_MS
 * after the call, whichever is first. Note for tests: Playwright's fake clock
 * reports no idle time, so under it this waits the whole MOST_MS.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback !== 'function') {
      setTimeout(resolve, NO_IDLE_MS);
      return;
    }
    const began = performance.now();
    const left = () => MOST_MS - (performance.now() - began);
    const wait = () =>
      requestIdleCallback(
        (deadline) => {
          if (deadline.didTimeout || deadline.timeRemaining() >= QUIET_MS || left() <= 0) resolve();
          else wait();
        },
        // Each new request gets only the time that is left, so the whole wait is at most MOST_MS.
        { timeout: Math.max(1, left()) },
      );
    wait();
  });
}
