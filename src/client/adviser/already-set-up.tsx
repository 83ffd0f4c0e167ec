import { useT } from '../initial/i18n/use-translation';
import type { Identity } from '../data/adviser-db';

/** On the set-up screens of a computer that is already set up. */
export function AlreadySetUp({ identity }: { identity: Identity }) {
  const t = useT();
  return (
    <>
      <p>{t('adviser:enrol.already', { name: identity.name, org: identity.org })}</p>
      <p>
        <a href="/adviser">{t('adviser:enrol.goToInbox')}</a>
      </p>
    </>
  );
}
