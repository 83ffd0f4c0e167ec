// Carries one picture between screens in this visit (Explain ↔ Send), in
// memory only: a photo of a letter is never written to storage on the way.
let waiting: File | null = null;

export function handOffPhoto(file: File): void {
  waiting = file;
}

/** The picture handed over, once; null when there is none. */
export function takeHandedOffPhoto(): File | null {
  const file = waiting;
  waiting = null;
  return file;
}
