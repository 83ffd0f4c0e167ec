// The OCR engine's size in the download note: Latin digits in every language
// (as every number the app shows), each language's decimal mark.
import { describe, expect, it } from 'vitest';
import { megabytes } from '../../../src/client/lazy/explain/megabytes';

describe('megabytes', () => {
  it('writes Latin digits in Persian, Arabic and Bengali', () => {
    for (const language of ['fa', 'ar', 'bn', 'ur']) {
      expect(megabytes(4_080_000, language, 0), language).toMatch(/^4 MB$/);
      expect(megabytes(1_360_000, language, 1), language).toMatch(/^1[.,٫]4 MB$/);
    }
  });
  it('keeps the decimal mark of the language, and never says 0 MB', () => {
    expect(megabytes(1_360_000, 'en', 1)).toBe('1.4 MB');
    expect(megabytes(1_360_000, 'pl', 1)).toBe('1,4 MB');
    expect(megabytes(200_000, 'en', 0)).toBe('1 MB');
  });
});
