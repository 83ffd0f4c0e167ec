// Ids made on the device: an item's id (the relay takes a repeat of the same
// id as the same item, so a resend is never a copy) and a saved notice's id
// (the opaque `ref` a deadline reminder carries back).

/** A random UUID; 32 hex characters where the browser has no randomUUID. */
export function newId(): string {
  // randomUUID only exists in secure contexts and newer browsers.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
