// This module is in the first download: think before adding to it.
import { render } from 'preact';
import { startI18n } from '../i18n/i18n';
import { App } from './app';
import { registerServiceWorker } from './service-worker';
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
  if (document.readyState === 'complete') void registerServiceWorker();
  else addEventListener('load', () => void registerServiceWorker(), { once: true });
}

void start();
