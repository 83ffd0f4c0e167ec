// This module is in the first download: think before adding to it.
// One polite live region for status messages (offline ready, saved, copied).
import { useEffect, useState } from 'preact/hooks';

/** What the live region says; `id` changes with every message, even the same words twice. */
export interface StatusMessage {
  text: string;
  id: number;
}

let message: StatusMessage = { text: '', id: 0 };
const listeners = new Set<(message: StatusMessage) => void>();

export function announce(text: string): void {
  // A new message is a new element in the region (keyed by id), so screen
  // readers speak it in full, the same words twice included, at once: no
  // timer to clear the region first.
  message = { text, id: message.id + 1 };
  for (const listener of listeners) listener(message);
}

export function useStatusMessage(): StatusMessage {
  const [current, setCurrent] = useState(message);
  useEffect(() => {
    listeners.add(setCurrent);
    // A message sent between the first render and this effect is not missed.
    setCurrent(message);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
