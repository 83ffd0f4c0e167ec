// The plain-words privacy page for "Send to my adviser".
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import '../../ui/screens.css';
import './forward.css';

const SECTIONS = ['phone', 'relay', 'never', 'noTracking', 'howLong', 'stop'] as const;

export function PrivacyScreen() {
  const t = useT();
  const title = t('forward:privacy.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('forward:privacy.intro')}</p>
      {SECTIONS.map((section) => {
        const points = t(`forward:privacy.${section}.points`, { returnObjects: true }) as unknown;
        return (
          <section key={section} aria-labelledby={`privacy-${section}`}>
            <h2 id={`privacy-${section}`}>{t(`forward:privacy.${section}.title`)}</h2>
            {Array.isArray(points) && (
              <ul class="forward-points">
                {points.map((point) => (
                  <li key={String(point)}>{String(point)}</li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <p>
        <a class="button button--secondary" href="/send">
          {t('forward:send.title')}
        </a>
      </p>
    </>
  );
}
