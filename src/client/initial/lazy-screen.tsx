// This module is in the first download: think before adding to it.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n/use-translation';

type Loader<P> = () => Promise<ComponentType<P>>;

/** Renders a screen whose code (and locale files) load on first use. */
export function lazyScreen<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const t = useT();
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (component) => {
          loaded = component;
          setScreen(() => component);
        },
        () => setFailed(true),
      );
    }, []);
    if (Screen) return <Screen {...props} />;
    return (
      <p class="loading" role={failed ? 'alert' : undefined}>
        {failed ? t('loadFailed') : t('loading')}
      </p>
    );
  };
}
