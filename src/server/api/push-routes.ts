// The push reminder routes (src/shared/protocol/push-types.ts) and the hooks that
// make one-off reminders when something happens on a connection. Reminders
// only hold the kind, an opaque ref chosen by the device and, for deadlines,
// the deadline id and date: never names, labels or connection ids.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Preferences, RecentReminder, SubscribeResponse, VapidKey } from '../../shared/protocol/push-types';
import type { PushSubscriber, Reminder, ReminderKind, Store } from '../store/store';
import { daysLeft, deadlineReminders, journalDue, oneOffDue, snoozeDue } from '../push/schedule';
import { hashSecret, newToken, requireSubscriber } from './auth';
import { readJsonBody } from './body';
import { badRequest, forbidden, notFound, unauthorized } from './errors';
import { preferencesSchema, resyncRequestSchema, snoozeRequestSchema, subscribeRequestSchema } from './push-schemas';
import type { Rate, RateLimits } from './rate-limit';
import { parse, sendJson } from './respond';
import type { Router } from './routes';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RECENT_DAYS = 7;

export interface PushOptions {
  /** The VAPID public key (base64url) the browsers subscribe with. */
  publicKey: string;
  /** Tests only: also accept http://127.0.0.1 push endpoints. */
  allowLoopbackEndpoints?: boolean;
  /** Called when a reminder was added that is due now (the sender may wake up early). */
  wake?: () => void;
}

interface PushDeps {
  store: Store;
  push: PushOptions | undefined;
  now: () => Date;
  limits: RateLimits;
  limit: (key: string, rate: Rate) => void;
}

type Ctx = { req: IncomingMessage; res: ServerResponse; ip: string };

function notSetUp(): never {
  throw notFound('Reminders are not set up on this relay.');
}

function recent(reminder: Reminder): RecentReminder {
  const out: RecentReminder = { id: reminder.id, kind: reminder.kind, sentAt: reminder.sentAt ?? reminder.dueAt };
  if (reminder.kind === 'deadline' && reminder.deadlineId !== null && reminder.deadlineDate !== null) {
    out.deadline = { id: reminder.deadlineId, daysLeft: daysLeft(reminder.deadlineDate, new Date(out.sentAt)) };
  }
  if (reminder.ref !== null) out.ref = reminder.ref;
  return out;
}

export function addPushRoutes<C extends Ctx>(router: Router<C>, deps: PushDeps): Router<C> {
  const { store, push, now, limits, limit } = deps;
  const allowLoopback = push?.allowLoopbackEndpoints === true;
  const subscribeSchema = subscribeRequestSchema(allowLoopback);
  const resyncSchema = resyncRequestSchema(allowLoopback);

  /** The subscriber, with its own rate limit. */
  async function subscriber(req: IncomingMessage): Promise<PushSubscriber> {
    const found = await requireSubscriber(req, store);
    limit(`push-subscriber:${found.id}`, limits.pushPerSubscriber);
    return found;
  }

  /** A credential given to link a subscription: must be the kind it claims to be. */
  async function linkOf(body: { claimantToken?: string | undefined; adviserToken?: string | undefined }) {
    if (body.claimantToken !== undefined && body.adviserToken !== undefined) throw badRequest('Give claimantToken or adviserToken, not both.');
    if (body.claimantToken !== undefined) {
      const owner = await store.findCredential(hashSecret(body.claimantToken));
      if (!owner) throw unauthorized('That sharing credential is not recognised (sharing may have stopped).');
      if (owner.kind !== 'claimant') throw forbidden('That is not a sharing credential.');
      return { connectionId: owner.connectionId, adviserDeviceId: null };
    }
    if (body.adviserToken !== undefined) {
      const owner = await store.findCredential(hashSecret(body.adviserToken));
      if (!owner) throw unauthorized('That adviser credential is not recognised.');
      if (owner.kind !== 'adviser') throw forbidden('That is not an adviser credential.');
      return { connectionId: null, adviserDeviceId: owner.deviceId };
    }
    return { connectionId: null, adviserDeviceId: null };
  }

  return router
    .add('GET', '/api/push/key', async ({ res }) => {
      if (!push) notSetUp();
      const response: VapidKey = { publicKey: push.publicKey };
      sendJson(res, 200, response);
    })
    .add('POST', '/api/push/subscribers', async ({ req, res, ip }) => {
      limit(`push-subscribe-ip:${ip}`, limits.invitePerIp);
      if (!push) notSetUp();
      const body = parse(subscribeSchema, await readJsonBody(req));
      const link = await linkOf(body);
      const subscriberToken = newToken('s_');
      const { endpoint, keys } = body.subscription;
      await store.createSubscriber({ tokenHash: hashSecret(subscriberToken), endpoint, p256dh: keys.p256dh, auth: keys.auth, ...link, now: now().toISOString() });
      const response: SubscribeResponse = { subscriberToken };
      sendJson(res, 201, response);
    })
    .add('PUT', '/api/push/subscription', async ({ req, res }) => {
      const me = await subscriber(req);
      const body = parse(resyncSchema, await readJsonBody(req));
      const { endpoint, keys } = body.subscription;
      if (!(await store.resyncSubscriber(me.id, { endpoint, p256dh: keys.p256dh, auth: keys.auth }, now().toISOString()))) throw unauthorized();
      sendJson(res, 204, undefined);
    })
    .add('DELETE', '/api/push/subscription', async ({ req, res }) => {
      const me = await subscriber(req);
      await store.deleteSubscriber(me.id);
      sendJson(res, 204, undefined);
    })
    .add('PUT', '/api/push/preferences', async ({ req, res }) => {
      const me = await subscriber(req);
      const body = parse(preferencesSchema, await readJsonBody(req));
      const at = now();
      const updated = await store.updatePreferences(me.id, { replies: body.replies, quiet: body.quiet, journal: body.journal }, at.toISOString());
      if (!updated) throw unauthorized();
      await store.replaceDeadlineReminders(me.id, deadlineReminders(me.id, body.deadlines, body.quiet, at));
      const journal = journalDue(body.journal, body.quiet, at);
      await store.setJournalReminder(me.id, journal === null ? null : journal.toISOString());
      const response: Preferences = { replies: body.replies, journal: body.journal, quiet: body.quiet, deadlines: body.deadlines };
      sendJson(res, 200, response);
    })
    .add('POST', '/api/push/snooze', async ({ req, res }) => {
      const me = await subscriber(req);
      const body = parse(snoozeRequestSchema, await readJsonBody(req));
      const original = await store.getReminder(body.reminderId, me.id);
      if (!original) throw notFound('There is no such reminder.');
      const dueAt = snoozeDue(body.until, original.kind, me.quiet, now()).toISOString();
      const [copy] = await store.addReminders([
        {
          subscriberId: me.id,
          kind: original.kind,
          dueAt,
          ref: original.ref,
          deadlineId: original.deadlineId,
          deadlineDate: original.deadlineDate,
          snoozed: true,
        },
      ]);
      if (!copy) throw unauthorized();
      sendJson(res, 201, { dueAt: copy.dueAt });
    })
    .add('GET', '/api/push/recent', async ({ req, res }) => {
      const me = await subscriber(req);
      const since = new Date(now().getTime() - RECENT_DAYS * DAY_MS).toISOString();
      const response: RecentReminder[] = (await store.listRecentReminders(me.id, since)).map(recent);
      sendJson(res, 200, response);
    });
}

/** One-off reminders for events on connections. Failures are the caller's to log: the event itself already happened. */
export function pushHooks(deps: { store: Store; now: () => Date; wake?: (() => void) | undefined }) {
  const { store, now } = deps;

  async function add(subscribers: PushSubscriber[], kind: ReminderKind, coalesce: boolean): Promise<number> {
    if (subscribers.length === 0) return 0;
    const at = now();
    const added = await store.addReminders(
      subscribers.map((s) => ({ subscriberId: s.id, kind, dueAt: oneOffDue(kind, s.quiet, at).toISOString() })),
      { coalesce },
    );
    if (added.some((r) => Date.parse(r.dueAt) <= at.getTime())) deps.wake?.();
    return added.length;
  }

  return {
    /** The claimant sent an item: every push subscription of the adviser's devices (one waiting at a time). */
    async newItem(adviserId: string): Promise<number> {
      return add(await store.listAdviserSubscribers(adviserId), 'adviser-new-item', true);
    },
    /** The adviser replied: the claimant's subscriptions with replies on (one waiting at a time). */
    async reply(connectionId: string): Promise<number> {
      const subscribers = (await store.listConnectionSubscribers(connectionId)).filter((s) => s.replies);
      return add(subscribers, 'reply', true);
    },
    /** The claimant stopped sharing: the adviser's devices. Call before the connection is stopped. */
    async stopped(adviserId: string): Promise<number> {
      return add(await store.listAdviserSubscribers(adviserId), 'adviser-stopped', false);
    },
  };
}
