// "Explain a photo or screenshot": take a photo, choose a picture, paste a
// screenshot, or share one from another app. The words read go into the
// message box above it, where the claimant can correct them.
import { useEffect } from 'preact/hooks';
import { useT, currentLanguage } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { FileButton } from '../../ui/file-button';
import { ProgressPanel } from '../../ui/progress-panel';
import { usePhotoReading, type PhotoReading } from './use-photo-reading';
import { megabytes } from './megabytes';

interface Props {
  onText: (text: string) => void;
  /** A picture handed over by another screen or app, read as soon as this shows. */
  initialFile?: File | null;
  /** Lets the screen reach the picture (to send it) and the reader (for pasted pictures). */
  onReady?: (reading: PhotoReading) => void;
}

const TAKE = 'photo-take';
const CHOOSE = 'photo-choose';

export function PhotoReader({ onText, initialFile, onReady }: Props) {
  const t = useT();
  const language = currentLanguage();
  // Welsh readers often get letters in Welsh: read both languages for them.
  const languages = language === 'cy' ? (['eng', 'cym'] as const) : (['eng'] as const);
  const reading = usePhotoReading(
    languages,
    (text) => {
      onText(text);
      announce(t('explain:photo.doneAnnounce'));
    },
    () => announce(t('explain:photo.cancelled')),
  );
  const { state } = reading;
  const busy = state.step === 'checking' || state.step === 'download' || state.step === 'working';

  useEffect(() => {
    onReady?.(reading);
  });
  useEffect(() => {
    if (initialFile) reading.choose(initialFile);
  }, [initialFile]);

  return (
    <section class="photo-reader" aria-labelledby="photo-heading">
      <h2 id="photo-heading">{t('explain:photo.heading')}</h2>
      <p>{t('explain:photo.intro')}</p>
      <div class="button-group">
        <FileButton id={TAKE} label={t('explain:photo.takePhoto')} camera busy={busy} onFile={reading.choose} />
        <FileButton id={CHOOSE} label={t('explain:photo.choosePicture')} secondary busy={busy} onFile={reading.choose} />
      </div>

      {state.step === 'checking' && (
        <p class="progress-panel" role="status">
          {t('explain:photo.checking')}
        </p>
      )}

      {state.step === 'ask' && (
        <div class="inset" role="group" aria-labelledby="photo-ask-title">
          <h3 id="photo-ask-title">{t('explain:photo.downloadTitle')}</h3>
          <p>{t('explain:photo.downloadBody', { size: megabytes(state.transfer, language, 0) })}</p>
          <p>{t('explain:photo.downloadWifi')}</p>
          <div class="button-row">
            <button type="button" class="button" onClick={reading.download}>
              {t('explain:photo.downloadButton')}
            </button>
            <button type="button" class="button button--secondary" onClick={reading.cancel}>
              {t('explain:photo.cancel')}
            </button>
          </div>
        </div>
      )}

      {state.step === 'download' && (
        <ProgressPanel
          id="photo-download-label"
          label={t('explain:photo.downloading')}
          value={state.progress.total ? state.progress.loaded / state.progress.total : null}
          detail={t('explain:photo.downloaded', {
            done: megabytes(state.progress.loaded, language, 1),
            total: megabytes(state.progress.total, language, 1),
          })}
          cancelLabel={t('explain:photo.cancel')}
          onCancel={reading.cancel}
        />
      )}

      {state.step === 'working' && (
        <ProgressPanel
          id="photo-progress-label"
          label={t(state.stage === 'prepare' ? 'explain:photo.preparing' : 'explain:photo.reading')}
          value={state.fraction}
          cancelLabel={t('explain:photo.cancel')}
          onCancel={reading.cancel}
        />
      )}

      {state.step === 'error' && (
        <div class="warning" role="alert">
          <p>{t(`explain:photo.errors.${state.code}`)}</p>
        </div>
      )}

      {state.step === 'done' && (
        <>
          <p class="inset" role="status">
            {t('explain:photo.done')}
          </p>
          <figure class="photo-page">
            <img src={state.pageUrl} alt={t('explain:photo.pageAlt')} width={state.width} height={state.height} />
            <figcaption>{t(state.cleaned ? 'explain:photo.pageCleaned' : 'explain:photo.pagePlain')}</figcaption>
          </figure>
        </>
      )}
    </section>
  );
}
