// The push reminder routes (src/shared/protocol/push-types.ts): the VAPID
// key, subscribing (with a sharing or adviser credential when there is one,
// which re-syncing and deleting then need again; a phone not connected to an
// adviser subscribes with none, for its own deadline and journal reminders,
// and only its s_ credential governs that subscriber), preferences, snooze
// and the recent list. Reminders only hold
// the kind, an opaque ref chosen by the device and, for deadlines, the
// deadline id and date: never names, labels or connection ids.
import type { IncomingMessage } from 'node:http';
import type { Preferences, PushOwner, RecentReminder, SubscribeResponse, VapidKey } from '../../../shared/protocol/push-types';
import { DEFAULT_POLICY, type EndpointPolicy } from '../../push/endpoint-policy';
import { daysLeft, deadlineReminders, journalDue, snoozeDue } from '../../push/schedule';
import type { PushSubscriber, Reminder } from '../../store/store';
import { hashSecret, newToken, refuseIdle, requireSubscriber } from '../auth';
import { readJsonBody } from '../body';
import { route, type PushOptions, type RelayDeps } from '../context';
import { badRequest, forbidden, notFound, unauthorized } from '../errors';
import { preferencesSchema, pushOwnerSchema, resyncRequestSchema, snoozeRequestSchema, subscribeRequestSchema } from '../push-schemas';
import { parse, sendJson } from '../respond';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RECENT_DAYS = 7;

/** The schemas for one endpoint policy, made once per policy. */
const schemaCache = new WeakMap<EndpointPolicy, { subscribe: ReturnType<typeof subscribeRequestSchema>; resync: ReturnType<typeof resyncRequestSchema> }>();
function schemas(push: PushOptions) {
  const policy = push.endpoints ?? DEFAULT_POLICY;
  let made = schemaCache.get(policy);
  if (!made) {
    made = { subscribe: subscribeRequestSchema(policy), resync: resyncRequestSchema(policy) };
    schemaCache.set(policy, made);
  }
  return made;
}

/** The relay's push options; 404 when reminders are not set up. */
function pushOf(deps: RelayDeps): PushOptions {
  if (!deps.push) throw notFound('Reminders are not set up on this relay.');
  return deps.push;
}

/** The subscriber of the request's s_ credential, with its own rate limit. */
async function subscriber(req: IncomingMessage, deps: RelayDeps): Promise<PushSubscriber> {
  const { limit, limits } = deps;
  const found = await requireSubscriber(req, deps);
  await limit(`push-subscriber:${found.id}`, limits.pushPerSubscriber);
  return found;
}

type Link = { connectionId: string; adviserDeviceId: null } | { connectionId: null; adviserDeviceId: string } | { connectionId: null; adviserDeviceId: null };

/** Whose device it is: the claimant's or adviser's credential given in the body (at most one; none: a phone on its own); 401/403 for a wrong one. */
async function ownerOf(deps: RelayDeps, body: PushOwner): Promise<Link> {
  const { store } = deps;
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
    // An idle-expired credential links nothing (as on every other route); using it here does not renew it.
    refuseIdle(owner, deps);
    return { connectionId: null, adviserDeviceId: owner.deviceId };
  }
  return { connectionId: null, adviserDeviceId: null };
}

/** A subscriber made with a sharing or adviser credential. */
const hasOwner = (me: PushSubscriber) => me.connectionId !== null || me.adviserDeviceId !== null;

/** Refuses unless `body` holds the credential the subscriber was made with. */
async function checkOwner(me: PushSubscriber, deps: RelayDeps, body: PushOwner): Promise<void> {
  if (body.claimantToken === undefined && body.adviserToken === undefined)
    throw unauthorized('These reminders were turned on with a sharing or adviser credential: send it again.');
  const link = await ownerOf(deps, body);
  if (link.connectionId !== me.connectionId || link.adviserDeviceId !== me.adviserDeviceId) {
    throw forbidden('That credential is not the one these reminders were turned on with.');
  }
}

function recent(reminder: Reminder): RecentReminder {
  const out: RecentReminder = { id: reminder.id, kind: reminder.kind, sentAt: reminder.sentAt ?? reminder.dueAt };
  if (reminder.kind === 'deadline' && reminder.deadlineId !== null && reminder.deadlineDate !== null) {
    out.deadline = { id: reminder.deadlineId, daysLeft: daysLeft(reminder.deadlineDate, new Date(out.sentAt)) };
  }
  if (reminder.ref !== null) out.ref = reminder.ref;
  return out;
}

export const pushRoutes = [
  route('GET', '/api/push/key', async ({ res }, deps) => {
    const response: VapidKey = { publicKey: pushOf(deps).publicKey };
    sendJson(res, 200, response);
  }),

  route('POST', '/api/push/subscribers', async ({ req, res, ip }, deps) => {
    const { store, now, limit, limits } = deps;
    await limit(`push-subscribe-ip:${ip}`, limits.invitePerIp);
    const push = pushOf(deps);
    const body = parse(schemas(push).subscribe, await readJsonBody(req));
    const link = await ownerOf(deps, body);
    const subscriberToken = newToken('s_');
    const { endpoint, keys } = body.subscription;
    await store.createSubscriber({ tokenHash: hashSecret(subscriberToken), endpoint, p256dh: keys.p256dh, auth: keys.auth, ...link, now: now().toISOString() });
    const response: SubscribeResponse = { subscriberToken };
    sendJson(res, 201, response);
  }),

  route('PUT', '/api/push/subscription', async ({ req, res }, deps) => {
    const body = parse(schemas(pushOf(deps)).resync, await readJsonBody(req));
    const me = await subscriber(req, deps);
    if (hasOwner(me)) await checkOwner(me, deps, body);
    const { endpoint, keys } = body.subscription;
    if (!(await deps.store.resyncSubscriber(me.id, { endpoint, p256dh: keys.p256dh, auth: keys.auth }, deps.now().toISOString()))) throw unauthorized();
    sendJson(res, 204, undefined);
  }),

  route('DELETE', '/api/push/subscription', async ({ req, res }, deps) => {
    const me = await subscriber(req, deps);
    // A phone on its own (or a subscriber from before owners were kept) has none: its s_ credential is all there is.
    if (hasOwner(me)) await checkOwner(me, deps, parse(pushOwnerSchema, await readJsonBody(req)));
    await deps.store.deleteSubscriber(me.id);
    sendJson(res, 204, undefined);
  }),

  route('PUT', '/api/push/preferences', async ({ req, res }, deps) => {
    const { store, now } = deps;
    const me = await subscriber(req, deps);
    const body = parse(preferencesSchema, await readJsonBody(req));
    const at = now();
    const updated = await store.updatePreferences(me.id, { replies: body.replies, quiet: body.quiet, journal: body.journal }, at.toISOString());
    if (!updated) throw unauthorized();
    await store.replaceDeadlineReminders(me.id, deadlineReminders(me.id, body.deadlines, body.quiet, at));
    const journal = journalDue(body.journal, body.quiet, at);
    await store.setJournalReminder(me.id, journal === null ? null : journal.toISOString());
    const response: Preferences = { replies: body.replies, journal: body.journal, quiet: body.quiet, deadlines: body.deadlines };
    sendJson(res, 200, response);
  }),

  route('POST', '/api/push/snooze', async ({ req, res }, deps) => {
    const { store, now } = deps;
    const me = await subscriber(req, deps);
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
  }),

  route('GET', '/api/push/recent', async ({ req, res }, deps) => {
    const me = await subscriber(req, deps);
    const since = new Date(deps.now().getTime() - RECENT_DAYS * DAY_MS).toISOString();
    const response: RecentReminder[] = (await deps.store.listRecentReminders(me.id, since)).map(recent);
    sendJson(res, 200, response);
  }),
];
