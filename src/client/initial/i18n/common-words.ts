// This module is in the first download: think before adding to it.
// Where the date module finds a language's `common` words: ./core.ts says,
// so format.ts (which services use too) needs no import of the i18n core.
type Lookup = (language: string, key: string) => unknown;

let lookup: Lookup = () => undefined;

export function setCommonWords(source: Lookup): void {
  lookup = source;
}

/** A `common` text (e.g. `date`, the date words) of a loaded language. */
export function commonResource(language: string, key: string): unknown {
  return lookup(language, key);
}
