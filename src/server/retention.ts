// Retention: items go some days after they were seen, and all items go after
// a maximum age, seen or not. The same pass purges what is finished with:
// expired invites, old device codes, sent or failed reminders, and computers
// unused for DEVICE_IDLE_DAYS; then, when anything was deleted (here or by
// "stop sharing" since the last pass), the store reclaims the space so the
// deleted rows are gone from its files too.
import type { Config } from './config';
import { RECLAIM_NEEDED } from './store/connections';
import type { Store } from './store/store';

const DAY = 24 * 60 * 60 * 1000;
/** Expired invites stay this long, so a late look-up hears "expired" rather than "not found". */
export const INVITE_GRACE_DAYS = 7;
/** Device codes live 10 minutes; their rows go after a day. */
export const DEVICE_REQUEST_DAYS = 1;
/** Sent reminders are listed for 7 days (push/recent); they go after 8. */
export const FINISHED_REMINDER_DAYS = 8;

export interface RetentionResult {
  items: number;
  invites: number;
  deviceRequests: number;
  reminders: number;
  devices: number;
}

export async function runRetention(
  store: Store,
  config: Pick<Config, 'retentionSeenDays' | 'retentionMaxDays'> & Partial<Pick<Config, 'deviceIdleDays'>>,
  now = new Date(),
  options: { reclaim?: boolean } = {},
): Promise<RetentionResult> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const result: RetentionResult = {
    items: await store.deleteExpired({ seenBefore: ago(config.retentionSeenDays), createdBefore: ago(config.retentionMaxDays) }),
    invites: await store.purgeInvites(ago(INVITE_GRACE_DAYS)),
    deviceRequests: await store.purgeDeviceRequests(ago(DEVICE_REQUEST_DAYS)),
    reminders: await store.purgeFinishedReminders(ago(FINISHED_REMINDER_DAYS)),
    devices: config.deviceIdleDays === undefined ? 0 : await store.purgeIdleDevices(ago(config.deviceIdleDays)),
  };
  const deleted = Object.values(result).some((n) => n > 0);
  if (deleted || options.reclaim === true || (await store.getSetting(RECLAIM_NEEDED)) === '1') {
    await store.setSetting(RECLAIM_NEEDED, '0');
    await store.reclaimSpace();
  }
  return result;
}
