// Keeps the outbox moving without a screen asking: sends what is waiting at
// start, and again (then asks for replies) whenever the signal comes back.
// The first download starts it on a device that has connected.
import { flushOutbox } from './outbox-flush';
import { refreshStatus } from './outbox-status';

let syncing = false;

function onOnline(): void {
  void flushOutbox()
    .then(() => refreshStatus())
    .catch(() => undefined);
}

/**
 * Sends anything waiting now, and again whenever the signal comes back.
 * Safe to call from every screen: the listener is only added once.
 */
export function startOutboxSync(): void {
  if (!syncing && typeof addEventListener === 'function') {
    syncing = true;
    addEventListener('online', onOnline);
  }
  void flushOutbox().catch(() => undefined);
}

/** For tests. */
export function stopOutboxSync(): void {
  if (syncing) removeEventListener('online', onOnline);
  syncing = false;
}
