// Build time: which modules only the adviser's part uses. Those under
// src/client/adviser/, and any module whose importers (static and dynamic)
// are all such modules, worked out from the module graph when the build
// ends. vite.config.ts puts their chunks and files in assets/adviser/, which
// the service worker never precaches, so claimants never download them. A
// hand-kept list of them was missed twice when a new adviser-only service
// was added; the graph cannot be forgotten.
import type { Plugin } from 'vite';

const ADVISER_FOLDER = '/src/client/adviser/';

/** A module id without its query (`pdf.worker.mjs?url` is the file `pdf.worker.mjs`). */
const fileOf = (id: string) => id.replace(/\?.*$/, '');

export interface AdviserOnly extends Plugin {
  /** True for a module id only the adviser's part imports. Known once the build has ended (chunk naming comes after). */
  has(id: string): boolean;
  /**
   * True for a file brought in by URL (`…?url`, say pdfjs's worker) from a
   * module in src/client/adviser/ (path relative to the project, as in
   * `originalFileNames`). Such files are named as they are emitted, before
   * the graph is complete, so the folder decides for them.
   */
  hasFile(path: string): boolean;
}

export function adviserOnly(): AdviserOnly {
  const modules = new Set<string>();
  const files = new Set<string>();
  return {
    name: 'uc:adviser-only',
    // Before Vite's own resolver, which would otherwise answer for `?url` first.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.includes(ADVISER_FOLDER) || !/\?url$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved) files.add(fileOf(resolved.id));
      return resolved;
    },
    buildStart() {
      modules.clear();
      files.clear();
    },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      for (const id of ids) if (fileOf(id).includes(ADVISER_FOLDER)) modules.add(id);
      // Grow until nothing more joins: a module joins once every importer has.
      for (let grew = true; grew;) {
        grew = false;
        for (const id of ids) {
          if (modules.has(id)) continue;
          const info = this.getModuleInfo(id);
          if (!info || info.isEntry) continue;
          const importers = [...info.importers, ...info.dynamicImporters];
          if (importers.length > 0 && importers.every((importer) => modules.has(importer))) {
            modules.add(id);
            grew = true;
          }
        }
      }
    },
    has: (id) => modules.has(id),
    hasFile: (path) => [...files].some((file) => file === path || file.endsWith(`/${path}`)),
  };
}
