import { useT } from '../../initial/i18n/use-translation';

/** Shown when pasted text seems to hold a password or security answer. */
export function SecretWarning() {
  const t = useT();
  return (
    <div class="warning" role="alert">
      <h2 class="warning__title">{t('explain:secretTitle')}</h2>
      <p>{t('explain:secretBody')}</p>
    </div>
  );
}
