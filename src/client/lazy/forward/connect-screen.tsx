// "Connect to my adviser": an invite code from a link or typed in, then a
// plain consent screen, then a key pair made on this phone. The link's safety
// code pins the adviser's signing key; every device key the relay hands out
// must carry that key's signature, or it is not used.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { navigate } from '../../initial/router';
import { ApiFailure, relay } from '../../services/api-client';
import { checkAdviserKeys } from '../../services/adviser-keys';
import type { AdviserKeys, InviteInfo } from '../../../shared/protocol/api-types';
import { getConnection, saveConnected, type Connection } from '../../data/claimant-db';
import { fingerprint, generateKeyPair } from '../../services/crypto';
import { startOutboxSync } from '../../services/outbox';
import { useDraft } from '../../ui/draft';
import { ProblemBox } from './problem-box';
import '../../ui/screens.css';
import './forward.css';

const CODE_INPUT = 'connect-code';

/** Any case, spaces and dashes: "k7m-2qx 9pd" → "K7M2QX9PD". */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-–—]+/g, '');
}

function normaliseFingerprint(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const CODE_PATTERN = /^[A-Z0-9]{9}$/;

type Stage =
  | { step: 'loading' }
  | { step: 'connected'; connection: Connection }
  | { step: 'enter' }
  | { step: 'checking' }
  | { step: 'consent'; code: string; invite: InviteInfo; adviser: AdviserKeys; dropped: number; fingerprint: string; fromLink: boolean }
  | { step: 'mismatch'; adviser: InviteInfo['adviser'] }
  | { step: 'unverified' };

function errorKey(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.offline) return 'forward:connect.errors.offline';
    if (error.status === 404) return 'forward:connect.errors.notFound';
    if (error.status === 410) return 'forward:connect.errors.gone';
    if (error.status === 429) return 'forward:connect.errors.tooMany';
  }
  return 'forward:connect.errors.other';
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

  function fail(key: string, onInput = false) {
    setProblem(t(key));
    setInputError(onInput);
    setAttempt((n) => n + 1);
  }

  async function lookUp(code: string, expectedFp: string | null) {
    setStage({ step: 'checking' });
    setProblem(null);
    try {
      const invite = await relay.lookUpInvite(code);
      const actual = await fingerprint(invite.adviser.signingKey);
      if (expectedFp && normaliseFingerprint(expectedFp) !== normaliseFingerprint(actual)) {
        setStage({ step: 'mismatch', adviser: invite.adviser });
        return;
      }
      const checked = await checkAdviserKeys(invite.adviser);
      if (checked.adviser.devices.length === 0) {
        setStage({ step: 'unverified' });
        return;
      }
      setStage({
        step: 'consent',
        code,
        invite,
        adviser: checked.adviser,
        dropped: checked.dropped,
        fingerprint: actual,
        fromLink: expectedFp !== null,
      });
      announce(t('forward:connect.found', { name: invite.adviser.name, org: invite.adviser.org }));
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
        else if (code && CODE_PATTERN.test(code)) void lookUp(code, fp);
        else setStage({ step: 'enter' });
      })
      .catch(() => setStage({ step: 'enter' }));
  }, []);

  function onSubmitCode(event: Event) {
    event.preventDefault();
    const code = normaliseCode(typed);
    if (!code) return fail('forward:connect.errors.empty', true);
    if (!CODE_PATTERN.test(code)) return fail('forward:connect.errors.format', true);
    // A typed code has no safety code to compare with: the person checks it by ear.
    setLinkCode(null);
    setLinkFp(null);
    void lookUp(code, null);
  }

  async function agree(consent: Extract<Stage, { step: 'consent' }>) {
    setBusy(true);
    setProblem(null);
    try {
      const keys = await generateKeyPair();
      const response = await relay.connect({ code: consent.code, claimantPublicKey: keys.publicKey });
      // The relay must hand back the same adviser we showed: otherwise refuse.
      if (response.adviser.signingKey !== consent.adviser.signingKey) {
        void relay.stopSharing(response.claimantToken).catch(() => undefined);
        setStage({ step: 'mismatch', adviser: response.adviser });
        return;
      }
      // Its device keys too must each be signed by that key.
      const checked = await checkAdviserKeys(response.adviser);
      if (checked.adviser.devices.length === 0) {
        void relay.stopSharing(response.claimantToken).catch(() => undefined);
        setStage({ step: 'unverified' });
        return;
      }
      const now = new Date().toISOString();
      await saveConnected(
        { publicKey: keys.publicKey, privateKey: keys.privateKey, createdAt: now },
        {
          connectionId: response.connectionId,
          claimantToken: response.claimantToken,
          // Name and organisation as the person agreed to them.
          adviser: { ...checked.adviser, name: consent.adviser.name, org: consent.adviser.org },
          fingerprint: consent.fingerprint,
          connectedAt: now,
        },
      );
      setTyped('');
      setLinkCode(null);
      setLinkFp(null);
      announce(t('forward:connect.done', { name: response.adviser.name }));
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
        <p class="loading" role="status">
          {stage.step === 'checking' ? t('forward:connect.checking') : t('forward:loading')}
        </p>
      </>
    );
  }

  if (stage.step === 'connected') {
    const { adviser } = stage.connection;
    return (
      <>
        {heading}
        <p>{t('forward:connect.already', { name: adviser.name, org: adviser.org })}</p>
        <p>
          <a class="button" href="/send">
            {t('forward:send.title')}
          </a>
        </p>
        <p>{t('forward:connect.alreadyStop')}</p>
      </>
    );
  }

  if (stage.step === 'mismatch') {
    return (
      <>
        {heading}
        <div class="warning" role="alert">
          <h2 class="warning__title">{t('forward:connect.mismatch.title')}</h2>
          <p>{t('forward:connect.mismatch.body')}</p>
          <p>{t('forward:connect.mismatch.action')}</p>
        </div>
        <p>
          <a href="/">{t('forward:home')}</a>
        </p>
      </>
    );
  }

  if (stage.step === 'unverified') {
    return (
      <>
        {heading}
        <div class="warning" role="alert">
          <h2 class="warning__title">{t('forward:connect.unverified.title')}</h2>
          <p>{t('forward:connect.unverified.body')}</p>
          <p>{t('forward:connect.unverified.action')}</p>
        </div>
        <p>
          <a href="/">{t('forward:home')}</a>
        </p>
      </>
    );
  }

  if (stage.step === 'consent') {
    const { adviser } = stage;
    return (
      <>
        {heading}
        <ProblemBox id="connect-problem" message={problem} attempt={attempt} />
        <div class="forward-adviser">
          <p class="forward-adviser__kicker">{t('forward:connect.adviserIs')}</p>
          <p class="forward-adviser__name">{adviser.name}</p>
          <p class="forward-adviser__org">{adviser.org}</p>
        </div>
        <div class="forward-check">
          <h2>{t('forward:connect.safety.title')}</h2>
          {stage.fromLink ? <p>{t('forward:connect.safety.matched')}</p> : <p>{t('forward:connect.safety.typed')}</p>}
          <p class="forward-fingerprint" aria-label={t('forward:connect.safety.label')}>
            {stage.fingerprint}
          </p>
          {stage.dropped > 0 && <p class="warning">{t('forward:connect.safety.dropped')}</p>}
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
          <button type="button" class="button" disabled={busy} aria-disabled={busy} onClick={() => void agree(stage)}>
            {busy ? t('forward:connect.connecting') : t('forward:connect.agree')}
          </button>
          <a class="button button--secondary" href="/">
            {t('forward:connect.notNow')}
          </a>
        </div>
      </>
    );
  }

  return (
    <>
      {heading}
      <p>{t('forward:connect.intro')}</p>
      <form noValidate onSubmit={onSubmitCode}>
        <ProblemBox id="connect-problem" message={problem} attempt={attempt} {...(inputError ? { target: CODE_INPUT } : {})} />
        <div class={`field${inputError && problem ? ' field--error' : ''}`}>
          <label class="field__label" for={CODE_INPUT}>
            {t('forward:connect.codeLabel')}
          </label>
          <p class="field__hint" id={`${CODE_INPUT}-hint`}>
            {t('forward:connect.codeHint')}
          </p>
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
            aria-describedby={`${CODE_INPUT}-hint`}
            aria-invalid={inputError && problem ? 'true' : undefined}
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
