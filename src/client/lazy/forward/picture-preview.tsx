// The picture about to be sent: what it looks like, its size, and the choice
// between the cleaned page (letter mode) and the photo as it is.
import { useT } from '../../initial/i18n/use-translation';
import type { CompressedImage, ImageMode } from '../../services/compress-image';
import { handOffPhoto } from '../../ui/draft';
import { formatSize } from '../../ui/format-size';

export const REMOVE_PICTURE = 'send-remove-picture';

export interface Picture {
  compressed: CompressedImage;
  url: string;
  name: string;
  /** The photo as chosen: kept in memory to redo it "as it is", or to explain it. */
  file: File;
  mode: ImageMode;
}

interface PreviewProps {
  picture: Picture;
  busy: boolean;
  /** Make the picture again from the photo, in the other mode. */
  onRedo: (mode: ImageMode) => void;
  onRemove: () => void;
}

export function PicturePreview({ picture, busy, onRedo, onRemove }: PreviewProps) {
  const t = useT();
  return (
    <figure class="forward-preview">
      <img src={picture.url} alt={t('forward:send.previewAlt')} width={picture.compressed.width} height={picture.compressed.height} />
      <figcaption>
        {picture.compressed.cleaned && <p>{t('forward:send.cleanedNote')}</p>}
        {picture.mode === 'photo' && <p>{t('forward:send.asItIsNote')}</p>}
        <p>{t('forward:send.pictureSize', { size: formatSize(picture.compressed.blob.size, 'KB') })}</p>
        <div class="button-row">
          {picture.compressed.cleaned && (
            <button type="button" class="button button--secondary" aria-disabled={busy || undefined} onClick={() => !busy && onRedo('photo')}>
              {t('forward:send.asItIs')}
            </button>
          )}
          {picture.mode === 'photo' && (
            <button type="button" class="button button--secondary" aria-disabled={busy || undefined} onClick={() => !busy && onRedo('letter')}>
              {t('forward:send.useCleaned')}
            </button>
          )}
          <button id={REMOVE_PICTURE} type="button" class="button button--secondary" onClick={onRemove}>
            {t('forward:send.removePicture')}
          </button>
        </div>
        <p>
          <a href="/explain?photo=1" onClick={() => handOffPhoto(picture.file)}>
            {t('forward:send.explainPhoto')}
          </a>
        </p>
      </figcaption>
    </figure>
  );
}
