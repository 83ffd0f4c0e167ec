// What the Send screen locks and sends, from what the person added: a PDF as
// it is, a compressed picture, or typed words (the note joins the words), and
// the summary "What you sent" shows for it.
import type { TFunction } from 'i18next';
import type { Payload } from '../../services/crypto';
import { summarise } from '../../services/outbox';
import { PDF_TYPE } from '../../services/pdf-file';
import type { Picture } from './picture-preview';
import type { PdfFile } from './pdf-preview';

/** `words` and `extra` trimmed; a PDF wins over a picture, a picture over words alone. */
export async function composePayload(
  t: TFunction,
  { words, extra, pdf, picture }: { words: string; extra: string; pdf: PdfFile | null; picture: Picture | null },
): Promise<{ payload: Payload; summary: string }> {
  const joined = [words, extra].filter(Boolean).join('\n\n');
  let payload: Payload;
  let summary: string;
  if (pdf) {
    // As it is: the file's own bytes, locked like every item.
    payload = { kind: 'image', image: pdf.bytes, mime: PDF_TYPE, name: pdf.name, sentAt: new Date().toISOString(), ...(joined ? { text: joined } : {}) };
    summary = t('forward:send.pdfSummary', { name: pdf.name });
  } else if (picture) {
    const image = new Uint8Array(await picture.compressed.blob.arrayBuffer());
    payload = {
      kind: 'image',
      image,
      mime: picture.compressed.mime,
      name: picture.name,
      sentAt: new Date().toISOString(),
      ...(joined ? { text: joined } : {}),
    };
    summary = t('forward:send.photoSummary');
  } else {
    payload = { kind: 'text', text: joined, sentAt: new Date().toISOString() };
    summary = summarise(payload);
  }
  return { payload, summary };
}
