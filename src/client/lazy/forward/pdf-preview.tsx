// A PDF about to be sent: no picture of it (drawing one would need a PDF
// library on the phone), so its name and size, and a way to remove it.
import { useT } from '../../initial/i18n/use-translation';
import { formatSize } from '../../ui/format-size';

export const REMOVE_PDF = 'send-remove-pdf';

export interface PdfFile {
  name: string;
  /** The file as chosen, checked to start with "%PDF-": sent as it is. */
  bytes: Uint8Array;
}

export function PdfPreview({ pdf, onRemove }: { pdf: PdfFile; onRemove: () => void }) {
  const t = useT();
  return (
    <div class="forward-preview forward-file">
      <p class="forward-file__kind">{t('forward:send.pdfKind')}</p>
      {/* The name as the phone gave it, in whatever script: dir="auto" keeps it readable. */}
      <p class="forward-file__name" dir="auto">
        {pdf.name}
      </p>
      <p>{t('forward:send.pictureSize', { size: formatSize(pdf.bytes.length, 'KB') })}</p>
      <p>{t('forward:send.pdfNote')}</p>
      <button id={REMOVE_PDF} type="button" class="button button--secondary" onClick={onRemove}>
        {t('forward:send.removePdf')}
      </button>
    </div>
  );
}
