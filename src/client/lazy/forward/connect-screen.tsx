// "Connect to my adviser": an invite code from a link or typed in, then a
// plain consent screen, then a key pair made on this phone. The checks that
// decide whether to trust the relay's answer are in services/connect.ts.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { navigate } from '../../initial/router';
import { relayProblem, type RelayProblemKind } from '../../services/relay-problem';
import { checkInvite, connectWithConsent, isInviteCode, normaliseCode, type Consent } from '../../services/connect';
import { getConnection, type Connection } from '../../data/claimant-db';
import { startOutboxSync } from '../../services/outbox-sync';
import { useDraft } from '../../ui/draft';
import { ErrorSummary } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { focusWhenShown } from '../../ui/focus';
import { AlreadyConnected, ADVISER_ID, ConsentPage, Refused } from './connect-views';
import '../../ui/screens.css';
import './forward.css';

const CODE_INPUT = 'connect-code';
const CHECKING_ID = 'connect-checking';

type Stage =
  | { step: 'loading' }
  | { step: 'connected'; connection: Connection }
  | { step: 'enter' }
  | { step: 'checking' }
  | { step: 'consent'; consent: Consent }
  | { step: 'refused'; why: 'mismatch' | 'unverified' };

const ERROR_KEYS: Partial<Record<RelayProblemKind, string>> = {
  offline: 'forward:connect.errors.offline',
  'not-found': 'forward:connect.errors.notFound',
  gone: 'forward:connect.errors.gone',
  'rate-limited': 'forward:connect.errors.tooMany',
};

function errorKey(error: unknown): string {
  return ERROR_KEYS[relayProblem(error).kind] ?? 'forward:connect.errors.other';
}

/** Reads `#code=…&fp=…` once, then takes it out of the address bar and history. */
function readFragment(): { code?: string; fp?: string } {
  if (!location.hash) return {};
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('code') ?? undefined;
  const fp = params.get('fp') ?? undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return { ...(code ? { code } : {}), ...(fp ? { fp } : {}) };
}

export function ConnectScreen() {
  const t = useT();
  const [typed, setTyped] = useDraft('connect-code', '');
  // The code and safety code from the link, kept so a reload does not lose them.
  const [linkCode, setLinkCode] = useDraft<string | null>('connect-link-code', null);
  const [linkFp, setLinkFp] = useDraft<string | null>('connect-link-fp', null);
  const [stage, setStage] = useState<Stage>({ step: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [inputError, setInputError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A typed code: the adviser's safety code as the person types it from what the adviser reads out.
  const [safetyTyped, setSafetyTyped] = useState('');
  const [safetyError, setSafetyError] = useState<string | null>(null);

  function fail(key: string, onInput = false) {
    setProblem(t(key));
    setInputError(onInput);
    setAttempt((n) => n + 1);
  }

  async function lookUp(code: string, expectedFp: string | null, typed = false) {
    setStage({ step: 'checking' });
    setProblem(null);
    try {
      const check = await checkInvite(code, expectedFp);
      if (check.outcome !== 'consent') {
        setStage({ step: 'refused', why: check.outcome });
        return;
      }
      setStage({ step: 'consent', consent: check });
      announce(t('forward:connect.found', { name: check.invite.adviser.name, org: check.invite.adviser.org }));
      // The form has gone: focus who the adviser is, the first thing to check.
      if (typed) focusWhenShown(ADVISER_ID);
    } catch (error) {
      setStage({ step: 'enter' });
      const key = errorKey(error);
      fail(key, key === 'forward:connect.errors.notFound');
    }
  }

  useEffect(() => {
    startOutboxSync();
    const fromLink = readFragment();
    let code = linkCode;
    let fp = linkFp;
    if (fromLink.code) {
      code = normaliseCode(fromLink.code);
      fp = fromLink.fp ?? null;
      setLinkCode(code);
      setLinkFp(fp);
    }
    void getConnection()
      .then((connection) => {
        if (connection && !connection.stoppedAt) setStage({ step: 'connected', connection });
        else if (code && isInviteCode(code)) void lookUp(code, fp);
        else setStage({ step: 'enter' });
      })
      .catch(() => setStage({ step: 'enter' }));
  }, []);

  function onSubmitCode(event: Event) {
    event.preventDefault();
    const code = normaliseCode(typed);
    if (!code) return fail('forward:connect.errors.empty', true);
    if (!isInviteCode(code)) return fail('forward:connect.errors.format', true);
    // A typed code has no safety code to compare with: the person checks it by ear.
    setLinkCode(null);
    setLinkFp(null);
    // The form gives way to "Checking the code…": focus goes there while we wait.
    focusWhenShown(CHECKING_ID);
    void lookUp(code, null, true);
  }

  async function agree(consent: Consent) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setSafetyError(null);
    try {
      const result = await connectWithConsent(consent, undefined, safetyTyped);
      if (result.outcome === 'not-compared') {
        // Nothing was sent: the person checks the code with the adviser and tries again.
        setSafetyError(t(safetyTyped.trim() ? 'forward:connect.safety.typeMismatch' : 'forward:connect.safety.typeMissing'));
        setAttempt((n) => n + 1);
        return;
      }
      if (result.outcome !== 'connected') {
        setStage({ step: 'refused', why: result.outcome });
        return;
      }
      setTyped('');
      setLinkCode(null);
      setLinkFp(null);
      announce(t('forward:connect.done', { name: result.adviserName }));
      navigate('/send');
    } catch (error) {
      fail(errorKey(error));
    } finally {
      setBusy(false);
    }
  }

  const title = t('forward:connect.title');
  const heading = <PageHeading title={title}>{title}</PageHeading>;

  if (stage.step === 'loading' || stage.step === 'checking') {
    return (
      <>
        {heading}
        {/* Keyed, so the intro below is a new paragraph rather than this one rewritten: Chromium
            counted the rewritten text's re-shaping in Arabic as a layout shift (CLS 0.023). */}
        <p key="loading" id={CHECKING_ID} class="loading" tabIndex={-1}>
          {stage.step === 'checking' ? t('forward:connect.checking') : t('forward:loading')}
        </p>
      </>
    );
  }

  if (stage.step === 'connected') {
    return (
      <>
        {heading}
        <AlreadyConnected connection={stage.connection} />
      </>
    );
  }

  if (stage.step === 'refused') {
    return (
      <>
        {heading}
        <Refused why={stage.why} />
      </>
    );
  }

  if (stage.step === 'consent') {
    const { consent } = stage;
    return (
      <>
        {heading}
        <ConsentPage
          consent={consent}
          problem={problem}
          safety={{ value: safetyTyped, onInput: setSafetyTyped, error: safetyError }}
          attempt={attempt}
          busy={busy}
          onAgree={() => void agree(consent)}
        />
      </>
    );
  }

  // A problem with what was typed shows at the field as well as in the summary.
  const fieldError = inputError && problem ? problem : undefined;
  return (
    <>
      {heading}
      <p key="intro">{t('forward:connect.intro')}</p>
      <form noValidate onSubmit={onSubmitCode}>
        <ErrorSummary
          id="connect-problem"
          title={t('forward:problem')}
          attempt={attempt}
          items={problem ? [{ message: problem, target: inputError ? CODE_INPUT : undefined }] : []}
        />
        <div class={`field${fieldError ? ' field--error' : ''}`}>
          <label class="field__label" for={CODE_INPUT}>
            {t('forward:connect.codeLabel')}
          </label>
          <p class="field__hint" id={`${CODE_INPUT}-hint`}>
            {t('forward:connect.codeHint')}
          </p>
          {fieldError && <FieldError id={`${CODE_INPUT}-error`} message={fieldError} />}
          <input
            id={CODE_INPUT}
            name={CODE_INPUT}
            type="text"
            class="input forward-code"
            value={typed}
            autocomplete="off"
            inputMode="text"
            autocapitalize="characters"
            autocorrect="off"
            spellcheck={false}
            aria-describedby={fieldError ? `${CODE_INPUT}-hint ${CODE_INPUT}-error` : `${CODE_INPUT}-hint`}
            aria-invalid={fieldError ? 'true' : undefined}
            onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button">
          {t('forward:connect.continue')}
        </button>
      </form>
      <p>
        <a href="/privacy">{t('forward:privacyLink')}</a>
      </p>
    </>
  );
}
