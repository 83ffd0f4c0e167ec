// This module is in the first download: think before adding to it.

/** How long an idle period must be to count as the page being done, in ms (Chromium gives 50 when nothing is due). */
const QUIET_MS = 40;
/** Never wait longer than this for a quiet moment, in ms (a page that animates is never idle). */
const MOST_MS = 5_000;

/**
 * Resolves once the main thread has a long idle period: the screen is drawn and whatever it
 * started on opening has run. Browsers without requestIdleCallback (Safari) wait a moment.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback !== 'function') {
      setTimeout(resolve, 1_000);
      return;
    }
    const began = performance.now();
    const wait = () =>
      requestIdleCallback(
        (deadline) => {
          if (deadline.didTimeout || deadline.timeRemaining() >= QUIET_MS || performance.now() - began > MOST_MS) resolve();
          else wait();
        },
        { timeout: MOST_MS },
      );
    wait();
  });
}
