import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { LANGUAGES, matchLanguage } from '../../../src/client/initial/i18n/languages';
import { formatDate } from '../../../src/client/initial/i18n/format';

describe('languages', () => {
  it('follows the browser language when we have it, else English', () => {
    expect(matchLanguage(['cy-GB', 'en-GB'])).toBe('cy');
    expect(matchLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(matchLanguage(['xx'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('lists exactly the languages that have a locale folder', () => {
    const folders = readdirSync('locales', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(LANGUAGES.map((language) => language.code).sort()).toEqual(folders);
  });

  it('writes dates out in the reader’s language', () => {
    expect(formatDate('2026-12-03', 'en')).toMatch(/^Thursday,? 3 December 2026$/);
    expect(formatDate('2026-12-03', 'cy', false)).toBe('3 Rhagfyr 2026');
  });
});
