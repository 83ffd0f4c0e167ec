import { currentLanguage, useT } from '../../initial/i18n/use-translation';

/**
 * The English text for DWP, explained in the reader's own language, so they
 * know what they are sending. Not shown to English readers (it would repeat).
 */
export function MeaningBox({ id, sentences }: { id: string; sentences: string[] }) {
  const t = useT();
  if (currentLanguage() === 'en') return null;
  return (
    <section class="meaning" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('helpers:meaning.heading')}</h3>
      <p class="field__hint">{t('helpers:meaning.note')}</p>
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </section>
  );
}
