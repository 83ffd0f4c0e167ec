// People on the relay for browser tests: an adviser enrolled through the
// admin CLI (with the test's own store), and what their computer keeps.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { main as admin } from '../../src/server/admin';
import type { Harness } from './harness';

/** The one-time enrolment link the admin CLI prints for a new adviser. */
export async function enrolmentLink(harness: Harness, dataDir: string, name = 'Sam Jones', org = 'Cardiff Advice'): Promise<string> {
  const store = harness.store;
  if (!store) throw new Error('Start the harness with { relay: true }.');
  const lines: string[] = [];
  // The admin CLI, with the test's store (kept open) and address.
  const keepOpen = new Proxy(store, {
    get: (target, key) => (key === 'close' ? async () => {} : Reflect.get(target, key, target)),
  });
  const code = await admin(['add-adviser', '--name', name, '--org', org], {
    loadConfig: () => ({ publicOrigin: harness.baseUrl, databaseUrl: null, dataDir }),
    openStore: async () => keepOpen,
    out: (line) => lines.push(line),
  });
  expect(code).toBe(0);
  const link = lines.map((line) => line.trim()).find((line) => line.includes('/adviser/enrol#'));
  expect(link).toBeTruthy();
  return link!;
}

/** The adviser's id, as their computer keeps it (IndexedDB "uc-adviser"). */
export async function adviserIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('uc-adviser');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('identity').objectStore('identity').getAll();
          request.onsuccess = () => resolve((request.result[0] as { adviserId: string }).adviserId);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
