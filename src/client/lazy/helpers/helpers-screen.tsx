import { todayInLondon } from '../../../shared/notices/calendar';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { ConsentNoteForm } from './consent-note-form';
import { MrRequestForm } from './mr-request-form';
import '../../ui/screens.css';
import './helpers.css';

/** "Write to DWP": helps write an MR request and a consent note for the journal. */
export function HelpersScreen(_props: { id?: string }) {
  const t = useT();
  const today = todayInLondon();
  return (
    <>
      <PageHeading title={t('helpers:title')}>{t('helpers:title')}</PageHeading>
      <p class="lead">{t('helpers:intro')}</p>
      <p>{t('helpers:staysHere')}</p>
      <MrRequestForm today={today} />
      <ConsentNoteForm today={today} />
    </>
  );
}
