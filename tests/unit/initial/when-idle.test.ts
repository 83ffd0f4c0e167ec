// whenIdle (src/client/initial/when-idle.ts), which the service worker's
// registration waits for: an idle period long enough, or at most MOST_MS in all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MOST_MS, NO_IDLE_MS, QUIET_MS, whenIdle } from '../../../src/client/initial/when-idle';

/** A stand-in requestIdleCallback: the test decides when each request runs and with what deadline. */
let requests: { callback: IdleRequestCallback; timeout: number }[] = [];
let now = 0;

function runNext(idleMs: number, didTimeout = false): void {
  const request = requests.shift();
  if (!request) throw new Error('no idle request waiting');
  request.callback({ didTimeout, timeRemaining: () => idleMs });
}

/** Whether the promise has settled, after the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('whenIdle', () => {
  beforeEach(() => {
    requests = [];
    now = 0;
    vi.stubGlobal('performance', { now: () => now });
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
      requests.push({ callback, timeout: options?.timeout ?? Infinity });
      return requests.length;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits through short idle periods and resolves at the first long one', async () => {
    const idle = whenIdle();
    runNext(5);
    now = 100;
    runNext(QUIET_MS - 1);
    expect(await settled(idle)).toBe(false);
    now = 200;
    runNext(QUIET_MS);
    expect(await settled(idle)).toBe(true);
  });

  it('asks each time only for the time that is left, so the whole wait is at most MOST_MS', async () => {
    const idle = whenIdle();
    expect(requests[0]!.timeout).toBe(MOST_MS);
    now = MOST_MS - 300;
    runNext(2);
    expect(requests[0]!.timeout).toBe(300);
    expect(await settled(idle)).toBe(false);
    now = MOST_MS;
    runNext(0, true); // the browser ran it at its timeout
    expect(await settled(idle)).toBe(true);
  });

  it('resolves once MOST_MS has passed even if the browser never says it timed out', async () => {
    const idle = whenIdle();
    now = MOST_MS + 1;
    runNext(1);
    expect(await settled(idle)).toBe(true);
  });

  it('waits NO_IDLE_MS where there is no requestIdleCallback', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    const idle = whenIdle();
    vi.advanceTimersByTime(NO_IDLE_MS - 1);
    expect(await settled(idle)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(idle)).toBe(true);
  });
});
