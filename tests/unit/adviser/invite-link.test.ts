import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { formatCode, inviteLink, qrSvg, qrSvgDataUrl } from '../../../src/client/adviser/invite-link.ts';
import { noticeFileName, receiptsFileName } from '../../../src/client/adviser/format.ts';
import { formatSize } from '../../../src/client/ui/format-size.ts';
import { labelError, replyError, replyLeft, tokenFromHash } from '../../../src/client/adviser/validate.ts';

describe('formatCode', () => {
  it('groups a code in threes', () => {
    expect(formatCode('K7M2QX9PD')).toBe('K7M-2QX-9PD');
  });
  it('tidies codes typed with spaces, dashes or lower case', () => {
    expect(formatCode('k7m 2qx-9pd')).toBe('K7M-2QX-9PD');
  });
  it('copes with short and empty codes', () => {
    expect(formatCode('K7M2')).toBe('K7M-2');
    expect(formatCode('')).toBe('');
  });
});

describe('inviteLink', () => {
  it('puts the code and fingerprint in the fragment, so no server sees them', () => {
    const link = inviteLink('https://uc.example.org', 'K7M2QX9PD', 'abcd1234');
    expect(link).toBe('https://uc.example.org/connect#code=K7M2QX9PD&fp=abcd1234');
    const url = new URL(link);
    expect(url.pathname).toBe('/connect');
    expect(url.search).toBe('');
    const params = new URLSearchParams(url.hash.slice(1));
    expect(params.get('code')).toBe('K7M2QX9PD');
    expect(params.get('fp')).toBe('abcd1234');
  });
  it('takes an origin with a trailing slash and a grouped code', () => {
    expect(inviteLink('http://localhost:5173/', 'k7m-2qx-9pd', 'fp')).toBe('http://localhost:5173/connect#code=K7M2QX9PD&fp=fp');
  });
  it('escapes a fingerprint with odd characters', () => {
    expect(inviteLink('https://a.b', 'K7M2QX9PD', 'a b&c')).toBe('https://a.b/connect#code=K7M2QX9PD&fp=a+b%26c');
  });
});

describe('qrSvgDataUrl', () => {
  const link = 'https://uc.example.org/connect#code=K7M2QX9PD&fp=' + 'f'.repeat(64);

  it('is an SVG data: URL an <img> can show', () => {
    const url = qrSvgDataUrl(link);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toBe(qrSvg(link));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('has no styles or scripts (the CSP forbids inline styles)', () => {
    const svg = qrSvg(link);
    expect(svg).not.toMatch(/style|script|on\w+=/i);
  });

  it('draws the same modules as the QR library, with a quiet zone', () => {
    const svg = qrSvg(link);
    const qr = qrcode(0, 'M');
    qr.addData(link, 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    let dark = 0;
    for (let r = 0; r < count; r++) for (let c = 0; c < count; c++) if (qr.isDark(r, c)) dark++;
    expect(svg.match(/h1v1h-1z/g)?.length).toBe(dark);
    expect(svg).toContain(`viewBox="0 0 ${count + 8} ${count + 8}"`);
    // The top-left finder pattern starts just inside the quiet zone.
    expect(svg).toContain('M4 4h1v1h-1z');
  });

  it('differs for different links', () => {
    expect(qrSvg('https://a.example/connect#code=AAA')).not.toBe(qrSvg('https://a.example/connect#code=BBB'));
  });
});

describe('small helpers', () => {
  it('names downloads for a tribunal bundle, by UK date', () => {
    expect(noticeFileName('2025-03-03T10:00:00.000Z', 'image/jpeg')).toBe('uc-notice-2025-03-03.jpg');
    expect(noticeFileName('2025-06-30T23:30:00.000Z', 'image/webp')).toBe('uc-notice-2025-07-01.webp');
    expect(noticeFileName('2025-03-03T10:00:00.000Z', undefined)).toBe('uc-notice-2025-03-03.bin');
    expect(receiptsFileName('Mrs J / ref 42', '2025-03-03T10:00:00.000Z')).toBe('uc-receipts-mrs-j-ref-42-2025-03-03.json');
  });
  it('shows sizes plainly', () => {
    expect(formatSize(850)).toBe('850 bytes');
    expect(formatSize(12_345)).toBe('12 KB');
    expect(formatSize(1_400_000)).toBe('1.4 MB');
  });
  it('checks labels are 1 to 80 characters and replies up to 1000', () => {
    expect(labelError('  ')).toBe('labelEmpty');
    expect(labelError('Mrs J')).toBeNull();
    expect(labelError('x'.repeat(80))).toBeNull();
    expect(labelError('x'.repeat(81))).toBe('labelLong');
    expect(replyError('')).toBe('replyEmpty');
    expect(replyError('y'.repeat(1000))).toBeNull();
    expect(replyError('y'.repeat(1001))).toBe('replyLong');
    expect(replyLeft('hello')).toBe(995);
  });
  it('reads the enrolment token from the hash', () => {
    expect(tokenFromHash('#abc-123')).toBe('abc-123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#%E0%A4%A')).toBe('%E0%A4%A');
  });
});
