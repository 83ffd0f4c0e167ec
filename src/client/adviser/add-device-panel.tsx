// "Add another computer", on the computer that holds the adviser's signing
// key: make a one-time code, then approve the new computer once the adviser
// has checked that both show the same safety code (services/add-computer.ts).
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import { approveComputer, refuseComputer, PENDING_POLL_MS } from '../services/add-computer';
import type { DeviceCodeResponse, PendingDevice } from '../../shared/protocol/api-types';
import { canAddComputers, type Identity } from '../data/adviser-db';
import { formatDateTime, problemOf } from './format';
import { ProblemMessage } from './form-errors';
import { formatCode } from './invite-link';
import { usePoll } from './use-poll';
import { useFingerprint } from './use-fingerprint';

function PendingRequest({ identity, request, onDone }: { identity: Identity; request: PendingDevice; onDone: () => void }) {
  const t = useT();
  const fp = useFingerprint(request.publicKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function approve() {
    if (!identity.signingPrivateKey || !fp) return;
    setBusy(true);
    setProblem(null);
    try {
      await approveComputer(identity.signingPrivateKey, identity.deviceToken, request, fp);
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
      await refuseComputer(identity.deviceToken, request);
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
