// "Your computers": every computer that can open what clients send, with its
// name, when it was added and when it last used the relay. A lost or old
// computer is removed here: its credential stops at once, and clients'
// phones stop sealing to its key once they next refresh the adviser's keys.
import { useRef, useState } from 'preact/hooks';
import { useT } from '../initial/i18n/use-translation';
import { announce } from '../initial/status';
import { TextField } from '../ui/text-field';
import { relay } from '../services/api-client';
import type { ComputerInfo } from '../../shared/protocol/api-types';
import type { Identity } from '../data/adviser-db';
import { formatDay, problemOf } from './format';
import { ErrorSummary } from '../ui/error-summary';
import { useForm } from './use-form';
import { usePoll } from './use-poll';

const NAME_ID = 'computer-name';
export const NAME_MAX = 60;
/** The list changes rarely: once a minute is enough. */
const COMPUTERS_POLL_MS = 60_000;

function ComputerRow({ computer, onRemove }: { computer: ComputerInfo; onRemove: (computer: ComputerInfo) => Promise<void> }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = computer.name ?? t('adviser:computers.unnamed');
  const headingId = `computer-${computer.id}`;
  return (
    <li class="device-request">
      <h3 id={headingId} class="item__title">
        {name}
        {computer.current && ` ${t('adviser:computers.thisOne')}`}
      </h3>
      <dl class="item__facts">
        <div>
          <dt>{t('adviser:computers.added')}</dt>
          <dd>{formatDay(computer.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('adviser:computers.lastSeen')}</dt>
          <dd>{computer.lastSeenAt ? formatDay(computer.lastSeenAt) : t('adviser:computers.notSince')}</dd>
        </div>
      </dl>
      {!computer.current &&
        (confirming ? (
          <div class="warning">
            <p>{t('adviser:computers.confirm', { name })}</p>
            <div class="button-row">
              <button
                type="button"
                class="button button--warning"
                aria-disabled={busy || undefined}
                aria-busy={busy}
                onClick={() => {
                  if (busy) return;
                  setBusy(true);
                  void onRemove(computer).finally(() => setBusy(false));
                }}
              >
                {t('adviser:computers.yesRemove')}
              </button>
              <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
                {t('adviser:computers.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="button button--secondary" aria-describedby={headingId} onClick={() => setConfirming(true)}>
            {t('adviser:computers.remove')}
          </button>
        ))}
    </li>
  );
}

/** The adviser's computers; another one can be removed, this one named. */
export function ComputersPanel({ identity }: { identity: Identity }) {
  const t = useT();
  const [computers, setComputers] = useState<ComputerInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const form = useForm();
  const heading = useRef<HTMLHeadingElement>(null);

  async function refresh() {
    try {
      setComputers(await relay.computers(identity.deviceToken));
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    }
  }

  usePoll(refresh, COMPUTERS_POLL_MS);

  async function remove(computer: ComputerInfo) {
    setProblem(null);
    try {
      await relay.removeComputer(identity.deviceToken, computer.id);
      setComputers((old) => old?.filter((c) => c.id !== computer.id) ?? null);
      announce(t('adviser:computers.removed', { name: computer.name ?? t('adviser:computers.unnamed') }));
      // The row and its buttons are gone: give focus to the list's heading, not the page's top.
      heading.current?.focus();
    } catch (error) {
      setProblem(t(`adviser:errors.${problemOf(error)}`));
    }
  }

  async function onName(event: Event) {
    event.preventDefault();
    if (form.busy) return;
    const trimmed = name.trim();
    const error = !trimmed ? 'nameEmpty' : [...trimmed].length > NAME_MAX ? 'nameLong' : null;
    if (!form.check(error ? [{ target: NAME_ID, message: t(`adviser:computers.${error}`, { max: NAME_MAX }) }] : [])) return;
    await form.run(
      async () => {
        const named = await relay.nameComputer(identity.deviceToken, { name: trimmed });
        setComputers((old) => old?.map((c) => (c.id === named.id ? named : c)) ?? null);
        setName('');
        announce(t('adviser:computers.named', { name: named.name ?? trimmed }));
      },
      (caught) => t(`adviser:errors.${problemOf(caught)}`),
    );
  }

  return (
    <section class="adviser-panel" aria-labelledby="computers-heading">
      <h2 id="computers-heading" ref={heading} tabIndex={-1}>
        {t('adviser:computers.heading')}
      </h2>
      <p>{t('adviser:computers.intro')}</p>
      <ErrorSummary id="computers-problem" title={t('adviser:problem')} headingLevel={3} items={problem ? [{ message: problem }] : []} />
      {computers === null ? (
        !problem && <p class="loading">{t('adviser:loading')}</p>
      ) : (
        <ul class="device-requests">
          {computers.map((computer) => (
            <ComputerRow key={computer.id} computer={computer} onRemove={remove} />
          ))}
        </ul>
      )}
      <p class="field__hint">{t('adviser:computers.expiry')}</p>
      <form noValidate onSubmit={(event) => void onName(event)}>
        <ErrorSummary id="computer-name-errors" title={t('adviser:problem')} headingLevel={3} items={form.errors} attempt={form.attempt} />
        <ErrorSummary id="computer-name-problem" title={t('adviser:problem')} headingLevel={3} items={form.problem ? [{ message: form.problem }] : []} />
        <TextField
          id={NAME_ID}
          label={t('adviser:computers.nameLabel')}
          hint={t('adviser:computers.nameHint', { max: NAME_MAX })}
          error={form.errors[0]?.message}
          value={name}
          onInput={setName}
        />
        <button type="submit" class="button button--secondary" aria-disabled={form.busy || undefined} aria-busy={form.busy}>
          {t('adviser:computers.nameSubmit')}
        </button>
      </form>
    </section>
  );
}
