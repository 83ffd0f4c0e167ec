// Reminders: what they are, whether they can work on this phone, the
// choices, and the last 7 days of them. Permission is asked only when the
// person taps "Turn on reminders", never on load.
import { useEffect, useState } from 'preact/hooks';
import { useT, currentLanguage } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary';
import { focusWhenShown } from '../../ui/focus';
import {
  DEFAULT_SETTINGS,
  PushProblem,
  cachePushTexts,
  checkSettings,
  deadlinesFrom,
  pushSupport,
  remindersOn,
  savePreferences,
  turnOffAll,
  turnOnReminders,
  type PushSupport,
  type ReminderSettings,
  type SettingsProblem,
} from '../../services/push-client';
import { lastSeen, markSeen, recentReminders } from '../../services/push-recent';
import { getSubscriber } from '../../data/push-db';
import { todayInLondon } from '../../../shared/notices/calendar';
import type { RecentReminder } from '../../../shared/protocol/push-types';
import { getConnection } from '../../data/claimant-db';
import { listNotices, type SavedNotice } from '../../data/notices-db';
import { ReminderChoices } from './reminder-choices';
import { RecentList } from './recent-list';
import { SupportHelp } from './support-status';
import '../../ui/screens.css';
import '../../ui/forms.css';
import './reminders.css';

const STATE_ID = 'reminders-state';
const PROBLEM_TARGET: Record<SettingsProblem, string> = {
  noDays: 'journal-day-0',
  journalTime: 'journal-time',
  quietTime: 'quiet-from',
};

export function RemindersScreen() {
  const t = useT();
  const lang = currentLanguage();
  const title = t('reminders:title');
  const [support, setSupport] = useState<PushSupport>(() => pushSupport());
  const [on, setOn] = useState(() => remindersOn());
  const [settings, setSettings] = useState<ReminderSettings>(DEFAULT_SETTINGS);
  const [notices, setNotices] = useState<SavedNotice[]>([]);
  const [connected, setConnected] = useState(false);
  const [busy, setBusy] = useState(false);
  // What went wrong with the last action: a code, translated when shown.
  const [problem, setProblem] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<SettingsProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [recent, setRecent] = useState<RecentReminder[] | null>(null);
  const [recentFailed, setRecentFailed] = useState(false);
  const [seen] = useState(() => lastSeen());

  // The service worker shows the words in this language.
  useEffect(() => {
    void cachePushTexts((key, options) => t(key, options ?? {}) as string, lang).catch(() => undefined);
  }, [lang]);

  useEffect(() => {
    void listNotices().then(setNotices, () => undefined);
    void getConnection().then(
      (c) => setConnected(!!c && !c.stoppedAt),
      () => undefined,
    );
    void getSubscriber('claimant').then(
      (record) => {
        if (record?.settings) setSettings(record.settings);
        if (!record && on) setOn(false);
      },
      () => undefined,
    );
    if (location.hash === '#journal') document.getElementById('journal')?.scrollIntoView();
  }, []);

  useEffect(() => {
    if (!on) return;
    let live = true;
    recentReminders().then(
      (list) => {
        if (!live) return;
        setRecent(list);
        const newest = list[0]?.sentAt;
        if (newest) markSeen(newest);
      },
      () => live && setRecentFailed(true),
    );
    return () => void (live = false);
  }, [on]);

  function validate(): boolean {
    const problems = checkSettings(settings);
    setInvalid(problems);
    setProblem(null);
    if (problems.length > 0) {
      setAttempt((n) => n + 1);
      return false;
    }
    return true;
  }

  async function run(action: () => Promise<void>, done: string): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      announce(done);
      return true;
    } catch (error) {
      setProblem(error instanceof PushProblem ? error.code : 'failed');
      // The summary takes focus: the button that was pressed may be gone (refused permission).
      setAttempt((n) => n + 1);
      return false;
    } finally {
      setSupport(pushSupport());
      setBusy(false);
    }
  }

  function onTurnOn() {
    if (busy || !validate()) return;
    // Straight from the tap: the permission prompt needs it.
    void run(async () => {
      await turnOnReminders(settings);
      setOn(true);
    }, t('reminders:turnedOn'));
  }

  function onSave(event: Event) {
    event.preventDefault();
    if (!on) return onTurnOn();
    if (busy || !validate()) return;
    void run(async () => {
      await savePreferences(settings);
    }, t('reminders:saved'));
  }

  function onTurnOff() {
    if (busy) return;
    void run(async () => {
      await turnOffAll();
      setOn(false);
      setRecent(null);
    }, t('reminders:turnedOff')).then((done) => {
      // The button goes with the reminders: focus the new state instead.
      if (done) focusWhenShown(STATE_ID);
    });
  }

  // One summary for the form: the choices to fix, or what went wrong.
  const summary: SummaryItem[] = problem
    ? [problem === 'denied' ? { message: t('reminders:problems.blocked'), href: '#reminders-help' } : { message: t(`reminders:problems.${problem}`) }]
    : invalid.map((p) => ({ target: PROBLEM_TARGET[p], message: t(`reminders:problems.${p}`) }));

  const canTurnOn = support === 'ok';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{t('reminders:intro')}</p>
      <p class="reminders-discreet">{t('reminders:discreet')}</p>

      <section aria-labelledby="status-heading" class="reminders-status">
        <h2 id="status-heading">{t('reminders:status.heading')}</h2>
        <p id={STATE_ID} tabIndex={-1} class={`reminders-status__state${on ? ' reminders-status__state--on' : ''}`}>
          <strong>{on ? t('reminders:status.on') : t('reminders:status.off')}</strong>
        </p>
        {support !== 'ok' && <SupportHelp support={support} />}
      </section>

      <ErrorSummary id="reminders-errors" title={t('reminders:problems.title')} attempt={attempt} items={summary} />

      <form class="reminders-form" onSubmit={onSave} noValidate>
        <ReminderChoices
          settings={settings}
          onChange={setSettings}
          deadlines={deadlinesFrom(notices, todayInLondon())}
          notices={notices}
          connected={connected}
          invalid={new Set(invalid)}
        />
        <div class="button-row">
          {on ? (
            <button type="submit" class="button" aria-disabled={busy || undefined}>
              {busy ? t('reminders:working') : t('reminders:save')}
            </button>
          ) : (
            canTurnOn && (
              <button type="submit" class="button" aria-disabled={busy || undefined} aria-describedby="turn-on-hint">
                {busy ? t('reminders:working') : t('reminders:turnOn')}
              </button>
            )
          )}
        </div>
        {!on && canTurnOn && (
          <p class="field__hint" id="turn-on-hint">
            {t('reminders:turnOnHint')}
          </p>
        )}
      </form>

      {on && (
        <>
          <p>
            <button type="button" class="button button--warning" aria-disabled={busy || undefined} onClick={onTurnOff}>
              {t('reminders:turnOff')}
            </button>
          </p>
          <RecentList list={recent} failed={recentFailed} seen={seen} />
        </>
      )}
    </>
  );
}
