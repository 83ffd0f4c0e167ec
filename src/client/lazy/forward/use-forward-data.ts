// Live views of the claimant's forwarding data: re-read on every change.
import { useEffect, useState } from 'preact/hooks';
import { getConnection, listOutbox, listReplies, type Connection, type OutboxItem, type Reply } from '../../data/claimant-db';
import { forwardEvents } from '../../services/outbox-events';

export interface ForwardData {
  /** undefined while loading; null when not connected. */
  connection: Connection | null | undefined;
  outbox: OutboxItem[];
  replies: Reply[];
}

export function useForwardData(): ForwardData {
  const [data, setData] = useState<ForwardData>({ connection: undefined, outbox: [], replies: [] });
  useEffect(() => {
    let live = true;
    // Reads can finish out of order (a big item takes longer to read): only the
    // newest is shown, or an item just sent could stay "waiting" on screen.
    let newest = 0;
    const load = () => {
      const mine = ++newest;
      void Promise.all([getConnection(), listOutbox(), listReplies()])
        .then(([connection, outbox, replies]) => {
          if (live && mine === newest) setData({ connection: connection ?? null, outbox, replies });
        })
        .catch(() => {
          if (live && mine === newest) setData((old) => ({ ...old, connection: old.connection ?? null }));
        });
    };
    load();
    forwardEvents.addEventListener('change', load);
    return () => {
      live = false;
      forwardEvents.removeEventListener('change', load);
    };
  }, []);
  return data;
}
