// This module is in the first download: think before adding to it.
// One polite live region for status messages (offline ready, saved, copied).
import { useEffect, useState } from 'preact/hooks';

let message = '';
const listeners = new Set<(text: string) => void>();

export function announce(text: string): void {
  // Clear first so the same words twice are still read out.
  message = '';
  for (const listener of listeners) listener('');
  setTimeout(() => {
    message = text;
    for (const listener of listeners) listener(text);
  }, 50);
}

export function useStatusMessage(): string {
  const [text, setText] = useState(message);
  useEffect(() => {
    listeners.add(setText);
    return () => void listeners.delete(setText);
  }, []);
  return text;
}
