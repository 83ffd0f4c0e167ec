// "Add another computer", on the new computer (/adviser/add-device): type the
// one-time code and the adviser's safety code from the first computer, show
// this computer's safety code, and wait until the first computer approves it
// (services/add-computer.ts refuses a signing key with another safety code).
import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { navigate } from '../initial/router';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { claimComputer, requestToJoin, CLAIM_POLL_MS, type JoinRequest } from '../services/add-computer';
import { isSafetyCode } from '../services/safety-code';
import { canKeepIdentity, saveIdentity, type Identity } from '../data/adviser-db';
import { AlreadySetUp } from './already-set-up';
import { problemFor, problemOf } from './format';
import { ErrorSummary, type SummaryItem as FormError } from '../ui/error-summary';
import { SpelledCode } from '../ui/spelled-code';
import { focusWhenShown } from '../ui/focus';
import { usePoll } from './use-poll';
import { useFingerprint } from './use-fingerprint';
import { deviceCodeError, normaliseDeviceCode } from './validate';

const CHECK_ID = 'add-device-check';

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
                : result.why === 'wrong-signing-key'
                  ? 'adviser:addDevice.wrongSigningKey'
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
      {/* The code form has gone: focus lands on what to do next. */}
      <p class="lead" id={CHECK_ID} tabIndex={-1}>
        {t('adviser:addDevice.check')}
      </p>
      {fp ? (
        <SpelledCode class="device-fingerprint" label={t('adviser:devices.fingerprintLabel')} code={fp} />
      ) : (
        <p class="device-fingerprint">{t('adviser:loading')}</p>
      )}
      <p>{t('adviser:addDevice.waiting')}</p>
      <p>{t('adviser:addDevice.keepOpen')}</p>
      {/* A failed check repeats every few seconds: read out politely, never taking focus. */}
      <p class="adviser-problem" role="status" hidden={!problem}>
        {problem}
      </p>
    </>
  );
}

const CODE_ID = 'device-code';
const SAFETY_ID = 'device-adviser-safety-code';
const ENDED_ID = 'add-device-ended';

/** /adviser/add-device, on the new computer: type the code from the first computer. */
export function AddDeviceScreen({ identity, onEnrolled }: { identity: Identity | null; onEnrolled: (identity: Identity) => void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [safety, setSafety] = useState('');
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
    const found: FormError[] = [];
    if (error) found.push({ target: CODE_ID, message: t(`adviser:addDevice.${error}`) });
    if (!isSafetyCode(safety)) found.push({ target: SAFETY_ID, message: t('adviser:addDevice.safetyFormat') });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
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
      setStage({ step: 'waiting', join: await requestToJoin(normaliseDeviceCode(typed), safety) });
      focusWhenShown(CHECK_ID);
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
        <WaitForApproval join={stage.join} onIdentity={onEnrolled} onEnded={(message) => (setStage({ step: 'ended', message }), focusWhenShown(ENDED_ID))} />
      </>
    );
  }

  return (
    <>
      {heading}
      {stage.step === 'ended' && (
        <p id={ENDED_ID} class="adviser-problem" role="alert" tabIndex={-1}>
          {stage.message}
        </p>
      )}
      <p class="lead">{t('adviser:addDevice.intro')}</p>
      <p>{t('adviser:addDevice.onlyFirst')}</p>
      <p>{t('adviser:addDevice.oldItems')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary id="device-code-errors" title={t('adviser:problem')} items={errors} attempt={attempt} />
        <ErrorSummary id="device-code-problem" title={t('adviser:problem')} items={problem ? [{ message: problem }] : []} />
        <TextField
          id={CODE_ID}
          label={t('adviser:addDevice.codeLabel')}
          hint={t('adviser:addDevice.codeHint')}
          error={errors.find((e) => e.target === CODE_ID)?.message}
          value={typed}
          onInput={setTyped}
        />
        <TextField
          id={SAFETY_ID}
          label={t('adviser:addDevice.safetyLabel')}
          hint={t('adviser:addDevice.safetyHint')}
          error={errors.find((e) => e.target === SAFETY_ID)?.message}
          value={safety}
          onInput={setSafety}
        />
        <button type="submit" class="button" aria-disabled={busy || undefined} aria-busy={busy}>
          {busy ? t('adviser:addDevice.sending') : t('adviser:addDevice.submit')}
        </button>
      </form>
      <p>{t('adviser:addDevice.workComputer')}</p>
    </>
  );
}
