// This module is in the first download: think before adding to it.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLanguage, useT } from './i18n/use-translation';
import { isFirstDraft, type Namespace } from './i18n/languages';
import { usePath, onLinkClick } from './router';
import { markNavigated } from './page-heading';
import { useStatusMessage } from './status';
import { LanguagePicker } from './language-picker';
import { UpdatePrompt } from './update-prompt';
import { HomeScreen } from './home-screen';
import { NotFoundScreen } from './not-found-screen';
import { lazyScreen } from './lazy-screen';
import { loadNamespaces } from './i18n/core';
import { PUSH_HINT, hasHint } from '../data/hints';

// Screens other than Home load on first use, with their locale files.
// i18next and the words are asked for first: i18next is the largest file a
// screen waits for, and a phone fetches only a few files at a time.
const ExplainScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('explain', 'notices', 'forms'), import('../lazy/explain/explain-screen')]);
  return module.ExplainScreen;
});
const NoticeScreen = lazyScreen<{ id: string }>(async () => {
  const [, module] = await Promise.all([loadNamespaces('explain', 'notices', 'forward', 'forms'), import('../lazy/saved/notice-screen')]);
  return module.NoticeScreen;
});
const HelpersScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('helpers', 'forms'), import('../lazy/helpers/helpers-screen')]);
  return module.HelpersScreen;
});

// Forwarding to an adviser: only people who use it download it.
const ConnectScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('forward', 'forms'), import('../lazy/forward/connect-screen')]);
  return module.ConnectScreen;
});
const SendScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('forward', 'explain', 'notices', 'forms'), import('../lazy/forward/send-screen')]);
  return module.SendScreen;
});
const PrivacyScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('forward'), import('../lazy/forward/privacy-screen')]);
  return module.PrivacyScreen;
});
const RemindersScreen = lazyScreen(async () => {
  const [, module] = await Promise.all([loadNamespaces('reminders', 'notices', 'forms'), import('../lazy/reminders/reminders-screen')]);
  return module.RemindersScreen;
});
// The adviser's inbox is a separate part: claimants never download it.
const AdviserApp = lazyScreen<{ path: string }>(async () => {
  const [, module] = await Promise.all([loadNamespaces('adviser'), import('../adviser/adviser-app')]);
  return module.AdviserApp;
});

/**
 * Starts fetching the code and words of the screen at this address, alongside the first screen's
 * words; settles (never rejects) once they have arrived or failed.
 */
export function preloadScreen(path: string): Promise<void> {
  const screen = lazyScreenFor(path);
  return screen ? screen.preload().then(noop, noop) : Promise.resolve();
}

function noop(): void {}

function lazyScreenFor(path: string): { preload(): Promise<unknown> } | null {
  if (path === '/explain') return ExplainScreen;
  if (path === '/helpers') return HelpersScreen;
  if (path === '/connect') return ConnectScreen;
  if (path === '/send') return SendScreen;
  if (path === '/reminders') return RemindersScreen;
  if (path === '/privacy') return PrivacyScreen;
  if (path === '/adviser' || path.startsWith('/adviser/')) return AdviserApp;
  if (/^\/notice\/[\w-]+$/.test(path)) return NoticeScreen;
  return null;
}

function Screen({ path }: { path: string }) {
  if (path === '/') return <HomeScreen />;
  if (path === '/explain') return <ExplainScreen />;
  if (path === '/helpers') return <HelpersScreen />;
  if (path === '/connect') return <ConnectScreen />;
  if (path === '/send') return <SendScreen />;
  if (path === '/reminders') return <RemindersScreen />;
  if (path === '/privacy') return <PrivacyScreen />;
  if (path === '/adviser' || path.startsWith('/adviser/')) return <AdviserApp path={path} />;
  const notice = /^\/notice\/([\w-]+)$/.exec(path);
  if (notice?.[1]) return <NoticeScreen id={notice[1]} />;
  return <NotFoundScreen />;
}

/** The locale files whose words a screen shows, for the "first draft" note. */
function screenNamespaces(path: string): Namespace[] {
  // `forms`: the shared form words (date fields, "There is a problem", "Error:").
  if (path === '/explain') return ['common', 'explain', 'notices', 'forms'];
  if (path === '/send' || path.startsWith('/notice/')) return ['common', 'explain', 'notices', 'forward', 'forms'];
  if (path === '/helpers') return ['common', 'helpers', 'forms'];
  if (path === '/connect') return ['common', 'forward', 'forms'];
  if (path === '/privacy') return ['common', 'forward'];
  if (path === '/reminders') return ['common', 'reminders', 'notices', 'forms'];
  return ['common'];
}

export function App() {
  const t = useT();
  const path = usePath();
  const status = useStatusMessage();
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) markNavigated();
  }, [path]);
  // The count of unseen reminders: its code loads only when reminders are on.
  const [Badge, setBadge] = useState<ComponentType<{ path: string }> | null>(null);
  useEffect(() => {
    if (Badge || !hasHint(PUSH_HINT)) return;
    import('../lazy/reminders/nav-badge').then(
      (m) => setBadge(() => m.NavBadge),
      () => undefined,
    );
  }, [path]);

  return (
    <div class="app" onClick={onLinkClick}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-header__name" href="/">
            {t('appName')}
          </a>
          <LanguagePicker />
        </div>
        <nav class="site-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                {t('nav.home')}
              </a>
            </li>
            <li>
              <a href="/explain" aria-current={path === '/explain' ? 'page' : undefined}>
                {t('nav.explain')}
              </a>
            </li>
            <li>
              <a href="/helpers" aria-current={path === '/helpers' ? 'page' : undefined}>
                {t('nav.helpers')}
              </a>
            </li>
            <li>
              <a href="/reminders" aria-current={path === '/reminders' ? 'page' : undefined}>
                {t('nav.reminders')}
                {Badge && <Badge path={path} />}
              </a>
            </li>
            <li>
              <a href="/send" aria-current={path === '/send' || path === '/connect' ? 'page' : undefined}>
                {t('nav.adviser')}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <main id="main" class="site-main" tabIndex={-1}>
        <Screen path={path} key={path} />
      </main>
      <footer class="site-footer">
        {isFirstDraft(currentLanguage(), screenNamespaces(path)) && <p class="translation-note">{t('translationDraft')}</p>}
        <p>{t('promise')}</p>
        <p>{t('footer.notAdvice')}</p>
        <p>
          <a href="/privacy">{t('footer.privacy')}</a>
        </p>
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite">
        {status.text && <span key={status.id}>{status.text}</span>}
      </div>
    </div>
  );
}
