// Every language has every string, with the same {{variables}} and the plural
// forms its grammar needs; English explanations stay short and plain.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../../src/client/initial/i18n/languages';
import { NOTICE_KINDS } from '../../../src/shared/notices/types';

type Json = string | Json[] | { [key: string]: Json };

const LOCALES = 'locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;
const namespaces = readdirSync(join(LOCALES, 'en'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -5));
// The adviser's inbox is for advice workers, who work in English: not translated.
const ENGLISH_ONLY = new Set(['adviser']);
const translated = namespaces.filter((ns) => !ENGLISH_ONLY.has(ns));

function load(lng: string, ns: string): Json {
  return JSON.parse(readFileSync(join(LOCALES, lng, `${ns}.json`), 'utf8')) as Json;
}

/** Flattens to "a.b.0" → string. */
function flatten(value: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}.${i}`, out));
  else for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

const withoutPlural = (key: string) => key.replace(PLURAL, '');
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
// Arabic says one and two in the noun itself ("بقي يوم واحد", "بقي يومان"), so
// those forms (and zero) may leave out the numeral; every other variable stays.
const mayDropCount = (lng: string, key: string) => lng === 'ar' && /_(zero|one|two)$/.test(key);

describe.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))('locale %s', (lng) => {
  it.each(translated)('%s has every English key, no extra ones, and no empty strings', (ns) => {
    const english = flatten(load('en', ns));
    const other = flatten(load(lng, ns));
    expect(new Set([...other.keys()].map(withoutPlural))).toEqual(new Set([...english.keys()].map(withoutPlural)));
    for (const [key, text] of other) expect(text.trim(), `${ns}:${key}`).not.toBe('');
  });

  it.each(translated)('%s keeps the same {{variables}}', (ns) => {
    const english = flatten(load('en', ns));
    const other = flatten(load(lng, ns));
    for (const [key, text] of other) {
      const englishKey = [...english.keys()].find((k) => withoutPlural(k) === withoutPlural(key)) ?? key;
      const drop = (names: (string | undefined)[]) => (mayDropCount(lng, key) ? names.filter((name) => name !== 'count') : names);
      expect(drop(variables(text)), `${ns}:${key}`).toEqual(drop(variables(english.get(englishKey) ?? '')));
    }
  });

  it.each(translated)('%s has every plural form the language needs', (ns) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const other = flatten(load(lng, ns));
    const bases = new Set([...flatten(load('en', ns)).keys()].filter((k) => PLURAL.test(k)).map(withoutPlural));
    for (const base of bases) for (const category of categories) expect(other.has(`${base}_${category}`), `${ns}:${base}_${category}`).toBe(true);
  });

  it.each(translated)('%s is translated, not left in English', (ns) => {
    const english = flatten(load('en', ns));
    const other = flatten(load(lng, ns));
    // Patterns with no words of their own ("{{day}} {{month}} {{year}}") may be the same.
    const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
    const same = [...other].filter(([key, text]) => text.length > 12 && hasWords(text) && english.get(key) === text).map(([key]) => key);
    expect(same).toEqual([]);
  });
});

describe('English', () => {
  const english = new Map(namespaces.flatMap((ns) => [...flatten(load('en', ns))].map(([key, text]) => [`${ns}:${key}`, text] as const)));

  it('has a title, meaning, steps and what-if-late text for every kind of notice', () => {
    for (const kind of NOTICE_KINDS) {
      expect(english.get(`notices:kinds.${kind}.title`), kind).toBeTruthy();
      expect(english.get(`notices:kinds.${kind}.what`), kind).toBeTruthy();
      expect(english.get(`notices:kinds.${kind}.ifLate`), kind).toBeTruthy();
      const meaning = [...english.keys()].filter((key) => key.startsWith(`notices:kinds.${kind}.meaning.`));
      expect(meaning.length, kind).toBeGreaterThanOrEqual(2);
      expect(meaning.length, kind).toBeLessThanOrEqual(4);
      expect(
        [...english.keys()].some((key) => key.startsWith(`notices:kinds.${kind}.steps.`)),
        kind,
      ).toBe(true);
    }
  });

  it('keeps every sentence to 25 words or fewer (reading age about 9)', () => {
    const long: string[] = [];
    for (const [key, text] of english) {
      for (const sentence of text.split(/(?<=[.!?:])\s+/)) {
        const words = sentence.split(/\s+/).filter((word) => /\w/.test(word));
        if (words.length > 25) long.push(`${key} (${words.length} words): ${sentence}`);
      }
    }
    expect(long).toEqual([]);
  });

  it('avoids jargon words we promised not to use', () => {
    const avoid = /\b(?:forthwith|hereby|aforementioned|notwithstanding|pursuant|in accordance with|thereof|whereby)\b/i;
    expect([...english].filter(([, text]) => avoid.test(text)).map(([key]) => key)).toEqual([]);
  });
});
