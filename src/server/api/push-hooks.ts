// One-off push reminders for events on connections: the claimant sent an
// item, the adviser replied, the claimant stopped sharing. Reminders hold
// the kind, never names or labels; a new item's reminder for a computer may
// hold the sealed deadline hint the phone made for that computer (ciphertext,
// with the connection and item it is bound to, which the computer checks).
import type { ItemHint } from '../../shared/protocol/api-types';
import type { PushHint } from '../../shared/protocol/push-types';
import { oneOffDue } from '../push/schedule';
import type { PushSubscriber, ReminderKind, Store } from '../store/store';
import { deviceActiveSince } from './auth';
import { errorName, type Log } from './log';

/** What the routes call; none of these ever throws: the event itself already happened. */
export interface PushEvents {
  /**
   * The claimant sent an item: every push subscription of the adviser's
   * devices (one waiting at a time). Each computer's subscriptions get that
   * computer's hint, if the phone sent one for its key, and no other.
   * `subscribers`, when given, are the adviser's (already limited to
   * computers still in use); otherwise they are looked up.
   */
  newItem(adviserId: string, item?: NewItem, subscribers?: PushSubscriber[]): Promise<void>;
  /** The adviser replied: the claimant's subscriptions with replies on (one waiting at a time). */
  reply(connectionId: string): Promise<void>;
  /** The claimant stopped sharing: the adviser's devices. Call before the connection is stopped. */
  stopped(adviserId: string): Promise<void>;
}

/** The item a new-item push is about, with the phone's hints (already checked for shape by the route's schema). */
export interface NewItem {
  connectionId: string;
  itemId: string;
  hints?: ItemHint[] | undefined;
}

export function pushEvents(deps: { store: Store; now: () => Date; deviceIdleDays: number; wake?: (() => void) | undefined; log: Log }): PushEvents {
  const { store, now, log } = deps;
  /** The adviser's subscribers on computers whose credential still works (an idle one gets nothing). */
  const adviserSubscribers = (adviserId: string) => store.listAdviserSubscribers(adviserId, { deviceActiveSince: deviceActiveSince(deps) });

  async function add(subscribers: PushSubscriber[], kind: ReminderKind, coalesce: boolean, hintFor?: (s: PushSubscriber) => PushHint | null): Promise<void> {
    if (subscribers.length === 0) return;
    const at = now();
    const added = await store.addReminders(
      subscribers.map((s) => ({ subscriberId: s.id, kind, dueAt: oneOffDue(kind, s.quiet, at).toISOString(), hint: hintFor?.(s) ?? null })),
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
    newItem: (adviserId, item, listed) =>
      quietly('new-item', async () => {
        // `listed`: the subscribers the send's own statement read (addItem's adviserSubscribersSince).
        const subscribers = listed ?? (await adviserSubscribers(adviserId));
        if (!item?.hints?.length || subscribers.length === 0) return add(subscribers, 'adviser-new-item', true);
        // A hint counts only for a computer of this adviser (found by its key); any other is dropped.
        const byKey = new Map(item.hints.map((h) => [h.key, h.hint]));
        const hintByDevice = new Map<string, string>();
        for (const device of await store.listDevices(adviserId)) {
          const hint = byKey.get(device.publicKey);
          if (hint !== undefined) hintByDevice.set(device.id, hint);
        }
        return add(subscribers, 'adviser-new-item', true, (s) => {
          const hint = s.adviserDeviceId === null ? undefined : hintByDevice.get(s.adviserDeviceId);
          return hint === undefined ? null : { connectionId: item.connectionId, itemId: item.itemId, hint };
        });
      }),
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
