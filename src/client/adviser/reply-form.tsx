import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { relay } from '../services/api-client';
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import { sealReply } from '../services/adviser-items';
import { saveReply, type Identity } from '../data/adviser-db';
import { problemOf } from './format';
import { ErrorSummary } from '../ui/error-summary';
import { useForm } from './use-form';
import { REPLY_MAX, countBand, replyError, replyLeft } from './validate';

const REPLY_ID = 'reply-text';
const COUNT_ID = 'reply-text-count';

/** A short reply, sealed by this computer's key so only the client's phone (its pinned key) can read it, and check who sent it. */
export function ReplyForm({
  identity,
  connection,
  claimantKey,
  label,
  onSent,
}: {
  identity: Identity;
  connection: ConnectionInfo;
  claimantKey: string;
  label: string;
  onSent: () => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const { errors, attempt, busy, problem, check, run } = useForm();
  // One id per reply, kept across retries, so a repeat is not sent twice.
  const [replyId, setReplyId] = useState(() => crypto.randomUUID());
  // Shown under the button until the next reply is typed: the live region's message can be replaced at once
  // by another (a client's deadline coming up), and a sighted adviser needs to see it went too.
  const [sent, setSent] = useState(false);
  const left = replyLeft(text);
  const countText = left >= 0 ? t('adviser:reply.left', { count: left }) : t('adviser:reply.over', { count: -left });
  const band = countBand(left);
  const lastBand = useRef(band);

  // Read the count out politely when typing pauses near the limit, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (band !== lastBand.current && band > 0) announce(countText);
      lastBand.current = band;
    }, 700);
    return () => clearTimeout(timer);
  }, [band]);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setSent(false);
    const error = replyError(text);
    if (!check(error ? [{ target: REPLY_ID, message: t(`adviser:reply.${error}`, { max: REPLY_MAX }) }] : [])) return;
    await run(
      async () => {
        const sentAt = new Date().toISOString();
        const body = text.trim();
        const { envelope, sha256 } = await sealReply(identity, claimantKey, connection.id, replyId, body, sentAt);
        await relay.reply(identity.deviceToken, connection.id, { id: replyId, envelope });
        await saveReply({ id: replyId, connectionId: connection.id, label, text: body, sentAt, sha256 });
        setText('');
        setReplyId(crypto.randomUUID());
        setSent(true);
        announce(t('adviser:reply.sent'));
        onSent();
      },
      (caught) => t(`adviser:errors.${problemOf(caught)}`),
    );
  }

  return (
    <section class="adviser-panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('adviser:reply.heading')}</h2>
      <p>{t('adviser:reply.intro')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary id="reply-errors" title={t('adviser:problem')} items={errors} attempt={attempt} />
        <ErrorSummary id="reply-problem" title={t('adviser:problem')} items={problem ? [{ message: problem }] : []} />
        <TextField
          id={REPLY_ID}
          multiline
          rows={5}
          label={t('adviser:reply.label')}
          hint={t('adviser:reply.hint', { max: REPLY_MAX })}
          error={errors[0]?.message}
          value={text}
          onInput={(value) => {
            setText(value);
            setSent(false);
          }}
          describedBy={COUNT_ID}
        >
          <p class={left < 0 ? 'field__hint field__hint--over' : 'field__hint'} id={COUNT_ID}>
            {countText}
          </p>
        </TextField>
        <button type="submit" class="button" aria-disabled={busy || undefined} aria-busy={busy}>
          {t('adviser:reply.submit')}
        </button>
        {sent && (
          <p id="reply-sent" class="field__hint">
            {t('adviser:reply.sent')}
          </p>
        )}
      </form>
    </section>
  );
}
