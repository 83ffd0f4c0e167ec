// The Send screen's ways to add a file: the camera, the gallery, or a PDF.
// PDFs have their own button so that pictures keep the phone's photo picker
// (Android opens it only when pictures alone are asked for).
import { useT } from '../../initial/i18n/use-translation';
import { FileButton } from '../../ui/file-button';

export const TAKE_PHOTO = 'send-take-photo';
export const CHOOSE_PICTURE = 'send-choose-picture';
export const CHOOSE_PDF = 'send-choose-pdf';

export function PictureInputs({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const t = useT();
  return (
    <div class="button-group forward-pick">
      <FileButton id={TAKE_PHOTO} label={t('forward:send.takePhoto')} camera busy={busy} onFile={onFile} />
      <FileButton id={CHOOSE_PICTURE} label={t('forward:send.choosePicture')} secondary busy={busy} onFile={onFile} />
      <FileButton id={CHOOSE_PDF} label={t('forward:send.choosePdf')} secondary accept="application/pdf,.pdf" busy={busy} onFile={onFile} />
    </div>
  );
}
