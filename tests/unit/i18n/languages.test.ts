import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { LANGUAGES, isFirstDraft, matchLanguage } from '../../../src/client/initial/i18n/languages';
import { writeDate, type DateWords } from '../../../src/client/initial/i18n/format';

const dateWords = (code: string) => (JSON.parse(readFileSync(`locales/${code}/common.json`, 'utf8')) as { date: DateWords }).date;

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
    expect(writeDate('2026-12-03', dateWords('en'))).toBe('Thursday 3 December 2026');
    expect(writeDate('2026-12-03', dateWords('cy'), false)).toBe('3 Rhagfyr 2026');
    expect(writeDate('2026-12-03', dateWords('fa'))).toBe('پنجشنبه 3 دسامبر 2026');
    expect(writeDate('2026-02-30', dateWords('en'))).toBe('2026-02-30');
  });

  it('shows the first-draft note only for namespaces no fluent reader has checked', () => {
    expect(isFirstDraft('en', ['common', 'explain', 'notices', 'helpers', 'forward', 'reminders'])).toBe(false);
    expect(isFirstDraft('cy', ['common', 'helpers'])).toBe(false);
    expect(isFirstDraft('cy', ['common', 'explain', 'notices'])).toBe(true);
    expect(isFirstDraft('pl', ['common'])).toBe(true);
    expect(isFirstDraft('xx', ['common'])).toBe(true);
  });
});
