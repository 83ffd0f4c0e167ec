// "Add another computer", on the computer that holds the adviser's signing
// key: make a one-time code (shown with the adviser's own safety code, which
// the new computer asks for), then approve the new computer once the adviser
// has typed the safety code the new computer shows (services/add-computer.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { relay } from '../services/api-client';
import { approveComputer, refuseComputer, SafetyCodeMismatch, PENDING_POLL_MS } from '../services/add-computer';
import { TextField } from '../ui/text-field';
import type { DeviceCodeResponse, PendingDevice } from '../../shared/protocol/api-types';
import { canAddComputers, type Identity } from '../data/adviser-db';
import { formatDateTime, problemOf } from './format';
import { ErrorSummary } from '../ui/error-summary';
import { SpelledCode } from '../ui/spelled-code';
import { focusWhenShown } from '../ui/focus';
import { formatCode } from './invite-link';
import { usePoll } from './use-poll';
import { useFingerprint } from './use-fingerprint';

/** The warning that a one-time code is about to stop working comes this long before. */
export const EXPIRY_WARNING_MS = 2 * 60_000;

const MAKE_CODE_ID = 'devices-make-code';
const PENDING_HEADING_ID = 'devices-pending-heading';

function PendingRequest({ identity, request, onDone }: { identity: Identity; request: PendingDevice; onDone: () => void }) {
  const t = useT();
  const fp = useFingerprint(request.publicKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const typedId = `device-request-${request.id}-code`;

  async function approve() {
    if (busy || !identity.signingPrivateKey || !fp) return;
    setBusy(true);
    setProblem(null);
    setTypedError(null);
    try {
      // Only the computer whose safety code the adviser typed, in full, from the new computer's screen.
      await approveComputer(identity.signingPrivateKey, identity.deviceToken, request, typed);
      announce(t('adviser:devices.added'));
      onDone();
      // This request leaves the list: focus its heading.
      focusWhenShown(PENDING_HEADING_ID);
    } catch (error) {
      if (error instanceof SafetyCodeMismatch) {
        setTypedError(t(typed.trim() ? 'adviser:devices.typeMismatch' : 'adviser:devices.typeMissing'));
        focusWhenShown(typedId);
      } else {
        setProblem(t(`adviser:errors.${problemOf(error)}`));
      }
      setBusy(false);
    }
  }

  async function refuse() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await refuseComputer(identity.deviceToken, request);
      announce(t('adviser:devices.refused'));
      onDone();
      focusWhenShown(PENDING_HEADING_ID);
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
      setBusy(false);
    }
  }

  return (
    <li class="device-request">
      <p>{t('adviser:devices.requestAt', { date: formatDateTime(request.createdAt) })}</p>
      <p>{t('adviser:devices.compare')}</p>
      {fp ? (
        <SpelledCode class="device-fingerprint" label={t('adviser:devices.fingerprintLabel')} code={fp} />
      ) : (
        <p class="device-fingerprint">{t('adviser:loading')}</p>
      )}
      <ErrorSummary id={`device-request-${request.id}-problem`} title={t('adviser:problem')} headingLevel={3} items={problem ? [{ message: problem }] : []} />
      <TextField
        id={typedId}
        label={t('adviser:devices.typeLabel')}
        hint={t('adviser:devices.typeHint')}
        error={typedError ?? undefined}
        value={typed}
        onInput={setTyped}
      />
      <div class="button-row">
        <button type="button" class="button" disabled={!fp} aria-disabled={busy || undefined} aria-busy={busy} onClick={() => void approve()}>
          {t('adviser:devices.approve')}
        </button>
        <button type="button" class="button button--secondary" aria-disabled={busy || undefined} onClick={() => void refuse()}>
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
      <h4 id={PENDING_HEADING_ID} tabIndex={-1}>
        {t('adviser:devices.pendingHeading')}
      </h4>
      {/* A failed check repeats every few seconds: shown here, never taking focus. */}
      {problem && <p class="adviser-problem">{problem}</p>}
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
  // The new computer asks for this, and refuses a signing key without it.
  const ownCode = useFingerprint(identity.signingKey);
  const [code, setCode] = useState<DeviceCodeResponse | null>(null);
  const [phase, setPhase] = useState<'fresh' | 'ending' | 'expired'>('fresh');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const codeBox = useRef<HTMLDivElement>(null);
  const expired = phase === 'expired';

  // Warn 2 minutes before the code stops working, then hide it and say so
  // (both read out), with "Make a new code" right there.
  useEffect(() => {
    if (!code) return;
    const end = new Date(code.expiresAt).getTime();
    const left = Number.isFinite(end) ? end - Date.now() : 0;
    const now = left <= 0 ? 'expired' : left <= EXPIRY_WARNING_MS ? 'ending' : 'fresh';
    setPhase(now);
    // Already in its last 2 minutes when shown (or when this runs late): the warning is read out too.
    if (now === 'ending') announce(t('adviser:devices.expiresSoon'));
    const timers: ReturnType<typeof setTimeout>[] = [];
    if (left > EXPIRY_WARNING_MS) {
      timers.push(
        setTimeout(() => {
          setPhase('ending');
          announce(t('adviser:devices.expiresSoon'));
        }, left - EXPIRY_WARNING_MS),
      );
    }
    timers.push(
      setTimeout(
        () => {
          // The code and its requests go: focus inside them moves to the button.
          const hadFocus = codeBox.current?.contains(document.activeElement) ?? false;
          setPhase('expired');
          announce(t('adviser:devices.expired'));
          if (hadFocus) focusWhenShown(MAKE_CODE_ID);
        },
        Math.max(0, left),
      ),
    );
    return () => timers.forEach(clearTimeout);
  }, [code]);

  async function makeCode() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const made = await relay.createDeviceCode(identity.deviceToken);
      setCode(made);
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
          <ErrorSummary id="devices-problem" title={t('adviser:problem')} headingLevel={3} items={problem ? [{ message: problem }] : []} />
          {code && phase === 'ending' && <p class="adviser-warning">{t('adviser:devices.expiresSoon')}</p>}
          {code && expired && <p class="adviser-warning">{t('adviser:devices.expired')}</p>}
          <div class="button-row">
            <button id={MAKE_CODE_ID} type="button" class="button" aria-disabled={busy || undefined} aria-busy={busy} onClick={() => void makeCode()}>
              {code && !expired ? t('adviser:devices.newCode') : t('adviser:devices.makeCode')}
            </button>
          </div>
          {code && !expired && (
            <div class="invite-result" ref={codeBox}>
              <h3>{t('adviser:devices.codeHeading')}</h3>
              <p>{t('adviser:devices.codeIntro')}</p>
              <p class="invite-code">
                <span aria-hidden="true">{formatCode(code.code)}</span>
                <span class="visually-hidden">{t('adviser:invite.codeAria', { code: [...code.code].join(' ') })}</span>
              </p>
              <p>{t('adviser:devices.expires', { date: formatDateTime(code.expiresAt) })}</p>
              <p>{t('adviser:devices.yourCode')}</p>
              {ownCode && <SpelledCode class="adviser-fingerprint" label={t('adviser:devices.yourCodeLabel')} code={ownCode} />}
              <PendingRequests identity={identity} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
