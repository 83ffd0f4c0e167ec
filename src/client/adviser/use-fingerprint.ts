import { useEffect, useState } from 'preact/hooks';
import { fingerprint } from '../services/crypto';

/** The safety code of a key, worked out on this computer (null until ready, or for a key that is not one). */
export function useFingerprint(publicKey: string | null): string | null {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    setValue(null);
    if (!publicKey) return;
    let live = true;
    fingerprint(publicKey).then(
      (fp) => live && setValue(fp),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [publicKey]);
  return value;
}
