import { useEffect, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { relay } from '../services/api-client';
import { ownComputerKeys, sealLabel } from '../services/client-label';
import type { InviteResponse } from '../../shared/protocol/api-types';
import { fingerprint } from '../services/crypto';
import { SpelledCode } from '../ui/spelled-code';
import type { Identity } from '../data/adviser-db';
import { formatDateTime, problemOf } from './format';
import { ErrorSummary } from '../ui/error-summary';
import { useForm } from './use-form';
import { formatCode, inviteLink, qrSvgDataUrl } from './invite-link';
import { LABEL_MAX, labelError } from './validate';

const LABEL_ID = 'invite-label';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface Made extends InviteResponse {
  label: string;
  link: string;
  qr: string;
}

/** "Invite a client": a one-time code, a link and a QR code of the link. */
export function InviteForm({ identity, onInvited }: { identity: Identity; onInvited: () => void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const { errors, attempt, busy, problem, check, run } = useForm();
  const [made, setMade] = useState<Made | null>(null);
  const [ownFingerprint, setOwnFingerprint] = useState<string | null>(null);

  useEffect(() => {
    // Links pin the signing key, which vouches for every one of the adviser's computers.
    fingerprint(identity.signingKey).then(setOwnFingerprint, () => setOwnFingerprint(null));
  }, [identity.signingKey]);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const error = labelError(label);
    if (!check(error ? [{ target: LABEL_ID, message: t(`adviser:invite.${error}`, { max: LABEL_MAX }) }] : [])) return;
    await run(
      async () => {
        const fp = ownFingerprint ?? (await fingerprint(identity.signingKey));
        // Sealed here to this adviser's own computers: the relay never sees the label.
        const sealedLabel = await sealLabel(identity, label.trim(), await ownComputerKeys(identity));
        const invite = await relay.createInvite(identity.deviceToken, { sealedLabel });
        const link = inviteLink(location.origin, invite.code, fp);
        setMade({ ...invite, label: label.trim(), link, qr: qrSvgDataUrl(link) });
        setLabel('');
        announce(t('adviser:invite.made', { code: formatCode(invite.code) }));
        onInvited();
      },
      (caught) => t(`adviser:errors.${problemOf(caught)}`),
    );
  }

  async function copy(text: string) {
    announce(t((await copyText(text)) ? 'adviser:invite.copied' : 'adviser:invite.copyFailed'));
  }

  return (
    <section class="adviser-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('adviser:invite.heading')}</h2>
      <p>{t('adviser:invite.intro')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary id="invite-errors" title={t('adviser:problem')} items={errors} attempt={attempt} />
        <ErrorSummary id="invite-problem" title={t('adviser:problem')} items={problem ? [{ message: problem }] : []} />
        <TextField
          id={LABEL_ID}
          label={t('adviser:invite.labelLabel')}
          hint={t('adviser:invite.labelHint', { max: LABEL_MAX })}
          error={errors[0]?.message}
          value={label}
          onInput={setLabel}
        />
        <button type="submit" class="button" aria-disabled={busy || undefined} aria-busy={busy}>
          {t('adviser:invite.submit')}
        </button>
      </form>
      {made && (
        <div class="invite-result" aria-labelledby="invite-result-heading">
          <h3 id="invite-result-heading">{t('adviser:invite.resultHeading', { label: made.label })}</h3>
          <p>{t('adviser:invite.codeIntro')}</p>
          <p class="invite-code">
            <span aria-hidden="true">{formatCode(made.code)}</span>
            {/* Read letter by letter, so "K7M" is not read as a word. */}
            <span class="visually-hidden">{t('adviser:invite.codeAria', { code: [...made.code].join(' ') })}</span>
          </p>
          <div class="button-row">
            <button type="button" class="button button--secondary" onClick={() => void copy(formatCode(made.code))}>
              {t('adviser:invite.copyCode')}
            </button>
          </div>
          <p>{t('adviser:invite.expires', { date: formatDateTime(made.expiresAt) })}</p>
          {ownFingerprint && (
            <>
              <p>{t('adviser:invite.safetyIntro')}</p>
              <SpelledCode class="adviser-fingerprint" label={t('adviser:invite.safetyLabel')} code={ownFingerprint} />
            </>
          )}
          <h4>{t('adviser:invite.linkHeading')}</h4>
          <p>{t('adviser:invite.linkIntro')}</p>
          <p class="invite-link">
            <a href={made.link} target="_blank" rel="noopener noreferrer">
              {made.link}
            </a>
          </p>
          <div class="button-row">
            <button type="button" class="button button--secondary" onClick={() => void copy(made.link)}>
              {t('adviser:invite.copyLink')}
            </button>
          </div>
          <h4>{t('adviser:invite.qrHeading')}</h4>
          <p>{t('adviser:invite.qrIntro')}</p>
          <img class="invite-qr" src={made.qr} alt={t('adviser:invite.qrAlt', { label: made.label })} width={240} height={240} />
        </div>
      )}
    </section>
  );
}
