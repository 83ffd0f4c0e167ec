// This module is in the first download: think before adding to it.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n/use-translation';

type Loader<P> = () => Promise<ComponentType<P>>;

export interface LazyScreen<P extends object> extends FunctionComponent<P> {
  /** Starts loading the screen's code and words (once); the app calls it before its first render. */
  preload(): Promise<ComponentType<P>>;
}

/** Renders a screen whose code (and locale files) load on first use. */
export function lazyScreen<P extends object>(load: Loader<P>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  function preload(): Promise<ComponentType<P>> {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // tried again on the next visit to the screen
        throw error;
      },
    );
    return loading;
  }
  function LazyScreen(props: P) {
    const t = useT();
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      preload().then(
        (component) => setScreen(() => component),
        () => setFailed(true),
      );
    }, []);
    if (Screen) return <Screen {...props} />;
    return (
      <p class="loading" role={failed ? 'alert' : undefined}>
        {failed ? t('loadFailed') : t('loading')}
      </p>
    );
  }
  LazyScreen.preload = preload;
  return LazyScreen;
}
