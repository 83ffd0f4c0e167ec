// The adviser's part of the app: an inbox of what clients forward, on an
// office computer. Loaded only under /adviser; claimants never download it.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { AddDeviceScreen } from './add-device-screen';
import { getIdentity, type Identity } from '../data/adviser-db';
import { CREDENTIAL_CHANNEL, renewCredential } from './credential';
import { ClientScreen } from './client-screen';
import { EnrolScreen } from './enrol-screen';
import { InboxScreen } from './inbox-screen';
import { DeadlinesScreen } from './desk/deadlines-screen';
import { ErrorPrefix } from '../ui/field-error';
import '../ui/screens.css';
import './adviser.css';

function NotSetUp() {
  const t = useT();
  const title = t('adviser:notSetUp.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('adviser:notSetUp.body')}</p>
      <p>{t('adviser:notSetUp.askOrg')}</p>
      <p>{t('adviser:notSetUp.otherComputer')}</p>
      <p>
        <a href="/adviser/add-device">{t('adviser:notSetUp.addThis')}</a>
      </p>
    </>
  );
}

function NotFound() {
  const t = useT();
  const title = t('adviser:notFound.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <a href="/adviser">{t('adviser:notFound.back')}</a>
      </p>
    </>
  );
}

export function AdviserApp({ path }: { path: string }) {
  const t = useT();
  // undefined: still reading; null: this computer is not set up.
  const [identity, setIdentity] = useState<Identity | null | undefined>(undefined);
  const [storeFailed, setStoreFailed] = useState(false);

  useEffect(() => {
    const failed = () => {
      setStoreFailed(true);
      setIdentity(null);
    };
    // The credential is renewed (when due) before any screen uses it, so no call goes out with one being replaced.
    getIdentity()
      .then(async (found) => {
        if (!found) return setIdentity(null);
        await renewCredential();
        setIdentity((await getIdentity()) ?? null);
      })
      .catch(failed);
    // Another tab renewed it: use the new one here too.
    const channel = new BroadcastChannel(CREDENTIAL_CHANNEL);
    channel.onmessage = () => void getIdentity().then((found) => found && setIdentity(found), failed);
    return () => channel.close();
  }, []);

  let screen;
  const client = /^\/adviser\/client\/([\w-]+)$/.exec(path);
  if (identity === undefined) screen = <p class="loading">{t('adviser:loading')}</p>;
  else if (path === '/adviser/enrol') screen = <EnrolScreen identity={identity} onEnrolled={setIdentity} />;
  else if (path === '/adviser/add-device') screen = <AddDeviceScreen identity={identity} onEnrolled={setIdentity} />;
  else if (path !== '/adviser' && path !== '/adviser/deadlines' && !client?.[1]) screen = <NotFound />;
  else if (!identity) screen = <NotSetUp />;
  else if (path === '/adviser/deadlines') screen = <DeadlinesScreen identity={identity} />;
  else if (client?.[1]) screen = <ClientScreen identity={identity} connectionId={client[1]} />;
  else screen = <InboxScreen identity={identity} />;

  // Advisers' screens are English only, so say so for screen readers.
  return (
    <ErrorPrefix.Provider value={t('adviser:errorPrefix')}>
      <div class="adviser" lang="en" dir="ltr">
        {storeFailed && <p class="warning">{t('adviser:cannotStore')}</p>}
        {screen}
      </div>
    </ErrorPrefix.Provider>
  );
}
