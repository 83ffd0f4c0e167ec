// The adviser's app shows only allow-listed image types and PDF; whatever
// else a claimant's phone (or a relay) says an item is, it is only a download.
import { describe, expect, it } from 'vitest';
import { itemDisplay, noticeFileName } from '../../../src/client/adviser/format';

describe('what the adviser sees of an item’s claimed type', () => {
  it('shows PNG, JPEG, WebP and GIF as images, and PDF as a PDF', () => {
    expect(itemDisplay('image/png')).toEqual({ how: 'image', type: 'image/png' });
    expect(itemDisplay('IMAGE/JPEG')).toEqual({ how: 'image', type: 'image/jpeg' });
    expect(itemDisplay('image/webp; q=1')).toEqual({ how: 'image', type: 'image/webp' });
    expect(itemDisplay('image/gif')).toEqual({ how: 'image', type: 'image/gif' });
    expect(itemDisplay(undefined)).toEqual({ how: 'image', type: 'image/jpeg' });
    expect(itemDisplay('application/pdf')).toEqual({ how: 'pdf', type: 'application/pdf' });
  });

  it('offers anything else only as an untyped download, never rendered by this origin', () => {
    for (const mime of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'text/javascript',
      'application/octet-stream',
      'image/heic',
      'text/plain',
      '',
      'image/png, text/html',
    ]) {
      expect(itemDisplay(mime), mime).toEqual({ how: 'download', type: 'application/octet-stream' });
    }
    expect(noticeFileName('2025-03-03T10:00:00Z', 'text/html')).toBe('uc-notice-2025-03-03.bin');
    expect(noticeFileName('2025-03-03T10:00:00Z', 'image/svg+xml')).toBe('uc-notice-2025-03-03.bin');
    expect(noticeFileName('2025-03-03T10:00:00Z', 'application/pdf')).toBe('uc-notice-2025-03-03.pdf');
  });
});
