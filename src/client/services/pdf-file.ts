// A PDF the claimant sends as it is (a journal page saved as PDF, a letter
// from DWP): checked on the phone before it is kept, by its first bytes as
// well as its type, and small enough that its locked envelope always fits the
// relay's limit (MAX_ENVELOPE_CHARS), with room for a note and many computers.

export const PDF_TYPE = 'application/pdf';

/** 1.5 MB. Locked, it is about 2 MB of envelope, the most the relay takes. */
export const MAX_PDF_BYTES = 1_500_000;

/** Every PDF starts with these bytes ("%PDF-"). */
const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((byte, i) => bytes[i] === byte);
}

/** The file says it is a PDF, by its type or its name (it may still not be one). */
export function claimsPdf(file: { type: string; name: string }): boolean {
  return file.type.split(';', 1)[0]!.trim().toLowerCase() === PDF_TYPE || /\.pdf$/i.test(file.name);
}

/** A PDF by its word or by its first bytes: goes the PDF way, never through the image worker. */
export async function looksLikePdf(file: Blob & { name: string }): Promise<boolean> {
  if (claimsPdf(file)) return true;
  try {
    return hasPdfHeader(new Uint8Array(await file.slice(0, MAGIC.length).arrayBuffer()));
  } catch {
    return false;
  }
}

export type PdfProblem = 'empty' | 'too-large' | 'not-a-pdf' | 'unreadable';

export type PdfCheck = { ok: true; bytes: Uint8Array } | { ok: false; problem: PdfProblem };

/** Reads the file once it is known to be small enough, and checks it really is a PDF. */
export async function checkPdf(file: Blob, max = MAX_PDF_BYTES): Promise<PdfCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > max) return { ok: false, problem: 'too-large' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // Moved or deleted since it was chosen, or the phone would not let us read it.
    return { ok: false, problem: 'unreadable' };
  }
  if (!hasPdfHeader(bytes)) return { ok: false, problem: 'not-a-pdf' };
  return { ok: true, bytes };
}
