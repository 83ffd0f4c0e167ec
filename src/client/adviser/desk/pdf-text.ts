// PDFs in pure functions (unit-tested): is an item one, and the words of a page from pdfjs's text items.

/** By its type, or by its name when the type is missing. */
export const isPdf = (file: { mime?: string | undefined; name?: string | undefined }): boolean => file.mime === 'application/pdf' || /\.pdf$/i.test(file.name ?? '');

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
