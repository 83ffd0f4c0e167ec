import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import { ownComputerKeys, readLabel, sealOldLabels, shareLabels } from '../services/client-label';
import type { Identity } from '../data/adviser-db';

/**
 * Each connection's label as this computer can read it (opened here: the
 * relay holds only sealed labels), by connection id; null when it cannot be
 * read on this computer. Old plaintext labels are sealed once, quietly, and
 * labels not sealed to every one of the adviser's computers are sealed again.
 */
export function useLabels(identity: Identity, connections: ConnectionInfo[] | null): Map<string, string | null> {
  const [labels, setLabels] = useState<Map<string, string | null>>(new Map());
  const opened = useRef(new Map<string, string | null>());
  const sealing = useRef(false);
  const sharing = useRef(false);

  useEffect(() => {
    if (!connections) return;
    let live = true;
    void (async () => {
      // The adviser's own computers, as their signing key vouches for them: the only senders of a label.
      const computers = connections.some((c) => c.sealedLabel) ? await ownComputerKeys(identity).catch(() => null) : [];
      const senders = computers ?? [identity.publicKey];
      for (const c of connections) {
        const key = `${c.id}:${c.sealedLabel ?? ''}:${c.label}`;
        if (!opened.current.has(key)) opened.current.set(key, await readLabel(identity, senders, c));
      }
      if (live) setLabels(new Map(connections.map((c) => [c.id, opened.current.get(`${c.id}:${c.sealedLabel ?? ''}:${c.label}`) ?? null])));
      if (computers && !sharing.current) {
        sharing.current = true;
        // A computer added since a label was sealed can read it once the next refresh lists it sealed again.
        await shareLabels(identity, computers, connections).catch(() => 0);
        sharing.current = false;
      }
      if (!sealing.current && connections.some((c) => !c.stoppedAt && !c.sealedLabel && c.label)) {
        sealing.current = true;
        // Shown as they are meanwhile; the next refresh lists them sealed.
        await sealOldLabels(identity, connections).catch(() => 0);
      }
    })();
    return () => {
      live = false;
    };
  }, [connections, identity]);

  return labels;
}
