// Add a photo, a picture, a PDF or some text, check it, and send it to the
// adviser. Typed words live in drafts (never lost); the item is stored before
// sending. A PDF is sent as it is (never through the image worker).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
// Loaded when a picture is added (the Explain screen's photo reader shares it).
import type { ImageMode } from '../../services/compress-image';
import { QUEUE_STEPS, queueItem, type QueueStep } from '../../services/outbox';
import { TooBigError } from '../../services/outbox-events';
import { checkPdf, looksLikePdf, MAX_PDF_BYTES } from '../../services/pdf-file';
import { useDraft } from '../../ui/draft';
import { formatSize } from '../../ui/format-size';
import { ErrorSummary } from '../../ui/error-summary';
import { focusWhenShown } from '../../ui/focus';
import { ProgressPanel } from '../../ui/progress-panel';
import { CHOOSE_PDF, CHOOSE_PICTURE, PictureInputs, TAKE_PHOTO } from './picture-inputs';
import { PicturePreview, REMOVE_PICTURE, type Picture } from './picture-preview';
import { PdfPreview, REMOVE_PDF, type PdfFile } from './pdf-preview';
import { composePayload } from './compose-payload';
import { ComposeTextFields, TEXT } from './compose-text-fields';
import { useComposePrefill } from './use-compose-prefill';

const SEND_BUTTON = 'send-submit';

export function ComposeForm() {
  const t = useT();
  const [text, setText] = useDraft(TEXT, '');
  const [note, setNote] = useDraft('send-note', '');
  const [prefilledFrom, setPrefilledFrom] = useDraft<string | null>('send-prefilled-notice', null);
  const [picture, setPicture] = useState<Picture | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const [working, setWorking] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  /** Where a file being sent has got to (checking keys, locking, storing); null for text, which is instant. */
  const [sendStep, setSendStep] = useState<QueueStep | null>(null);
  const sendController = useRef<AbortController | null>(null);
  const [problem, setProblem] = useState<{ message: string; target?: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const pictureRef = useRef<Picture | null>(null);
  const controller = useRef<AbortController | null>(null);

  function fail(message: string, target?: string) {
    setProblem({ message, ...(target ? { target } : {}) });
    setAttempt((n) => n + 1);
  }

  function replacePicture(next: Picture | null) {
    // Let go of the old preview's memory straight away: cheap phones have little.
    if (pictureRef.current) URL.revokeObjectURL(pictureRef.current.url);
    pictureRef.current = next;
    setPicture(next);
  }

  useEffect(
    () => () => {
      controller.current?.abort();
      sendController.current?.abort();
      replacePicture(null);
    },
    [],
  );

  useComposePrefill({ text, setText, prefilledFrom, setPrefilledFrom, addFile, fail });

  /** A PDF goes the PDF way (by its type, name or first bytes); anything else is a picture. */
  async function addFile(file: File, chosen = false) {
    if (await looksLikePdf(file)) await addPdf(file, chosen);
    else await addPicture(file, 'letter', chosen);
  }

  async function addPdf(file: File, chosen: boolean) {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setWorking(null);
    setProblem(null);
    const checked = await checkPdf(file);
    if (mine.signal.aborted) return;
    controller.current = null;
    if (!checked.ok) {
      fail(t(`forward:send.pdfErrors.${checked.problem}`, { max: formatSize(MAX_PDF_BYTES) }), CHOOSE_PDF);
      return;
    }
    replacePicture(null);
    const name = file.name || 'document.pdf';
    setPdf({ name, bytes: checked.bytes });
    announce(t('forward:send.pdfReady', { name, size: formatSize(checked.bytes.length, 'KB') }));
    if (chosen) focusWhenShown(REMOVE_PDF);
  }

  /** `chosen`: from the file inputs, whose focus then moves to the preview's "Remove picture". */
  async function addPicture(file: File, mode: ImageMode = 'letter', chosen = false) {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setProblem(null);
    setWorking(0);
    announce(t('forward:send.preparing'));
    try {
      const { compressImage } = await import('../../services/compress-image');
      const compressed = await compressImage(file, { mode, signal: mine.signal, onProgress: (fraction) => setWorking(fraction) });
      replacePicture({ compressed, url: URL.createObjectURL(compressed.blob), name: file.name || 'photo', file, mode });
      setPdf(null);
      announce(t('forward:send.pictureReady', { from: formatSize(compressed.originalBytes, 'KB'), to: formatSize(compressed.blob.size, 'KB') }));
      if (chosen) focusWhenShown(REMOVE_PICTURE);
    } catch (error) {
      if (mine.signal.aborted) return;
      const code = (error as { name?: string; code?: string } | null)?.name === 'ImageError' ? (error as { code: string }).code : 'corrupt';
      fail(t(`forward:send.imageErrors.${code}`), TAKE_PHOTO);
    } finally {
      if (controller.current === mine) {
        controller.current = null;
        setWorking(null);
      }
    }
  }

  function cancelPicture() {
    controller.current?.abort();
    controller.current = null;
    setWorking(null);
    announce(t('forward:send.cancelled'));
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (working !== null || sending) return;
    const words = text.trim();
    const extra = note.trim();
    if (!picture && !pdf && !words) {
      fail(t('forward:send.errors.empty'), TEXT);
      return;
    }
    setSending(true);
    setProblem(null);
    const mine = new AbortController();
    sendController.current = mine;
    try {
      const { payload, summary } = await composePayload(t, { words, extra, pdf, picture });
      await queueItem(payload, {
        summary,
        signal: mine.signal,
        // A file can take a second or more to lock on a cheap phone: show it, and let it be stopped.
        ...(payload.kind === 'image' ? { onStep: (step: QueueStep) => !mine.signal.aborted && setSendStep(step) } : {}),
      });
      setText('');
      setNote('');
      replacePicture(null);
      setPdf(null);
      announce(navigator.onLine === false ? t('forward:send.queuedOffline') : t('forward:send.queued'));
    } catch (error) {
      if (mine.signal.aborted) return; // stopped: said by cancelSend, and everything the person added stays
      if (error instanceof TooBigError) fail(t('forward:send.errors.tooBig'), pdf ? REMOVE_PDF : TEXT);
      else fail(t('forward:send.errors.saveFailed'));
    } finally {
      sendController.current = null;
      setSendStep(null);
      setSending(false);
    }
  }

  function cancelSend() {
    sendController.current?.abort();
    setSendStep(null);
    announce(t('forward:send.sendCancelled'));
    // The Cancel button goes with the bar: back to the Send button.
    document.getElementById(SEND_BUTTON)?.focus();
  }

  // Busy controls stay focusable (never `disabled` under the person's finger): presses are ignored.
  const busy = working !== null || sending;

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} class="forward-compose">
      <ErrorSummary id="send-problem" title={t('forward:problem')} attempt={attempt} items={problem ? [{ message: problem.message, target: problem.target }] : []} />
      <h2>{t('forward:send.addTitle')}</h2>
      <PictureInputs busy={busy} onFile={(file) => void addFile(file, true)} />

      {working !== null && (
        <ProgressPanel
          id="send-progress-label"
          label={t('forward:send.preparing')}
          value={working}
          cancelLabel={t('forward:send.cancel')}
          onCancel={cancelPicture}
        />
      )}

      {sendStep !== null && (
        <ProgressPanel
          id="send-locking-label"
          label={t('forward:send.sending')}
          value={QUEUE_STEPS.indexOf(sendStep) / QUEUE_STEPS.length}
          cancelLabel={t('forward:send.cancel')}
          onCancel={cancelSend}
        />
      )}

      {picture && (
        <PicturePreview
          picture={picture}
          busy={busy}
          onRedo={(mode) => void addPicture(picture.file, mode)}
          onRemove={() => {
            replacePicture(null);
            // The button goes with the picture: back to choosing one.
            document.getElementById(CHOOSE_PICTURE)?.focus();
          }}
        />
      )}

      {pdf && (
        <PdfPreview
          pdf={pdf}
          onRemove={() => {
            setPdf(null);
            // The button goes with the file: back to choosing one.
            document.getElementById(CHOOSE_PDF)?.focus();
          }}
        />
      )}

      <ComposeTextFields text={text} setText={setText} note={note} setNote={setNote} />

      <p class="field__hint">{t('forward:send.lockedHint')}</p>
      <button type="submit" id={SEND_BUTTON} class="button button--start" aria-disabled={busy || undefined}>
        {sending ? t('forward:send.sending') : t('forward:send.submit')}
      </button>
    </form>
  );
}
