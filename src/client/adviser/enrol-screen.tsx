import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { navigate } from '../initial/router';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import { relayProblem } from '../services/relay-problem';
import { generateKeyPair, generateSigningKeyPair, signDeviceKey } from '../services/crypto';
import { canKeepIdentity, saveIdentity, type Identity } from '../data/adviser-db';
import { AlreadySetUp } from './already-set-up';
import { ErrorSummary } from '../ui/error-summary';
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
        <AlreadySetUp identity={identity} />
      </>
    );
  }

  async function setUp() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    // A browser that cannot keep the key (a private window) stops here, before the one-time link is used up.
    if (!(await canKeepIdentity())) {
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
      const { kind } = relayProblem(error);
      setProblem(
        // Used, expired, or not the whole link.
        kind === 'gone' || kind === 'not-found' || kind === 'invalid'
          ? t('adviser:enrol.linkExpired')
          : kind === 'offline'
            ? t('adviser:errors.offline')
            : kind === 'rate-limited'
              ? t('adviser:errors.tooMany')
              : t('adviser:errors.server'),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <ErrorSummary id="enrol-problem" title={t('adviser:problem')} items={problem ? [{ message: problem }] : []} />
      {token ? (
        <>
          <p class="lead">{t('adviser:enrol.intro')}</p>
          <p>{t('adviser:enrol.noPassword')}</p>
          <p>{t('adviser:enrol.workComputer')}</p>
          <div class="button-row">
            <button type="button" class="button" aria-disabled={busy || undefined} aria-busy={busy} onClick={() => void setUp()}>
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
