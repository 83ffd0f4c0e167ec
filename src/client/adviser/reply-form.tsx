import { useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { relay } from '../services/api-client';
import type { ConnectionInfo } from '../../shared/protocol/api-types';
import { sealPayload } from '../services/crypto';
import { saveReply, type Identity } from '../data/adviser-db';
import { problemOf } from './format';
import { FormErrors, ProblemMessage } from './form-errors';
import { useForm } from './use-form';
import { REPLY_MAX, replyError, replyLeft } from './validate';

const REPLY_ID = 'reply-text';

/** A short reply, sealed so only the client's phone can read it. */
export function ReplyForm({ identity, connection, label, onSent }: { identity: Identity; connection: ConnectionInfo; label: string; onSent: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const { errors, attempt, busy, problem, check, run } = useForm();
  // One id per reply, kept across retries, so a repeat is not sent twice.
  const [replyId, setReplyId] = useState(() => crypto.randomUUID());
  const left = replyLeft(text);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const error = replyError(text);
    if (!check(error ? [{ target: REPLY_ID, message: t(`adviser:reply.${error}`, { max: REPLY_MAX }) }] : [])) return;
    await run(
      async () => {
        const sentAt = new Date().toISOString();
        const body = text.trim();
        const { envelope, sha256 } = await sealPayload([connection.claimantPublicKey], { kind: 'text', text: body, sentAt });
        await relay.reply(identity.deviceToken, connection.id, { id: replyId, envelope });
        await saveReply({ id: replyId, connectionId: connection.id, label, text: body, sentAt, sha256 });
        setText('');
        setReplyId(crypto.randomUUID());
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
        <FormErrors id="reply-errors" errors={errors} attempt={attempt} />
        <ProblemMessage text={problem} />
        <TextField
          id={REPLY_ID}
          multiline
          rows={5}
          label={t('adviser:reply.label')}
          hint={t('adviser:reply.hint', { max: REPLY_MAX })}
          error={errors[0]?.message}
          value={text}
          onInput={setText}
        >
          <p class="field__hint">{left >= 0 ? t('adviser:reply.left', { count: left }) : t('adviser:reply.over', { count: -left })}</p>
        </TextField>
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t('adviser:reply.submit')}
        </button>
      </form>
    </section>
  );
}
