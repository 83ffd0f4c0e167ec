import { describe, expect, it } from 'vitest';
import { runRetention } from '../../../src/server/retention';
import type { Store } from '../../../src/server/store/store';

/** A store that records what retention asks of it; `deleted` is what each purge answers. */
function fakeStore(deleted = 0, reclaimNeeded = '0') {
  const calls: Record<string, unknown[]> = {};
  const record =
    (name: string, answer: unknown = deleted) =>
    async (...args: unknown[]) => {
      (calls[name] ??= []).push(args.length === 1 ? args[0] : args);
      return answer;
    };
  const store = {
    deleteExpired: record('deleteExpired'),
    purgeInvites: record('purgeInvites'),
    purgeDeviceRequests: record('purgeDeviceRequests'),
    purgeFinishedReminders: record('purgeFinishedReminders'),
    purgeIdleDevices: record('purgeIdleDevices'),
    getSetting: record('getSetting', reclaimNeeded),
    setSetting: record('setSetting', undefined),
    reclaimSpace: record('reclaimSpace', undefined),
  } as unknown as Store;
  return { store, calls };
}

describe('retention', () => {
  it('deletes items 30 days after they were seen and any item after 90 days, by default settings', async () => {
    const { store, calls } = fakeStore(3);
    const deleted = await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90 }, new Date('2026-11-25T12:00:00Z'));
    expect(deleted.items).toBe(3);
    expect(calls.deleteExpired).toEqual([{ seenBefore: '2026-10-26T12:00:00.000Z', createdBefore: '2026-08-27T12:00:00.000Z' }]);
  });

  it('follows the configured days', async () => {
    const { store, calls } = fakeStore(0);
    await runRetention(store, { retentionSeenDays: 7, retentionMaxDays: 14, deviceIdleDays: 90 }, new Date('2026-11-25T00:00:00Z'));
    expect(calls.deleteExpired?.[0]).toEqual({ seenBefore: '2026-11-18T00:00:00.000Z', createdBefore: '2026-11-11T00:00:00.000Z' });
    // Expired invites after a week's grace, device codes after a day, finished reminders after 8 days, computers after DEVICE_IDLE_DAYS.
    expect(calls.purgeInvites).toEqual(['2026-11-18T00:00:00.000Z']);
    expect(calls.purgeDeviceRequests).toEqual(['2026-11-24T00:00:00.000Z']);
    expect(calls.purgeFinishedReminders).toEqual(['2026-11-17T00:00:00.000Z']);
    expect(calls.purgeIdleDevices).toEqual(['2026-08-27T00:00:00.000Z']);
  });

  it('reclaims space only when something was deleted, here or by stop sharing since the last pass', async () => {
    const idle = fakeStore(0, '0');
    await runRetention(idle.store, { retentionSeenDays: 30, retentionMaxDays: 90 });
    expect(idle.calls.reclaimSpace).toBeUndefined();
    const purged = fakeStore(1, '0');
    await runRetention(purged.store, { retentionSeenDays: 30, retentionMaxDays: 90 });
    expect(purged.calls.reclaimSpace).toHaveLength(1);
    const stopped = fakeStore(0, '1');
    await runRetention(stopped.store, { retentionSeenDays: 30, retentionMaxDays: 90 });
    expect(stopped.calls.reclaimSpace).toHaveLength(1);
    expect(stopped.calls.setSetting).toEqual([['reclaim_needed', '0']]);
  });
});
