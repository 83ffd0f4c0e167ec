// Keeps what the person typed in sessionStorage, so a reload, an app update
// or a crash never loses it.
import { useCallback, useState } from 'preact/hooks';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function useDraft<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  // Written at once, not in an effect: a reload straight after typing must not lose it.
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        /* storage full or blocked: the value still lives in memory */
      }
    },
    [key],
  );
  return [value, update];
}

// A photo cannot wait in sessionStorage: the one the claimant is working on
// is carried in memory between screens in this visit (Explain ↔ Send), and
// never written to storage on the way. (Kept in this module, which both
// screens already load, so it adds no file to the first download's list.)
let photo: File | null = null;

export function handOffPhoto(file: File): void {
  photo = file;
}

/** The photo handed over, once; null when there is none. */
export function takeHandedOffPhoto(): File | null {
  const file = photo;
  photo = null;
  return file;
}
