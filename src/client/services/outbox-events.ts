// What the outbox's parts tell the screens: one 'change' event for any change
// to the outbox, the replies or the connection, and the errors a send can end
// in. Kept apart so each part (queue, flush, status, stop sharing) fires the
// same event without importing the others.
import { isGoneFromRelay, relayProblem } from './relay-problem';

/** Fired with 'change' whenever the outbox, replies or connection change. */
export const forwardEvents = new EventTarget();

export function changed(): void {
  forwardEvents.dispatchEvent(new Event('change'));
}

export class NotConnectedError extends Error {
  constructor() {
    super('Not connected to an adviser.');
    this.name = 'NotConnectedError';
  }
}

/** Locked, the item is bigger than the relay takes: it is not kept (it could never be sent, and would hold up the rest). */
export class TooBigError extends Error {
  constructor(readonly size: number) {
    super('Too big to send.');
    this.name = 'TooBigError';
  }
}

/** True when the relay says this connection no longer exists. */
export function isStopped(error: unknown): boolean {
  return isGoneFromRelay(relayProblem(error));
}
