// Which clients' safety codes the adviser has typed on this computer, for the
// lists (inbox, deadlines board) to mark the others "not checked yet".
import { useEffect, useState } from 'preact/hooks';
import { safetyChecked } from '../services/claimant-pin';
import { getPin } from '../data/adviser-db';

/** The connection ids among `ids` whose safety code was checked here; null while reading. Read again when the ids change (and each time a screen opens). */
export function useCheckedClients(ids: readonly string[] | null): Set<string> | null {
  const [checked, setChecked] = useState<Set<string> | null>(null);
  const key = ids ? [...new Set(ids)].sort().join(' ') : null;
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    const list = key ? key.split(' ') : [];
    void Promise.all(list.map(async (id) => (safetyChecked(await getPin(id).catch(() => undefined)) ? id : null))).then((found) => {
      if (!cancelled) setChecked(new Set(found.filter((id): id is string => id !== null)));
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return checked;
}
