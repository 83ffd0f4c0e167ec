// "Send to my adviser": add something, send it (or keep it waiting for a
// signal), see what happened to it, read replies, and stop at any time.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../initial/i18n/use-translation';
import { PageHeading } from '../../initial/page-heading';
import { announce } from '../../initial/status';
import { forwardEvents } from '../../services/outbox-events';
import { isRelayFull } from '../../services/outbox-flush';
import { refreshStatus } from '../../services/outbox-status';
import { startOutboxSync } from '../../services/outbox-sync';
import { ComposeForm } from './compose-form';
import { OutboxList, RepliesList } from './outbox-list';
import { SafetyCodes } from './connect-views';
import { StopSharing, STOPPED_ID } from './stop-sharing';
import { useForwardData } from './use-forward-data';
import '../../ui/screens.css';
import './forward.css';

const POLL_MS = 30_000;

/** Checks for "seen" and replies every 30 s while visible, and on focus. */
function useStatusPolling(enabled: boolean): void {
  const t = useT();
  useEffect(() => {
    if (!enabled) return;
    startOutboxSync();
    let running = false;
    const check = () => {
      if (running || document.visibilityState === 'hidden') return;
      running = true;
      void refreshStatus()
        .then((result) => {
          if (result.newReplies > 0) announce(t('forward:replies.new', { count: result.newReplies }));
          if (result.stopped) announce(t('forward:send.stoppedTitle'));
        })
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    };
    check();
    const timer = setInterval(check, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    addEventListener('focus', check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled]);
}

/** True while the relay refuses more from this phone (the connection is at its quota). */
function useRelayFull(): boolean {
  const [full, setFull] = useState(isRelayFull());
  useEffect(() => {
    const update = () => setFull(isRelayFull());
    forwardEvents.addEventListener('change', update);
    return () => forwardEvents.removeEventListener('change', update);
  }, []);
  return full;
}

export function SendScreen() {
  const t = useT();
  const { connection, outbox, replies } = useForwardData();
  const full = useRelayFull();
  const live = Boolean(connection && !connection.stoppedAt);
  useStatusPolling(live);

  const title = t('forward:send.title');
  const heading = <PageHeading title={title}>{title}</PageHeading>;

  if (connection === undefined) {
    return (
      <>
        {heading}
        <p class="loading">{t('forward:loading')}</p>
      </>
    );
  }

  if (connection === null) {
    return (
      <>
        {heading}
        {/* Shared from another app with nobody to send it to: it can still be explained. */}
        {new URLSearchParams(location.search).get('shared') === '1' && (
          <div class="inset">
            <p>{t('forward:send.sharedNotConnected')}</p>
            <p>
              <a class="button" href="/explain?shared=1">
                {t('forward:send.explainShared')}
              </a>
            </p>
          </div>
        )}
        <p>{t('forward:send.notConnected')}</p>
        <p>{t('forward:send.notConnectedHow')}</p>
        <p>
          <a class="button" href="/connect">
            {t('forward:send.connectLink')}
          </a>
        </p>
        <p>
          <a href="/privacy">{t('forward:privacyLink')}</a>
        </p>
        {outbox.length > 0 && <OutboxList items={outbox} />}
      </>
    );
  }

  const { adviser } = connection;

  if (connection.stoppedAt) {
    return (
      <>
        {heading}
        <div id={STOPPED_ID} class="warning" role="alert" tabIndex={-1}>
          <h2 class="warning__title">{t('forward:send.stoppedTitle')}</h2>
          <p>{t('forward:send.stoppedBody', { name: adviser.name, org: adviser.org })}</p>
        </div>
        <OutboxList items={outbox} adviser={adviser} />
        <RepliesList replies={replies} />
        <StopSharing adviserName={adviser.name} alreadyStopped />
      </>
    );
  }

  return (
    <>
      {heading}
      <div class="forward-adviser">
        <p class="forward-adviser__kicker">{t('forward:send.connectedTo')}</p>
        <p class="forward-adviser__name">{adviser.name}</p>
        <p class="forward-adviser__org">{adviser.org}</p>
      </div>
      <p>{t('forward:send.introWithPdf')}</p>
      {full && (
        <div class="warning" role="alert">
          <h2 class="warning__title">{t('forward:send.fullTitle')}</h2>
          <p>{t('forward:send.fullBody', { name: adviser.name })}</p>
        </div>
      )}
      <ComposeForm />
      <OutboxList items={outbox} adviser={adviser} />
      <RepliesList replies={replies} />
      <SafetyCodes connection={connection} />
      <StopSharing adviserName={adviser.name} />
      <p>
        <a href="/privacy">{t('forward:privacyLink')}</a>
      </p>
    </>
  );
}
