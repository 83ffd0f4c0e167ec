// This module is in the first download: think before adding to it.
import { useT } from './i18n/use-translation';
import { PageHeading } from './page-heading';

export function NotFoundScreen() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </>
  );
}
