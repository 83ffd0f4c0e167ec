// What the Connect screen shows once it knows something: already connected,
// a refusal (the relay's answer could not be trusted), or the consent page.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { getIdentity, type Connection } from '../../data/claimant-db';
import { claimantSafetyCode, type Consent } from '../../services/connect';
import { ErrorSummary } from '../../ui/error-summary';
import { SpelledCode } from '../../ui/spelled-code';
import { TextField } from '../../ui/text-field';

/** Who the adviser is, on the consent page: where focus goes once a typed code is found. */
export const ADVISER_ID = 'connect-adviser';
/** The field for the safety code the adviser reads out (typed codes only). */
export const SAFETY_INPUT = 'connect-safety-code';

/** Both safety codes of a connection: the adviser's (pinned at connect) and this phone's, which the adviser's screen shows for this client. */
export function SafetyCodes({ connection }: { connection: Connection }) {
  const t = useT();
  const [own, setOwn] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void getIdentity()
      .then((identity) => (identity ? claimantSafetyCode(identity.publicKey) : null))
      .then((code) => live && setOwn(code))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connection.connectionId]);
  return (
    <div class="forward-check">
      {connection.fingerprint && (
        <>
          <h2>{t('forward:connect.yourCode.adviserTitle')}</h2>
          <SpelledCode class="forward-fingerprint" label={t('forward:connect.yourCode.adviserTitle')} code={connection.fingerprint} />
        </>
      )}
      {own && (
        <>
          <h2>{t('forward:connect.yourCode.title')}</h2>
          <SpelledCode class="forward-fingerprint forward-fingerprint--own" label={t('forward:connect.yourCode.title')} code={own} />
          <p>{t('forward:connect.yourCode.body')}</p>
        </>
      )}
    </div>
  );
}

export function AlreadyConnected({ connection }: { connection: Connection }) {
  const t = useT();
  const { adviser } = connection;
  return (
    <>
      <p>{t('forward:connect.already', { name: adviser.name, org: adviser.org })}</p>
      <SafetyCodes connection={connection} />
      <p>
        <a class="button" href="/send">
          {t('forward:send.title')}
        </a>
      </p>
      <p>{t('forward:connect.alreadyStop')}</p>
    </>
  );
}

/** The relay's answer failed a check: a different signing key (mismatch), or no signed device key (unverified). */
export function Refused({ why }: { why: 'mismatch' | 'unverified' }) {
  const t = useT();
  return (
    <>
      <div class="warning" role="alert">
        <h2 class="warning__title">{t(`forward:connect.${why}.title`)}</h2>
        <p>{t(`forward:connect.${why}.body`)}</p>
        <p>{t(`forward:connect.${why}.action`)}</p>
      </div>
      <p>
        <a href="/">{t('forward:home')}</a>
      </p>
    </>
  );
}

interface ConsentProps {
  consent: Consent;
  problem: string | null;
  /** For a typed code: what the person typed as the adviser's safety code, and why it was not accepted. */
  safety: { value: string; onInput: (value: string) => void; error: string | null };
  attempt: number;
  busy: boolean;
  onAgree: () => void;
}

/**
 * Who the adviser is, the safety code, and what agreeing means. From a link,
 * the safety code was compared already; for a typed code the person types the
 * one the adviser reads out (the relay's is not shown, so it cannot be copied).
 */
export function ConsentPage({ consent, problem, safety, attempt, busy, onAgree }: ConsentProps) {
  const t = useT();
  const { adviser } = consent;
  const items = [...(safety.error ? [{ message: safety.error, target: SAFETY_INPUT }] : []), ...(problem ? [{ message: problem }] : [])];
  return (
    <>
      <ErrorSummary id="connect-problem" title={t('forward:problem')} attempt={attempt} items={items} />
      <div id={ADVISER_ID} class="forward-adviser" tabIndex={-1}>
        <p class="forward-adviser__kicker">{t('forward:connect.adviserIs')}</p>
        <p class="forward-adviser__name">{adviser.name}</p>
        <p class="forward-adviser__org">{adviser.org}</p>
      </div>
      <div class="forward-check">
        <h2>{t('forward:connect.safety.title')}</h2>
        {consent.fromLink ? (
          <>
            <p>{t('forward:connect.safety.matched')}</p>
            <SpelledCode class="forward-fingerprint" label={t('forward:connect.safety.label')} code={consent.fingerprint} />
          </>
        ) : (
          <TextField
            id={SAFETY_INPUT}
            label={t('forward:connect.safety.typeLabel')}
            hint={t('forward:connect.safety.typeHint')}
            error={safety.error ?? undefined}
            value={safety.value}
            onInput={safety.onInput}
          />
        )}
        {consent.dropped > 0 && <p class="warning">{t('forward:connect.safety.dropped')}</p>}
      </div>
      <h2>{t('forward:connect.consent.title')}</h2>
      <dl class="forward-consent">
        <dt>{t('forward:connect.consent.whatTitle')}</dt>
        <dd>{t('forward:connect.consent.what')}</dd>
        <dt>{t('forward:connect.consent.whoTitle')}</dt>
        <dd>{t('forward:connect.consent.who', { name: adviser.name })}</dd>
        <dt>{t('forward:connect.consent.howLongTitle')}</dt>
        <dd>{t('forward:connect.consent.howLong')}</dd>
        <dt>{t('forward:connect.consent.stopTitle')}</dt>
        <dd>{t('forward:connect.consent.stop')}</dd>
      </dl>
      <p>
        <a href="/privacy">{t('forward:privacyLink')}</a>
      </p>
      <div class="button-row">
        <button type="button" class="button" aria-disabled={busy || undefined} onClick={onAgree}>
          {busy ? t('forward:connect.connecting') : t('forward:connect.agree')}
        </button>
        <a class="button button--secondary" href="/">
          {t('forward:connect.notNow')}
        </a>
      </div>
    </>
  );
}
