// Where focus goes after an action removes or replaces the control that had
// it. Left alone it falls back to <body>: a screen reader starts reading from
// the top again and a keyboard or switch user has to find their place.

/**
 * Focuses an element once it is on the page (the screen re-renders after the
 * action, sometimes after a network call): tries for about a second.
 */
export function focusWhenShown(find: string | (() => HTMLElement | null)): void {
  const lookUp = typeof find === 'string' ? () => document.getElementById(find) : find;
  let tries = 0;
  const attempt = () => {
    const element = lookUp();
    if (element && element.isConnected) {
      element.focus();
      return;
    }
    if (++tries < 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
