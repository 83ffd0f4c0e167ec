import { describe, expect, it } from 'vitest';
import { runRetention } from '../../../src/server/retention';
import type { Store } from '../../../src/server/store/store';

describe('retention', () => {
  it('deletes items 30 days after they were seen and any item after 90 days, by default settings', async () => {
    const calls: { seenBefore: string; createdBefore: string }[] = [];
    const store = { deleteExpired: async (input: (typeof calls)[number]) => (calls.push(input), 3) } as unknown as Store;
    const deleted = await runRetention(store, { retentionSeenDays: 30, retentionMaxDays: 90 }, new Date('2026-11-25T12:00:00Z'));
    expect(deleted).toBe(3);
    expect(calls).toEqual([{ seenBefore: '2026-10-26T12:00:00.000Z', createdBefore: '2026-08-27T12:00:00.000Z' }]);
  });

  it('follows the configured days', async () => {
    const calls: { seenBefore: string; createdBefore: string }[] = [];
    const store = { deleteExpired: async (input: (typeof calls)[number]) => (calls.push(input), 0) } as unknown as Store;
    await runRetention(store, { retentionSeenDays: 7, retentionMaxDays: 14 }, new Date('2026-11-25T00:00:00Z'));
    expect(calls[0]).toEqual({ seenBefore: '2026-11-18T00:00:00.000Z', createdBefore: '2026-11-11T00:00:00.000Z' });
  });
});
