// The Send screen's two ways to add a picture: the camera, or the gallery.
import { useT } from '../../initial/i18n/use-translation';
import { FileButton } from '../../ui/file-button';

export const TAKE_PHOTO = 'send-take-photo';
export const CHOOSE_PICTURE = 'send-choose-picture';

export function PictureInputs({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const t = useT();
  return (
    <div class="button-group forward-pick">
      <FileButton id={TAKE_PHOTO} label={t('forward:send.takePhoto')} camera busy={busy} onFile={onFile} />
      <FileButton id={CHOOSE_PICTURE} label={t('forward:send.choosePicture')} secondary busy={busy} onFile={onFile} />
    </div>
  );
}
