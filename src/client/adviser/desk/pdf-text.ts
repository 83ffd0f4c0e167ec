// The words of one PDF page from pdfjs's text items. Pure, for unit tests.

/** A text item as pdfjs gives it (marked-content items have no `str`). */
export interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

export function textOfPage(items: readonly PdfTextItem[] | readonly object[]): string {
  let text = '';
  for (const item of items as readonly PdfTextItem[]) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    text += item.hasEOL ? '\n' : item.str && !item.str.endsWith(' ') ? ' ' : '';
  }
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Enough letters to be a text layer rather than a scan with a stray page number. */
export function hasWords(text: string): boolean {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 5;
}
