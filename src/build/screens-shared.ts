// Build time: the code several claimant screens share goes in a few chunks
// instead of one small chunk per combination of screens that imports it. A
// first visit to Explain fetched 18 scripts after the main one (most under
// 2 KB), which a phone on slow 4G gets six at a time, a round trip each:
// Lighthouse's simulation put Explain's largest paint at 2.2 to 2.5 s, most
// of it spent waiting in line for those requests.
//
// Worked out from the module graph when the build ends (as adviser-only.ts
// does): every module that two or more claimant screens (the folders under
// src/client/lazy/) import statically, leaving out what the first download
// already holds (the entry and what it imports) and what only the adviser's
// part or a Web Worker uses, joins one of four chunks by who uses it:
// - `forward`: only the forwarding screens (Connect, Send, Privacy): the
//   outbox and the device-key crypto;
// - `push`: only Reminders and its badge (push, the reminders database);
// - `relay`: the forwarding screens and Reminders (the relay client, the
//   claimant's database);
// - `screens`: the rest (forms, dates, the saved notices, the explanation),
//   which Explain, a saved notice, Write to DWP and Reminders share.
// A screen that needs a few KB it does not use saves whole round trips.
import type { Plugin } from 'vite';

const LAZY_FOLDER = '/src/client/lazy/';
const LEFT_OUT = ['/src/client/adviser/', '/src/worker/'];
const FORWARD = new Set(['connect-screen', 'send-screen', 'privacy-screen']);
const REMINDERS = new Set(['reminders-screen', 'nav-badge']);
const RELAY = new Set([...FORWARD, ...REMINDERS]);

export interface ScreensShared extends Plugin {
  /** The shared chunk a module goes in (`screens`, `relay`, `forward`, `push`), or null. Known once the build has ended. */
  chunkOf(id: string): string | null;
}

export function screensShared(isAdviserOnly: (id: string) => boolean): ScreensShared {
  const chunks = new Map<string, string>();
  return {
    name: 'uc:screens-shared',
    buildStart() {
      chunks.clear();
    },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      /** Every module `roots` import statically, short of `stop`. */
      const closure = (roots: string[], stop: Set<string>) => {
        const seen = new Set<string>();
        const queue = [...roots];
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          if (seen.has(id) || stop.has(id)) continue;
          seen.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const initial = closure(
        ids.filter((id) => this.getModuleInfo(id)?.isEntry),
        new Set(),
      );
      // The screens: modules in src/client/lazy/ that something imports with import().
      const screens = ids.filter((id) => id.includes(LAZY_FOLDER) && (this.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0);
      const usedBy = new Map<string, string[]>();
      for (const screen of screens) {
        const name = screen.replace(/.*\//, '').replace(/\.\w+$/, '');
        for (const id of closure([screen], initial)) usedBy.set(id, [...(usedBy.get(id) ?? []), name]);
      }
      for (const [id, users] of usedBy) {
        // Style sheets stay where Vite puts them: Privacy needs the forms' styles, not their code.
        if (users.length < 2 || id.endsWith('.css') || LEFT_OUT.some((folder) => id.includes(folder)) || isAdviserOnly(id)) continue;
        const only = (group: Set<string>) => users.every((user) => group.has(user));
        chunks.set(id, only(REMINDERS) ? 'push' : only(FORWARD) ? 'forward' : only(RELAY) ? 'relay' : 'screens');
      }
    },
    chunkOf: (id) => chunks.get(id) ?? null,
  };
}
