// This module is in the first download: think before adding to it.
import { useT } from './i18n/use-translation';
import { PageHeading } from './page-heading';
import { SavedList } from './saved-list';

export function HomeScreen() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
      <p>
        <a class="button button--start" href="/explain">
          {t('home.explainButton')}
        </a>
      </p>
      <div class="promise">
        <p>
          <strong>{t('promise')}</strong>
        </p>
        <p>{t('home.neverShare')}</p>
      </div>
      <SavedList />
      <h2>{t('home.helpersHeading')}</h2>
      <p>{t('home.helpersIntro')}</p>
      <p>
        <a href="/helpers">{t('home.helpersLink')}</a>
      </p>
    </>
  );
}
