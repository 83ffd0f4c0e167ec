// The phone's check of a PDF before it is sent as it is: its first bytes (not
// only its type or name), empty and too big; and that the biggest PDF allowed
// always fits the relay's envelope limit, locked for the most computers an
// envelope can hold, with a long note.
import { describe, expect, it } from 'vitest';
import { checkPdf, claimsPdf, hasPdfHeader, looksLikePdf, MAX_PDF_BYTES } from '../../../src/client/services/pdf-file';
import { generateKeyPair, openEnvelope, sealPayload } from '../../../src/client/services/crypto';
import { MAX_ENVELOPE_CHARS } from '../../../src/shared/protocol/api-types';
import { formatSize } from '../../../src/client/ui/format-size';

const ascii = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const pdfBytes = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(ascii('%PDF-1.4\n'));
  return bytes;
};
const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => new File([bytes], name, { type });

describe('the PDF check', () => {
  it('knows a PDF by its first bytes, "%PDF-"', () => {
    expect(hasPdfHeader(ascii('%PDF-1.7\n%âãÏÓ'))).toBe(true);
    expect(hasPdfHeader(ascii('%PDF'))).toBe(false);
    expect(hasPdfHeader(ascii('%pdf-1.4'))).toBe(false);
    expect(hasPdfHeader(ascii(' %PDF-1.4'))).toBe(false);
    expect(hasPdfHeader(ascii('<html>%PDF-'))).toBe(false);
    expect(hasPdfHeader(new Uint8Array(0))).toBe(false);
  });

  it('takes a file that says it is a PDF, or starts like one, the PDF way', async () => {
    expect(claimsPdf({ type: 'application/pdf', name: 'letter' })).toBe(true);
    expect(claimsPdf({ type: 'Application/PDF; charset=binary', name: '' })).toBe(true);
    expect(claimsPdf({ type: '', name: 'MRN.PDF' })).toBe(true);
    expect(claimsPdf({ type: 'image/jpeg', name: 'letter.jpg' })).toBe(false);
    // A PDF with no type and no .pdf name (as some apps share it) is still a PDF.
    expect(await looksLikePdf(file(pdfBytes(100), 'shared-file', ''))).toBe(true);
    expect(await looksLikePdf(file(ascii('\xff\xd8\xff\xe0 a JPEG'), 'photo', 'image/jpeg'))).toBe(false);
  });

  it('accepts a real PDF and hands back its bytes unchanged', async () => {
    const bytes = pdfBytes(2048);
    bytes[2047] = 7;
    const checked = await checkPdf(file(bytes, 'mrn.pdf', 'application/pdf'));
    expect(checked.ok).toBe(true);
    expect(checked.ok && [...checked.bytes]).toEqual([...bytes]);
  });

  it('refuses a file that only says it is a PDF', async () => {
    expect(await checkPdf(file(ascii('<html><script>alert(1)</script></html>'), 'letter.pdf', 'application/pdf'))).toEqual({ ok: false, problem: 'not-a-pdf' });
    expect(await checkPdf(file(ascii('\xff\xd8\xff\xe0'), 'photo.pdf', ''))).toEqual({ ok: false, problem: 'not-a-pdf' });
  });

  it('refuses an empty file', async () => {
    expect(await checkPdf(file(new Uint8Array(0), 'empty.pdf', 'application/pdf'))).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses one over 1.5 MB without reading it, and takes one of exactly 1.5 MB', async () => {
    expect(formatSize(MAX_PDF_BYTES)).toBe('1.5 MB');
    const big = file(pdfBytes(MAX_PDF_BYTES + 1), 'bundle.pdf', 'application/pdf');
    let read = false;
    big.arrayBuffer = () => ((read = true), Promise.reject(new Error('not read')));
    expect(await checkPdf(big)).toEqual({ ok: false, problem: 'too-large' });
    expect(read).toBe(false);
    expect((await checkPdf(file(pdfBytes(MAX_PDF_BYTES), 'bundle.pdf', 'application/pdf'))).ok).toBe(true);
  });

  it('says so when the file cannot be read (moved or deleted since it was chosen)', async () => {
    const gone = file(pdfBytes(100), 'gone.pdf', 'application/pdf');
    gone.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
    expect(await checkPdf(gone)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('the biggest PDF allowed', () => {
  it('locked for 255 computers (the most an envelope holds) with a 10,000-character note, still fits the relay', async () => {
    const sender = await generateKeyPair();
    const computers = await Promise.all(Array.from({ length: 255 }, () => generateKeyPair()));
    const binding = { connectionId: 'c1', direction: 'to-adviser' as const, itemId: 'i1' };
    const bytes = pdfBytes(MAX_PDF_BYTES);
    const { envelope } = await sealPayload(
      computers.map((c) => c.publicKey),
      {
        kind: 'image',
        image: bytes,
        mime: 'application/pdf',
        name: 'A letter from DWP with a long name.pdf',
        text: 'é'.repeat(5000),
        sentAt: '2026-12-02T10:00:00Z',
      },
      { sender, binding },
    );
    expect(envelope.length).toBeLessThanOrEqual(MAX_ENVELOPE_CHARS);
    // And it opens as the same PDF, typed as one, on the last computer.
    const opened = await openEnvelope(computers[254]!, envelope, { senders: [sender.publicKey], binding });
    expect(opened.mime).toBe('application/pdf');
    expect(opened.image?.length).toBe(MAX_PDF_BYTES);
  }, 60_000);
});
