import { useEffect, useRef } from 'preact/hooks';

/**
 * Runs `task` now and every `everyMs` while the page is open and visible,
 * and again as soon as it becomes visible. Never runs two at once.
 */
export function usePoll(task: () => Promise<void>, everyMs: number): void {
  const latest = useRef(task);
  latest.current = task;
  useEffect(() => {
    let running = false;
    let stopped = false;
    const run = async () => {
      if (running || stopped || document.visibilityState === 'hidden') return;
      running = true;
      try {
        await latest.current();
      } finally {
        running = false;
      }
    };
    void run();
    const timer = setInterval(() => void run(), everyMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [everyMs]);
}
