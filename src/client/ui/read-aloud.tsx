// "Read aloud" through the Web Speech API, with a voice for the reader's
// language when the device has one; when it has none, we say so rather than
// read Welsh or Urdu with an English voice.
import { useEffect, useState } from 'preact/hooks';
import { useT, currentLanguage } from '../initial/i18n/use-translation';

const supported = typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

/** The best voice for a language: the UK one for English, else any whose tag starts with the code. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | null {
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
  if (language === 'en') return matching.find((voice) => /-gb$/i.test(voice.lang.replace('_', '-'))) ?? matching[0] ?? null;
  return matching.find((voice) => voice.localService) ?? matching[0] ?? null;
}

/** Voices load late on some browsers (Chrome fires `voiceschanged`). */
function useVoices(): SpeechSynthesisVoice[] | null {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(() => (supported ? speechSynthesis.getVoices() : null));
  useEffect(() => {
    if (!supported) return;
    const update = () => setVoices(speechSynthesis.getVoices());
    speechSynthesis.addEventListener?.('voiceschanged', update);
    return () => speechSynthesis.removeEventListener?.('voiceschanged', update);
  }, []);
  return voices;
}

export function ReadAloud({ text }: { text: () => string }) {
  const t = useT();
  const [speaking, setSpeaking] = useState(false);
  const [noVoice, setNoVoice] = useState(false);
  const voices = useVoices();
  useEffect(() => () => void (supported && speechSynthesis.cancel()), []);
  if (!supported) return null;

  function toggle() {
    if (speaking) {
      speechSynthesis.cancel();
      setSpeaking(false);
      return;
    }
    const language = currentLanguage();
    const voice = voiceFor(voices ?? [], language);
    // Some devices list no voices at all but still speak English: try that.
    if (!voice && !(language === 'en' && (voices ?? []).length === 0)) {
      setNoVoice(true);
      return;
    }
    setNoVoice(false);
    const utterance = new SpeechSynthesisUtterance(text());
    utterance.lang = language === 'en' ? 'en-GB' : language;
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9; // a little slower is easier to follow
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    setSpeaking(true);
  }

  return (
    <>
      <button type="button" class="button button--secondary" onClick={toggle}>
        {speaking ? t('explain:stopReading') : t('explain:readAloud')}
      </button>
      {noVoice && (
        <p class="read-aloud__none" role="status">
          {t('explain:noVoice')}
        </p>
      )}
    </>
  );
}
