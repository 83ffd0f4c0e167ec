// The steps of "Explain a photo or screenshot", as a small state machine:
// a picture is chosen; the reading tool is downloaded if this phone does not
// have it yet (only after the person agrees, with progress and Cancel); the
// page is found and cleaned; the words are read. Every long step can be
// stopped. The engine's code is loaded only when a picture is chosen.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DownloadProgress, OcrLanguage, ReadStage } from '../../services/ocr';

export type PhotoErrorCode =
  'no-wasm' | 'download-failed' | 'out-of-memory' | 'failed' | 'nothing-found' | 'not-an-image' | 'too-large' | 'corrupt' | 'unsupported' | 'timeout';

export type PhotoState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'ask'; transfer: number }
  | { step: 'download'; progress: DownloadProgress }
  | { step: 'working'; stage: ReadStage; fraction: number }
  | { step: 'done'; pageUrl: string; cleaned: boolean; width: number; height: number }
  | { step: 'error'; code: PhotoErrorCode };

const ocr = () => import('../../services/ocr');

function codeOf(error: unknown, ocrModule: Awaited<ReturnType<typeof ocr>> | null): PhotoErrorCode {
  if (ocrModule && error instanceof ocrModule.OcrError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['not-an-image', 'too-large', 'corrupt', 'unsupported', 'timeout', 'out-of-memory'].includes(code)) return code as PhotoErrorCode;
  return 'failed';
}

export interface PhotoReading {
  state: PhotoState;
  choose(file: File): void;
  download(): void;
  cancel(): void;
  /** The picture whose words were read, for "send it to my adviser". */
  file: File | null;
}

/** `onText` gets the words read (already trimmed). */
export function usePhotoReading(languages: readonly OcrLanguage[], onText: (text: string) => void, onCancelled: () => void): PhotoReading {
  const [state, setState] = useState<PhotoState>({ step: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const controller = useRef<AbortController | null>(null);
  const pageUrl = useRef<string | null>(null);

  // Give back the preview's memory, and end the engine, on leaving the screen.
  useEffect(
    () => () => {
      controller.current?.abort();
      if (pageUrl.current) URL.revokeObjectURL(pageUrl.current);
      void ocr().then(
        (m) => m.release(),
        () => undefined,
      );
    },
    [],
  );

  function showPage(url: string | null) {
    if (pageUrl.current) URL.revokeObjectURL(pageUrl.current);
    pageUrl.current = url;
  }

  async function run(picture: File, signal: AbortSignal) {
    let module: Awaited<ReturnType<typeof ocr>> | null = null;
    try {
      module = await ocr();
      const result = await module.readPhoto(picture, {
        signal,
        languages,
        // A late report must not bring back a bar the person stopped.
        onProgress: (stage, fraction) => signal.aborted || setState({ step: 'working', stage, fraction }),
      });
      // Words that arrive just after Cancel are not shown: "Stopped." stands.
      if (signal.aborted) return;
      const url = URL.createObjectURL(result.page.blob);
      showPage(url);
      const text = result.text
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      if (text.replace(/\W/g, '').length < 3) {
        setState({ step: 'error', code: 'nothing-found' });
        return;
      }
      onText(text);
      setState({ step: 'done', pageUrl: url, cleaned: result.page.cleaned, width: result.page.width, height: result.page.height });
    } catch (error) {
      if (signal.aborted) return;
      setState({ step: 'error', code: codeOf(error, module) });
    }
  }

  function begin(picture: File) {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setState({ step: 'working', stage: 'prepare', fraction: 0 });
    void run(picture, next.signal);
  }

  return {
    state,
    file: state.step === 'done' ? file : null,
    choose(picture) {
      controller.current?.abort();
      const checking = new AbortController();
      controller.current = checking;
      setFile(picture);
      showPage(null);
      setState({ step: 'checking' });
      void ocr().then(
        async (module) => {
          if (checking.signal.aborted) return;
          if (!module.hasWebAssembly()) return setState({ step: 'error', code: 'no-wasm' });
          const missing = await module.missingFiles(languages);
          // Cancelled, or another picture chosen, while this phone was checked.
          if (checking.signal.aborted) return;
          if (missing.length === 0) begin(picture);
          else setState({ step: 'ask', transfer: module.transferSize(missing) });
        },
        () => checking.signal.aborted || setState({ step: 'error', code: 'download-failed' }),
      );
    },
    download() {
      if (!file) return;
      const next = new AbortController();
      controller.current = next;
      setState({ step: 'download', progress: { loaded: 0, total: 0 } });
      void ocr().then(
        async (module) => {
          try {
            await module.downloadEngine(languages, {
              signal: next.signal,
              onProgress: (progress) => next.signal.aborted || setState({ step: 'download', progress }),
            });
          } catch (error) {
            if (!next.signal.aborted) setState({ step: 'error', code: codeOf(error, module) });
            return;
          }
          if (!next.signal.aborted) begin(file);
        },
        () => next.signal.aborted || setState({ step: 'error', code: 'download-failed' }),
      );
    },
    cancel() {
      controller.current?.abort();
      controller.current = null;
      setState({ step: 'idle' });
      onCancelled();
    },
  };
}
