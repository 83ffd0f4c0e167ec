// A tiny PDF for tests, written by hand (PDF 1.4, one A4 page) with a real
// text layer: Helvetica, one line per string, as a journal page saved as PDF
// has. No library in node_modules writes PDFs (pdfjs-dist only reads them).
// The offsets in the cross-reference table are exact, so strict readers take it too.

const A4 = { width: 595, height: 842 };

function assemble(objects: string[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Brackets and backslashes escaped; anything outside printable ASCII becomes "?" (WinAnsi has no more here). */
const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');

/**
 * A one-page PDF whose words are in its text layer, a line per string.
 * `size`: made exactly that many bytes by an unused stream object (as a big
 * scan or embedded font would weigh), to test the size limit.
 */
export function textPdf(lines: readonly string[], { size }: { size?: number } = {}): Buffer {
  const content = ['BT', '/F1 9 Tf', '11 TL', `40 ${A4.height - 50} Td`, ...lines.map((line) => `(${escape(line)}) Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  if (size === undefined) return assemble(objects);
  const filler = (length: number) => `<< /Length ${length} >>\nstream\n${'0'.repeat(length)}\nendstream`;
  // The filler object and its cross-reference line; its /Length digits change the size a little, so measure twice.
  let length = Math.max(0, size - assemble([...objects, filler(0)]).length);
  length -= assemble([...objects, filler(length)]).length - size;
  const padded = assemble([...objects, filler(length)]);
  if (padded.length !== size) throw new Error(`Could not make a PDF of exactly ${size} bytes (made ${padded.length}).`);
  return padded;
}
