// This module is in the first download: think before adding to it.
import { render } from 'preact';
import { startI18n } from '../i18n/i18n';
import { App } from './app';
import { registerServiceWorker } from './service-worker';
import { PUSH_ADVISER_HINT, PUSH_HINT, hasHint } from './hints';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    await startI18n();
  } catch {
    // Even without the locale file the app renders (keys stay readable).
  }
  root.textContent = '';
  render(<App />, root);
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}

function afterLoad(): void {
  void registerServiceWorker();
  // Someone connected to an adviser: send whatever waits in the outbox now,
  // whatever screen they opened. Nobody else downloads this code.
  // Reminders on: push subscriptions vanish silently, so re-sync on every
  // open. Only people who turned reminders on download the push code.
  if (hasHint(PUSH_HINT) || hasHint(PUSH_ADVISER_HINT)) void import('../forward/push-client').then((push) => push.resync()).catch(() => undefined);
  if (hasAdviser()) void import('../forward/outbox').then((outbox) => outbox.startOutboxSync()).catch(() => undefined);
}

function hasAdviser(): boolean {
  try {
    return localStorage.getItem('uc-forward-connected') === '1';
  } catch {
    return false;
  }
}

void start();
