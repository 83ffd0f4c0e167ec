// Renewing an adviser computer's credential (services/computer-token.ts), every
// branch: not due, renewed, refused, no answer, and a crash or lost answer
// between the relay's change and this computer's write.
import { describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../src/client/services/api-client';
import {
  keepCredentialFresh,
  makeDeviceToken,
  RENEW_AFTER_DAYS,
  type CredentialRelay,
  type CredentialState,
  type CredentialStore,
} from '../../../src/client/services/computer-token';

const DAY = 24 * 60 * 60 * 1000;
const ISSUED = '2026-01-01T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(ISSUED) + days * DAY);
const OLD = `a_${'o'.repeat(43)}`;
const NEXT = `a_${'n'.repeat(43)}`;

/** A store in memory that keeps every write, and can fail one (a crash). */
function memoryStore(initial: CredentialState | undefined) {
  let state = initial;
  const writes: CredentialState[] = [];
  let failOnWrite: number | null = null;
  const store: CredentialStore = {
    read: async () => state,
    write: async (next) => {
      if (failOnWrite === writes.length) throw new Error('crashed');
      writes.push(next);
      state = next;
    },
  };
  return {
    store,
    writes,
    get state() {
      return state;
    },
    crashOnWrite(n: number) {
      failOnWrite = n;
    },
  };
}

/** A relay that holds one credential for this computer, like the real route: renewing revokes the old one at once. */
function fakeRelay(current: string) {
  const relay = {
    current,
    down: false,
    calls: [] as string[],
    renew: vi.fn(async (token: string, next: string) => {
      relay.calls.push(`renew ${token.slice(0, 3)}`);
      if (relay.down) throw new ApiFailure(0, 'offline', 'No signal.');
      if (token !== relay.current) throw new ApiFailure(401, 'unauthorized', 'Sign in again.');
      relay.current = next;
      return { deviceToken: next };
    }),
    check: vi.fn(async (token: string) => {
      relay.calls.push(`check ${token.slice(0, 3)}`);
      if (relay.down) throw new ApiFailure(0, 'offline', 'No signal.');
      if (token !== relay.current) throw new ApiFailure(401, 'unauthorized', 'Sign in again.');
      return {};
    }),
  } satisfies CredentialRelay & Record<string, unknown>;
  return relay;
}

const options = (days: number) => ({ now: () => at(days), makeToken: () => NEXT });

describe('keeping the computer credential fresh', () => {
  it('does nothing when the computer is not set up', async () => {
    const relay = fakeRelay(OLD);
    expect(await keepCredentialFresh(memoryStore(undefined).store, relay, options(100))).toEqual({ outcome: 'none' });
    expect(relay.calls).toEqual([]);
  });

  it('leaves a fresh credential alone, without asking the relay', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    const relay = fakeRelay(OLD);
    expect(await keepCredentialFresh(memory.store, relay, options(RENEW_AFTER_DAYS - 1))).toEqual({ outcome: 'fresh' });
    expect(relay.calls).toEqual([]);
    expect(memory.writes).toEqual([]);
  });

  it('renews an old credential: the new one is kept as pending before the relay is asked, then made current', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    const relay = fakeRelay(OLD);
    expect(await keepCredentialFresh(memory.store, relay, options(RENEW_AFTER_DAYS))).toEqual({ outcome: 'renewed', deviceToken: NEXT });
    expect(relay.renew).toHaveBeenCalledWith(OLD, NEXT);
    expect(memory.writes).toEqual([
      { deviceToken: OLD, tokenIssuedAt: ISSUED, pendingToken: NEXT },
      { deviceToken: NEXT, tokenIssuedAt: at(RENEW_AFTER_DAYS).toISOString() },
    ]);
    expect(relay.current).toBe(NEXT);
    // Fresh again: nothing more until it is old.
    expect(await keepCredentialFresh(memory.store, relay, options(RENEW_AFTER_DAYS + 1))).toEqual({ outcome: 'fresh' });
  });

  it('a relay refusal (removed computer, 401/403/404/400/409) keeps the old credential, drops the pending one and throws nothing', async () => {
    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [400, 'bad_request'],
      [409, 'conflict'],
    ] as const) {
      const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
      const relay: CredentialRelay = {
        renew: async () => {
          throw new ApiFailure(status, code, 'No.');
        },
        check: async () => ({}),
      };
      expect(await keepCredentialFresh(memory.store, relay, options(40)), String(status)).toEqual({ outcome: 'refused' });
      expect(memory.state).toEqual({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    }
  });

  it('no answer (no signal, 429, 5xx) keeps the old credential and the pending one; the next start finishes or drops it', async () => {
    for (const failure of [
      new ApiFailure(0, 'offline', 'No signal.'),
      new ApiFailure(429, 'too_many_requests', 'Wait.', 30),
      new ApiFailure(503, 'server_error', 'Busy.'),
    ]) {
      const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
      const relay: CredentialRelay = {
        renew: async () => {
          throw failure;
        },
        check: async () => ({}),
      };
      expect(await keepCredentialFresh(memory.store, relay, options(40))).toEqual({ outcome: 'later' });
      expect(memory.state).toEqual({ deviceToken: OLD, tokenIssuedAt: ISSUED, pendingToken: NEXT });
    }

    // The request never reached the relay: at the next start the relay does not know the pending one (401), so it is dropped and the renewal runs again.
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED, pendingToken: `a_${'x'.repeat(43)}` });
    const relay = fakeRelay(OLD);
    expect(await keepCredentialFresh(memory.store, relay, options(41))).toEqual({ outcome: 'renewed', deviceToken: NEXT });
    expect(relay.calls).toEqual(['check a_x', 'renew a_o']);
    expect(memory.state).toEqual({ deviceToken: NEXT, tokenIssuedAt: at(41).toISOString() });
  });

  it('the pending credential cannot be checked (still no signal): nothing changes, tried again later', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED, pendingToken: NEXT });
    const relay = fakeRelay(NEXT);
    relay.down = true;
    expect(await keepCredentialFresh(memory.store, relay, options(41))).toEqual({ outcome: 'later' });
    expect(memory.writes).toEqual([]);
    expect(relay.renew).not.toHaveBeenCalled();
  });

  it('a crash between the relay’s change and this computer’s write cannot lock the computer out', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    const relay = fakeRelay(OLD);
    memory.crashOnWrite(1); // the write after the relay answered
    await expect(keepCredentialFresh(memory.store, relay, options(40))).rejects.toThrow('crashed');
    // The relay has moved on; the old credential is dead there, and the new one is on this computer as pending.
    expect(relay.current).toBe(NEXT);
    expect(memory.state).toEqual({ deviceToken: OLD, tokenIssuedAt: ISSUED, pendingToken: NEXT });
    memory.crashOnWrite(-1);
    // The next start tries the pending one first, and the relay knows it.
    expect(await keepCredentialFresh(memory.store, relay, options(40))).toEqual({ outcome: 'recovered', deviceToken: NEXT });
    expect(memory.state).toEqual({ deviceToken: NEXT, tokenIssuedAt: at(40).toISOString() });
    expect(relay.renew).toHaveBeenCalledTimes(1);
  });

  it('a crash before the pending credential is kept asks the relay nothing', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    const relay = fakeRelay(OLD);
    memory.crashOnWrite(0);
    await expect(keepCredentialFresh(memory.store, relay, options(40))).rejects.toThrow('crashed');
    expect(relay.calls).toEqual([]);
    expect(relay.current).toBe(OLD);
  });

  it('runs under the lock (one tab at a time) and reads the credential inside it', async () => {
    const memory = memoryStore({ deviceToken: OLD, tokenIssuedAt: ISSUED });
    const relay = fakeRelay(OLD);
    const order: string[] = [];
    const lock = async <T>(work: () => Promise<T>) => {
      order.push('locked');
      // Another tab renewed while this one waited.
      await memory.store.write({ deviceToken: NEXT, tokenIssuedAt: at(40).toISOString() });
      relay.current = NEXT;
      const result = await work();
      order.push('released');
      return result;
    };
    expect(await keepCredentialFresh(memory.store, relay, { ...options(40), lock })).toEqual({ outcome: 'fresh' });
    expect(order).toEqual(['locked', 'released']);
    expect(relay.calls).toEqual([]);
  });

  it('makes credentials the relay takes: a_ and 32 random bytes', () => {
    const one = makeDeviceToken();
    expect(one).toMatch(/^a_[A-Za-z0-9_-]{43}$/);
    expect(makeDeviceToken()).not.toBe(one);
  });
});
