import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Notice } from './components/Shell';
import { loadMessages, useI18n, type MessageGroup } from './i18n';

/** A page whose code loads when first shown, and which can be asked to load before. */
export interface LazyPage<P> {
  (props: P): ReactNode;
  /** Starts loading the page's code and words (once); resolves when both have loaded or one failed. */
  preload(): Promise<void>;
}

/**
 * A page whose code is loaded on demand, like `React.lazy`, but without Suspense: until its code is
 * there it shows an empty page, then the page itself in an ordinary update.
 *
 * Why not `React.lazy`: React reveals a Suspense boundary's content at the earliest 300 ms after its
 * fallback appeared (the "fallback throttle" of retries), so a page whose code arrived 50 ms after the
 * first render still waited 250 ms, measured on the editor's open (ADR 0034, addendum 2). And a chunk
 * that fails to load (a deployment replaced it, the connection dropped) threw into an app without an
 * error boundary, leaving a blank window: here it says so, with a reload, and the next visit tries
 * again.
 *
 * `messages` names the groups of words the page needs beyond the core (i18n.tsx): they load beside
 * its code, and the page renders once both are there, so it never shows a key or another
 * language's words meanwhile (page-messages.spec.ts checks each page of App.tsx).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, messages: readonly MessageGroup[] = []): LazyPage<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  let failure: Error | null = null;
  const preload = (): Promise<void> =>
    (loading ??= Promise.all([load(), ...messages.map(loadMessages)]).then(
      ([c]) => {
        component = c;
        failure = null;
      },
      (e: unknown) => {
        failure = e instanceof Error ? e : new Error(String(e));
        loading = null; // the next visit asks again
      },
    ));
  function Page(props: P): ReactNode {
    // how many of this page's own attempts ended: a failure is shown only once this visit saw it
    const [ended, loaded] = useState(0);
    const ready = component;
    useEffect(() => {
      if (ready) return undefined;
      let live = true;
      void preload().then(() => live && loaded((n) => n + 1));
      return () => {
        live = false;
      };
    }, [ready]);
    if (ready) return createElement(ready, props);
    return failure && ended > 0 ? <PageLoadFailed error={failure} /> : <div className="page" aria-busy="true" />;
  }
  Page.preload = preload;
  return Page;
}

function PageLoadFailed({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="page">
      <Notice kind="error">
        <p data-testid="page-load-failed">{t('pageLoadFailed')}</p>
        <p className="toolbar">
          <button type="button" className="button button-primary" onClick={() => location.reload()}>
            {t('pageReload')}
          </button>
        </p>
        {/* what the browser said (its own English), folded away for whoever is asked for help */}
        <details>
          <summary>{t('pageLoadDetails')}</summary>
          <small data-testid="page-load-error">{error.message}</small>
        </details>
      </Notice>
    </div>
  );
}
