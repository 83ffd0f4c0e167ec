/** "4 MB", "1.2 MB": the reader's decimal mark, Latin digits (as every number in the app). */
export function megabytes(bytes: number, language: string, digits: 0 | 1): string {
  const value = bytes / 1_000_000;
  const shown = digits === 0 ? Math.max(1, Math.round(value)) : value;
  const number = new Intl.NumberFormat(`${language === 'en' ? 'en-GB' : language}-u-nu-latn`, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(shown);
  return `${number} MB`;
}
