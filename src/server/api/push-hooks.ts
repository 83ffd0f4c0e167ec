// One-off push reminders for events on connections: the claimant sent an
// item, the adviser replied, the claimant stopped sharing. Reminders hold
// only the kind: never names, labels or connection ids.
import { oneOffDue } from '../push/schedule';
import type { PushSubscriber, ReminderKind, Store } from '../store/store';
import { deviceActiveSince } from './auth';
import { errorName, type Log } from './log';

/** What the routes call; none of these ever throws: the event itself already happened. */
export interface PushEvents {
  /** The claimant sent an item: every push subscription of the adviser's devices (one waiting at a time). */
  newItem(adviserId: string): Promise<void>;
  /** The adviser replied: the claimant's subscriptions with replies on (one waiting at a time). */
  reply(connectionId: string): Promise<void>;
  /** The claimant stopped sharing: the adviser's devices. Call before the connection is stopped. */
  stopped(adviserId: string): Promise<void>;
}

export function pushEvents(deps: { store: Store; now: () => Date; deviceIdleDays: number; wake?: (() => void) | undefined; log: Log }): PushEvents {
  const { store, now, log } = deps;
  /** The adviser's subscribers on computers whose credential still works (an idle one gets nothing). */
  const adviserSubscribers = (adviserId: string) => store.listAdviserSubscribers(adviserId, { deviceActiveSince: deviceActiveSince(deps) });

  async function add(subscribers: PushSubscriber[], kind: ReminderKind, coalesce: boolean): Promise<void> {
    if (subscribers.length === 0) return;
    const at = now();
    const added = await store.addReminders(
      subscribers.map((s) => ({ subscriberId: s.id, kind, dueAt: oneOffDue(kind, s.quiet, at).toISOString() })),
      { coalesce },
    );
    if (added.some((r) => Date.parse(r.dueAt) <= at.getTime())) deps.wake?.();
  }

  /** A failure is logged, never thrown: the request goes on. */
  const quietly = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      log({ level: 'error', msg: `push hook ${name} failed`, error: errorName(error) });
    }
  };

  return {
    newItem: (adviserId) => quietly('new-item', async () => add(await adviserSubscribers(adviserId), 'adviser-new-item', true)),
    reply: (connectionId) =>
      quietly('reply', async () =>
        add(
          (await store.listConnectionSubscribers(connectionId)).filter((s) => s.replies),
          'reply',
          true,
        ),
      ),
    stopped: (adviserId) => quietly('stopped', async () => add(await adviserSubscribers(adviserId), 'adviser-stopped', false)),
  };
}
