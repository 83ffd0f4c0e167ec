// "Add another computer". The first computer holds the adviser's signing key;
// it makes a one-time code, and signs the key of each new computer once the
// adviser has checked the two computers show the same safety code. The new
// computer makes its own key: no private key ever leaves a computer.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { PageHeading } from '../initial/page-heading';
import { navigate } from '../initial/router';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { ApiFailure, relay } from '../services/api-client';
import type { DeviceCodeResponse, DeviceRequestResponse, PendingDevice } from '../../shared/protocol/api-types';
import { fingerprint, generateKeyPair, signDeviceKey } from '../services/crypto';
import { canAddComputers, getIdentity, saveIdentity, type Identity } from '../data/adviser-db';
import { formatDateTime, problemOf } from './format';
import { FormErrors, ProblemMessage, type FormError } from './form-errors';
import { formatCode } from './invite-link';
import { usePoll } from './use-poll';
import { deviceCodeError, normaliseDeviceCode } from './validate';

export const PENDING_POLL_MS = 5_000;
// The relay allows 10 claims a minute per address (shared with code entry).
export const CLAIM_POLL_MS = 7_000;

/** Shows a safety code for a key, worked out on this computer. */
function useFingerprint(publicKey: string | null): string | null {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    setValue(null);
    if (!publicKey) return;
    let live = true;
    fingerprint(publicKey).then(
      (fp) => live && setValue(fp),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [publicKey]);
  return value;
}

function PendingRequest({ identity, request, onDone }: { identity: Identity; request: PendingDevice; onDone: () => void }) {
  const t = useT();
  const fp = useFingerprint(request.publicKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function approve() {
    if (!identity.signingPrivateKey) return;
    setBusy(true);
    setProblem(null);
    try {
      const signature = await signDeviceKey(identity.signingPrivateKey, request.publicKey);
      await relay.approveDevice(identity.deviceToken, request.id, { signature });
      announce(t('adviser:devices.added'));
      onDone();
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
      setBusy(false);
    }
  }

  async function refuse() {
    setBusy(true);
    setProblem(null);
    try {
      await relay.refuseDevice(identity.deviceToken, request.id);
      announce(t('adviser:devices.refused'));
      onDone();
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
      setBusy(false);
    }
  }

  return (
    <li class="device-request">
      <p>{t('adviser:devices.requestAt', { date: formatDateTime(request.createdAt) })}</p>
      <p>{t('adviser:devices.compare')}</p>
      <p class="device-fingerprint">
        <span class="visually-hidden">{t('adviser:devices.fingerprintLabel')}: </span>
        {fp ?? t('adviser:loading')}
      </p>
      <ProblemMessage text={problem} />
      <div class="button-row">
        <button type="button" class="button" disabled={busy || !fp} aria-busy={busy} onClick={() => void approve()}>
          {t('adviser:devices.approve')}
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void refuse()}>
          {t('adviser:devices.refuse')}
        </button>
      </div>
    </li>
  );
}

/** Mounted only while a code is shown, so the list is only polled then. */
function PendingRequests({ identity }: { identity: Identity }) {
  const t = useT();
  const [pending, setPending] = useState<PendingDevice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function refresh() {
    try {
      setPending(await relay.pendingDevices(identity.deviceToken));
      setProblem(null);
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    }
  }

  usePoll(refresh, PENDING_POLL_MS);

  return (
    <div aria-live="polite">
      <h4>{t('adviser:devices.pendingHeading')}</h4>
      <ProblemMessage text={problem} />
      {pending === null ? (
        !problem && <p class="loading">{t('adviser:loading')}</p>
      ) : pending.length === 0 ? (
        <p>{t('adviser:devices.noPending')}</p>
      ) : (
        <ul class="device-requests">
          {pending.map((request) => (
            <PendingRequest key={request.id} identity={identity} request={request} onDone={() => void refresh()} />
          ))}
        </ul>
      )}
      <p class="field__hint">{t('adviser:devices.pollNote')}</p>
    </div>
  );
}

/** The "Add another computer" panel on the inbox. */
export function AddDevicePanel({ identity }: { identity: Identity }) {
  const t = useT();
  const [code, setCode] = useState<DeviceCodeResponse | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Hide the code once it has expired.
  useEffect(() => {
    if (!code) return;
    const left = new Date(code.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => setExpired(true), Math.max(0, Number.isFinite(left) ? left : 0));
    return () => clearTimeout(timer);
  }, [code]);

  async function makeCode() {
    setBusy(true);
    setProblem(null);
    try {
      const made = await relay.createDeviceCode(identity.deviceToken);
      setCode(made);
      setExpired(false);
      announce(t('adviser:devices.codeMade', { code: formatCode(made.code) }));
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="adviser-panel" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('adviser:devices.heading')}</h2>
      {!canAddComputers(identity) ? (
        <>
          <p>{t('adviser:devices.notHere')}</p>
          <p>{t('adviser:devices.notHereWhy')}</p>
        </>
      ) : (
        <>
          <p>{t('adviser:devices.intro')}</p>
          <p>{t('adviser:devices.oldItems')}</p>
          <ProblemMessage text={problem} />
          <div class="button-row">
            <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void makeCode()}>
              {code && !expired ? t('adviser:devices.newCode') : t('adviser:devices.makeCode')}
            </button>
          </div>
          {code && expired && <p>{t('adviser:devices.expired')}</p>}
          {code && !expired && (
            <div class="invite-result">
              <h3>{t('adviser:devices.codeHeading')}</h3>
              <p>{t('adviser:devices.codeIntro')}</p>
              <p class="invite-code">
                <span aria-hidden="true">{formatCode(code.code)}</span>
                <span class="visually-hidden">{t('adviser:invite.codeAria', { code: [...code.code].join(' ') })}</span>
              </p>
              <p>{t('adviser:devices.expires', { date: formatDateTime(code.expiresAt) })}</p>
              <PendingRequests identity={identity} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

type Stage =
  { step: 'enter' } | { step: 'waiting'; request: DeviceRequestResponse; keys: { publicKey: string; privateKey: CryptoKey } } | { step: 'ended'; message: string };

/** Waits for the first computer to approve; mounted only while waiting. */
function WaitForApproval({
  request,
  keys,
  onIdentity,
  onEnded,
}: {
  request: DeviceRequestResponse;
  keys: { publicKey: string; privateKey: CryptoKey };
  onIdentity: (identity: Identity) => void;
  onEnded: (message: string) => void;
}) {
  const t = useT();
  const fp = useFingerprint(keys.publicKey);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function poll() {
    if (done) return;
    try {
      const answer = await relay.claimDevice(request.requestId, request.pollToken);
      if (answer.state !== 'approved') return;
      setDone(true);
      const saved: Identity = {
        adviserId: answer.adviserId,
        name: answer.name,
        org: answer.org,
        // No signing private key here: only the first computer can add others.
        signingKey: answer.signingKey,
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
        deviceToken: answer.deviceToken,
        enrolledAt: new Date().toISOString(),
      };
      await saveIdentity(saved);
      void navigator.storage?.persist?.().catch(() => false);
      onIdentity(saved);
      announce(t('adviser:addDevice.done'));
      navigate('/adviser', { replace: true });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 410) onEnded(t('adviser:addDevice.refusedOrExpired'));
      else if (error instanceof ApiFailure && error.status === 404) onEnded(t('adviser:addDevice.refusedOrExpired'));
      else if (!(error instanceof ApiFailure)) onEnded(t('adviser:addDevice.cannotStore'));
      else if (error.status === 429)
        return; // asked too often: the next poll tries again
      else setProblem(t(`adviser:errors.${problemOf(error)}`));
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
        <p>{t('adviser:enrol.already', { name: identity.name, org: identity.org })}</p>
        <p>
          <a href="/adviser">{t('adviser:enrol.goToInbox')}</a>
        </p>
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
    try {
      // If this browser cannot keep the key (a private window), stop before using the code.
      await getIdentity();
    } catch {
      setProblem(t('adviser:addDevice.cannotStore'));
      setBusy(false);
      return;
    }
    try {
      const keys = await generateKeyPair();
      const request = await relay.requestDevice({ code: normaliseDeviceCode(typed), publicKey: keys.publicKey });
      setStage({ step: 'waiting', request, keys });
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
        <WaitForApproval request={stage.request} keys={stage.keys} onIdentity={onEnrolled} onEnded={(message) => setStage({ step: 'ended', message })} />
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
