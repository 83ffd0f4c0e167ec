// The Send screen's two ways to add a picture: the camera, or the gallery.
import { useT } from '../../initial/i18n/use-translation';

export const TAKE_PHOTO = 'send-take-photo';
export const CHOOSE_PICTURE = 'send-choose-picture';

export function PictureInputs({ busy, onFile }: { busy: boolean; onFile: (event: Event) => void }) {
  const t = useT();
  // Busy controls stay focusable (never `disabled` under the person's finger): presses are ignored.
  const ignoreWhenBusy = (event: Event) => {
    if (busy) event.preventDefault();
  };
  return (
    <div class="forward-pick">
      {/* The real file input stays in the tab order and is announced as a
          button with the visible words, once: the words themselves are hidden
          from screen readers so they are not read a second time. */}
      <label class="button forward-file" for={TAKE_PHOTO}>
        <input
          id={TAKE_PHOTO}
          class="forward-file__input"
          type="file"
          accept="image/*"
          capture="environment"
          aria-label={t('forward:send.takePhoto')}
          aria-disabled={busy || undefined}
          onClick={ignoreWhenBusy}
          onChange={onFile}
        />
        <span aria-hidden="true">{t('forward:send.takePhoto')}</span>
      </label>
      <label class="button button--secondary forward-file" for={CHOOSE_PICTURE}>
        <input
          id={CHOOSE_PICTURE}
          class="forward-file__input"
          type="file"
          accept="image/*"
          aria-label={t('forward:send.choosePicture')}
          aria-disabled={busy || undefined}
          onClick={ignoreWhenBusy}
          onChange={onFile}
        />
        <span aria-hidden="true">{t('forward:send.choosePicture')}</span>
      </label>
    </div>
  );
}
