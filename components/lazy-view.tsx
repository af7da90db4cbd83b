// Parts of the popup loaded when first shown (a file read, the collection opened): the popup's
// first load stays within its budget (bench/check-sizes.ts), and most popups show neither.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (View) return;
      load().then(
        (v) => {
          loaded = v;
          setView(() => v);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, []);
    if (error !== null) {
      return (
        <section class="message" data-testid="load-failed">
          <h1>{t('scanFailed', error)}</h1>
        </section>
      );
    }
    if (!View) {
      return (
        <p class="loading" role="status">
          {t('loadingPart')}
        </p>
      );
    }
    return <View {...props} />;
  };
}
