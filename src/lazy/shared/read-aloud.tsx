// "Read aloud" through the Web Speech API, where the device has it.
import { useEffect, useState } from 'preact/hooks';
import { useT, currentLanguage } from '../../i18n/use-translation';

const supported = typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

export function ReadAloud({ text }: { text: () => string }) {
  const t = useT();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => void (supported && speechSynthesis.cancel()), []);
  if (!supported) return null;

  function toggle() {
    if (speaking) {
      speechSynthesis.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text());
    utterance.lang = currentLanguage() === 'en' ? 'en-GB' : currentLanguage();
    utterance.rate = 0.9; // a little slower is easier to follow
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    setSpeaking(true);
  }

  return (
    <button type="button" class="button button--secondary" onClick={toggle}>
      {speaking ? t('explain:stopReading') : t('explain:readAloud')}
    </button>
  );
}
