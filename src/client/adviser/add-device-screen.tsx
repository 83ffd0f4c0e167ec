// "Add another computer", on the new computer (/adviser/add-device): type the
// one-time code from the first computer, show this computer's safety code,
// and wait until the first computer approves it (services/add-computer.ts).
import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { navigate } from '../initial/router';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { claimComputer, requestToJoin, CLAIM_POLL_MS, type JoinRequest } from '../services/add-computer';
import { canKeepIdentity, saveIdentity, type Identity } from '../data/adviser-db';
import { AlreadySetUp } from './already-set-up';
import { problemFor, problemOf } from './format';
import { FormErrors, ProblemMessage, type FormError } from './form-errors';
import { usePoll } from './use-poll';
import { useFingerprint } from './use-fingerprint';
import { deviceCodeError, normaliseDeviceCode } from './validate';

type Stage = { step: 'enter' } | { step: 'waiting'; join: JoinRequest } | { step: 'ended'; message: string };

/** Waits for the first computer to approve; mounted only while waiting. */
function WaitForApproval({ join, onIdentity, onEnded }: { join: JoinRequest; onIdentity: (identity: Identity) => void; onEnded: (message: string) => void }) {
  const t = useT();
  const fp = useFingerprint(join.keys.publicKey);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function poll() {
    if (done) return;
    const result = await claimComputer(join, async (computer) => {
      await saveIdentity(computer);
      void navigator.storage?.persist?.().catch(() => false);
    });
    switch (result.step) {
      case 'waiting':
        return;
      case 'joined':
        setDone(true);
        onIdentity(result.computer);
        announce(t('adviser:addDevice.done'));
        navigate('/adviser', { replace: true });
        return;
      case 'ended':
        onEnded(
          t(
            result.why === 'cannot-store'
              ? 'adviser:addDevice.cannotStore'
              : result.why === 'contested'
                ? 'adviser:addDevice.contested'
                : 'adviser:addDevice.refusedOrExpired',
          ),
        );
        return;
      case 'problem':
        setProblem(t(`adviser:errors.${problemFor(result.problem)}`));
    }
  }

  usePoll(poll, CLAIM_POLL_MS);

  return (
    <>
      <p class="lead">{t('adviser:addDevice.check')}</p>
      <p class="device-fingerprint">
        <span class="visually-hidden">{t('adviser:devices.fingerprintLabel')}: </span>
        {fp ?? t('adviser:loading')}
      </p>
      <p>{t('adviser:addDevice.waiting')}</p>
      <p>{t('adviser:addDevice.keepOpen')}</p>
      <ProblemMessage text={problem} />
    </>
  );
}

const CODE_ID = 'device-code';

/** /adviser/add-device, on the new computer: type the code from the first computer. */
export function AddDeviceScreen({ identity, onEnrolled }: { identity: Identity | null; onEnrolled: (identity: Identity) => void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'enter' });
  const title = t('adviser:addDevice.title');
  const heading = <PageHeading title={title}>{title}</PageHeading>;

  if (identity && stage.step !== 'waiting') {
    return (
      <>
        {heading}
        <AlreadySetUp identity={identity} />
      </>
    );
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const error = deviceCodeError(typed);
    setErrors(error ? [{ target: CODE_ID, message: t(`adviser:addDevice.${error}`) }] : []);
    setProblem(null);
    if (error) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    // A browser that cannot keep the key (a private window) stops here, before the one-time code is used up.
    if (!(await canKeepIdentity())) {
      setProblem(t('adviser:addDevice.cannotStore'));
      setBusy(false);
      return;
    }
    try {
      setStage({ step: 'waiting', join: await requestToJoin(normaliseDeviceCode(typed)) });
    } catch (caught) {
      const kind = problemOf(caught);
      setProblem(
        kind === 'notFound'
          ? t('adviser:addDevice.notFound')
          : kind === 'gone'
            ? t('adviser:addDevice.gone')
            : t(`adviser:errors.${kind === 'notSetUp' ? 'server' : kind}`),
      );
    } finally {
      setBusy(false);
    }
  }

  if (stage.step === 'waiting') {
    return (
      <>
        {heading}
        <WaitForApproval join={stage.join} onIdentity={onEnrolled} onEnded={(message) => setStage({ step: 'ended', message })} />
      </>
    );
  }

  return (
    <>
      {heading}
      {stage.step === 'ended' && (
        <p class="adviser-problem" role="alert">
          {stage.message}
        </p>
      )}
      <p class="lead">{t('adviser:addDevice.intro')}</p>
      <p>{t('adviser:addDevice.onlyFirst')}</p>
      <p>{t('adviser:addDevice.oldItems')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormErrors id="device-code-errors" errors={errors} attempt={attempt} />
        <ProblemMessage text={problem} />
        <TextField
          id={CODE_ID}
          label={t('adviser:addDevice.codeLabel')}
          hint={t('adviser:addDevice.codeHint')}
          error={errors[0]?.message}
          value={typed}
          onInput={setTyped}
        />
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {busy ? t('adviser:addDevice.sending') : t('adviser:addDevice.submit')}
        </button>
      </form>
      <p>{t('adviser:addDevice.workComputer')}</p>
    </>
  );
}
