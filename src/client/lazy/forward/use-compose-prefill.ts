// Where the Send screen's form starts from, read once when it opens: the
// Explain screen's words and photo (/send?from=explain), a saved notice's
// words (/send?notice=<id>), or what Android's Share sheet handed over
// (/send?shared=1, see src/sw/sw.ts). Typed words already in the draft win.
import { useEffect } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { announce } from '../../initial/status';
import { getNotice } from '../../data/notices-db';
import { takeHandedOffPhoto } from '../../ui/draft';
import { TAKE_PHOTO } from './picture-inputs';

interface Prefill {
  /** The words in the form now (its draft). */
  text: string;
  setText: (text: string) => void;
  /** The saved notice the words last came from, so it is used once. */
  prefilledFrom: string | null;
  setPrefilledFrom: (id: string | null) => void;
  addFile: (file: File) => Promise<void>;
  fail: (message: string, target?: string) => void;
}

export function useComposePrefill({ text, setText, prefilledFrom, setPrefilledFrom, addFile, fail }: Prefill): void {
  const t = useT();

  // /send?from=explain: start from the words on the Explain screen (its draft).
  useEffect(() => {
    if (new URLSearchParams(location.search).get('from') !== 'explain') return;
    // The photo the Explain screen read, if any, comes along.
    const photo = takeHandedOffPhoto();
    if (photo) void addFile(photo);
    if (text.trim()) return;
    try {
      const draft = JSON.parse(sessionStorage.getItem('explain-text') ?? 'null') as unknown;
      if (typeof draft === 'string' && draft.trim()) {
        setText(draft);
        announce(t('forward:send.prefilledExplain'));
      }
    } catch {
      /* no draft: start empty */
    }
  }, []);

  // /send?notice=<id>: start from that saved notice's words, once.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('notice');
    if (!id || id === prefilledFrom) return;
    void getNotice(id)
      .then((saved) => {
        if (!saved) return;
        setPrefilledFrom(id);
        if (saved.text.trim() && !text.trim()) {
          setText(saved.text);
          announce(t('forward:send.prefilled'));
        }
      })
      .catch(() => undefined);
  }, []);

  // Android "Share → UC Companion" lands here as /send?shared=1 (see src/sw/sw.ts).
  useEffect(() => {
    const shared = new URLSearchParams(location.search).get('shared');
    if (shared === 'failed') fail(t('forward:send.sharedFailed'), TAKE_PHOTO);
    if (shared !== '1') return;
    void import('../../services/shared-file')
      .then((m) => m.takeSharedThings())
      .then(async ({ file, text: sharedText }) => {
        if (sharedText && !text.trim()) setText(sharedText);
        if (file) await addFile(file);
        else if (sharedText) announce(t('forward:send.sharedAdded'));
      })
      .catch(() => fail(t('forward:send.sharedFailed'), TAKE_PHOTO));
  }, []);
}
