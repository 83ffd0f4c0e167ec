// This module is in the first download: think before adding to it.
import { render } from 'preact';
import { startWords } from './i18n/core';
import { App, preloadScreen } from './app';
import { registerServiceWorker } from './service-worker';
import { FORWARD_HINT, PUSH_ADVISER_HINT, PUSH_HINT, hasHint } from '../data/hints';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  // The first screen's words, and (for any screen but Home) its code and
  // other words, all at once; even without its words the app renders.
  const words = startWords();
  preloadScreen(location.pathname);
  await words;
  root.textContent = '';
  render(<App />, root);
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}

function afterLoad(): void {
  void registerServiceWorker();
  // Reminders on: push subscriptions vanish silently, so re-sync on every
  // open. Only people who turned reminders on download the push code.
  if (hasHint(PUSH_HINT) || hasHint(PUSH_ADVISER_HINT)) void import('../services/push-client').then((push) => push.resync()).catch(() => undefined);
  // Someone connected to an adviser: send whatever waits in the outbox now,
  // whatever screen they opened. Nobody else downloads this code.
  if (hasHint(FORWARD_HINT)) void import('../services/outbox-sync').then((sync) => sync.startOutboxSync()).catch(() => undefined);
}

void start();
