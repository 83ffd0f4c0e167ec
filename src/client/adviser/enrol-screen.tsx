import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { navigate } from '../initial/router';
import { announce } from '../initial/status';
import { ApiFailure, relay } from '../services/api-client';
import { generateKeyPair, generateSigningKeyPair, signDeviceKey } from '../services/crypto';
import { getIdentity, saveIdentity, type Identity } from '../data/adviser-db';
import { problemOf } from './format';
import { ProblemMessage } from './form-errors';
import { tokenFromHash } from './validate';

/** Sets up this computer from the one-time link the organisation sent. */
export function EnrolScreen({ identity, onEnrolled }: { identity: Identity | null; onEnrolled: (identity: Identity) => void }) {
  const t = useT();
  const [token] = useState(() => tokenFromHash(location.hash));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = t('adviser:enrol.title');

  if (identity) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p>{t('adviser:enrol.already', { name: identity.name, org: identity.org })}</p>
        <p>
          <a href="/adviser">{t('adviser:enrol.goToInbox')}</a>
        </p>
      </>
    );
  }

  async function setUp() {
    setBusy(true);
    setProblem(null);
    try {
      // Open the database first: if this browser cannot keep the key
      // (a private window, say), stop before the one-time link is used up.
      await getIdentity();
    } catch {
      setProblem(t('adviser:enrol.cannotStore'));
      setBusy(false);
      return;
    }
    try {
      // One signing key for the adviser (it stays on this computer), and this
      // computer's own key for opening items, signed by it.
      const signing = await generateSigningKeyPair();
      const keys = await generateKeyPair();
      const signature = await signDeviceKey(signing.privateKey, keys.publicKey);
      const enrolled = await relay.enrol({ token, signingKey: signing.publicKey, device: { publicKey: keys.publicKey, signature } });
      const saved: Identity = {
        adviserId: enrolled.adviserId,
        name: enrolled.name,
        org: enrolled.org,
        signingKey: signing.publicKey,
        signingPrivateKey: signing.privateKey,
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
        deviceToken: enrolled.deviceToken,
        enrolledAt: new Date().toISOString(),
      };
      await saveIdentity(saved);
      // Ask the browser not to clear the key when space runs low.
      void navigator.storage?.persist?.().catch(() => false);
      // The token is used up; keep it out of history and screenshots.
      history.replaceState(null, '', location.pathname);
      onEnrolled(saved);
      announce(t('adviser:enrol.done'));
      navigate('/adviser', { replace: true });
    } catch (error) {
      const kind = problemOf(error);
      const badLink = error instanceof ApiFailure && error.status === 400;
      setProblem(
        kind === 'gone' || kind === 'notFound' || badLink
          ? t('adviser:enrol.linkExpired')
          : kind === 'offline'
            ? t('adviser:errors.offline')
            : kind === 'tooMany'
              ? t('adviser:errors.tooMany')
              : t('adviser:errors.server'),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <ProblemMessage text={problem} />
      {token ? (
        <>
          <p class="lead">{t('adviser:enrol.intro')}</p>
          <p>{t('adviser:enrol.noPassword')}</p>
          <p>{t('adviser:enrol.workComputer')}</p>
          <div class="button-row">
            <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void setUp()}>
              {busy ? t('adviser:enrol.settingUp') : t('adviser:enrol.button')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('adviser:enrol.noToken')}</p>
          <p>
            <a href="/adviser/add-device">{t('adviser:enrol.addInstead')}</a>
          </p>
        </>
      )}
    </>
  );
}
