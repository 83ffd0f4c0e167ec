// This module is in the first download: think before adding to it.
import { render } from 'preact';
import { startWords } from './i18n/core';
import { App, preloadScreen } from './app';
import { registerServiceWorker } from './service-worker';
import { whenIdle } from './when-idle';
import { FORWARD_HINT, PUSH_ADVISER_HINT, PUSH_HINT, hasHint } from '../data/hints';
import './styles.css';

/** The longest the service worker waits for the first screen's code, in ms from the load event. */
const SCREEN_WAIT_MS = 10_000;

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  // The first screen's words, and (for any screen but Home) its code and
  // other words, all at once; even without its words the app renders.
  const words = startWords();
  const screenCode = preloadScreen(location.pathname);
  await words;
  root.textContent = '';
  render(<App />, root);
  const loaded = () => afterLoad(screenCode);
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
}

function afterLoad(screenCode: Promise<void>): void {
  // The service worker's install downloads and stores the rest of the app for offline use (48
  // files, about 230 KB compressed): it waits until this screen's code has arrived and the page is
  // idle, so it does not compete with drawing the screen for a cheap phone's CPU (Lighthouse on
  // 2 cores, side by side: mean 90.1 before, 96.3 after; README). Not for ever: a download that
  // hangs on a poor signal must not keep the app from working offline.
  const screenOrGiveUp = Promise.race([screenCode, new Promise<void>((resolve) => setTimeout(resolve, SCREEN_WAIT_MS))]);
  void screenOrGiveUp.then(whenIdle).then(registerServiceWorker);
  // Reminders on: push subscriptions vanish silently, so re-sync on every
  // open. Only people who turned reminders on download the push code.
  if (hasHint(PUSH_HINT) || hasHint(PUSH_ADVISER_HINT)) void import('../services/push-client').then((push) => push.resync()).catch(() => undefined);
  // Someone connected to an adviser: send whatever waits in the outbox now,
  // whatever screen they opened. Nobody else downloads this code.
  if (hasHint(FORWARD_HINT)) void import('../services/outbox-sync').then((sync) => sync.startOutboxSync()).catch(() => undefined);
}

void start();
