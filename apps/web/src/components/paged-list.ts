import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { ApiError, fieldErrorLine, refusalText } from '../api';
import { useI18n } from '../i18n';

/** One answer of a list endpoint: its rows and, when there are more, the cursor of the next page. */
export interface ListPage<T> {
  items: T[];
  next?: string | null;
}

/**
 * A list read a page at a time: the rows so far, the cursor of the next page, and where the loading
 * stands. `settled` is false until the current list (its key) has answered once, with rows or an
 * error: a page says "no rows" only once it is true, and keeps its rows while it reloads.
 */
export interface PagedState<T, P extends ListPage<T> = ListPage<T>> {
  items: T[];
  next: string | null;
  /** The last answer (its other fields, e.g. whether the reader may edit). */
  page: P | null;
  loading: boolean;
  settled: boolean;
  /**
   * Why the last load failed (the error itself, not a sentence: the page words it when it shows it,
   * in the language it is in then), or null.
   */
  failure: { error: unknown } | null;
  /** Which list the answers belong to: an answer for an earlier one is dropped. */
  generation: number;
}

export type PagedEvent<T, P extends ListPage<T> = ListPage<T>> =
  /** A first page is asked for: a new list (fresh, the old rows go) or the same one again. */
  | { type: 'start'; fresh: boolean }
  /** The next page is asked for. */
  | { type: 'more' }
  | { type: 'loaded'; generation: number; page: P; append: boolean }
  | { type: 'failed'; generation: number; error: unknown };

export function initialPaged<T, P extends ListPage<T> = ListPage<T>>(): PagedState<T, P> {
  return { items: [], next: null, page: null, loading: true, settled: false, failure: null, generation: 0 };
}

/** The paging rules, written once: what each event does to the list. */
export function pagedReducer<T, P extends ListPage<T>>(state: PagedState<T, P>, event: PagedEvent<T, P>): PagedState<T, P> {
  switch (event.type) {
    case 'start':
      return event.fresh ? { ...initialPaged<T, P>(), generation: state.generation + 1 } : { ...state, loading: true, generation: state.generation + 1 };
    case 'more':
      return state.next === null || state.loading ? state : { ...state, loading: true };
    case 'loaded':
      if (event.generation !== state.generation) return state;
      return {
        ...state,
        items: event.append ? [...state.items, ...event.page.items] : event.page.items,
        next: event.page.next ?? null,
        page: event.page,
        loading: false,
        settled: true,
        failure: null,
      };
    case 'failed':
      if (event.generation !== state.generation) return state;
      return { ...state, loading: false, settled: true, failure: { error: event.error } };
  }
}

/**
 * An error as a line for the reader, in the page's language: an API refusal's fields (field:
 * message; …), else its message (the API's Bahasa Indonesia where it gives one).
 */
export function problemText(e: unknown, lang: string): string {
  if (e instanceof ApiError && e.fieldErrors.length) return e.fieldErrors.map((x) => fieldErrorLine(x, lang)).join('; ');
  return refusalText(e, lang);
}

export interface PagedList<T, P extends ListPage<T>> extends PagedState<T, P> {
  /** The failure worded for the reader in the page's language now (it follows a switch), or null. */
  error: string | null;
  /** Asks for the next page (nothing when there is none or a page is loading). */
  more: () => void;
  /** Reads the list again from its first page, its rows kept meanwhile. */
  reload: () => void;
}

/**
 * Loads a list for a key (null: nothing to load yet, the state is left as it is), a page at a time.
 * A new key starts a new list (the old rows go); `reload` reads the same one again; an answer for
 * an earlier list or request never lands in the current one.
 */
export function usePagedList<T, P extends ListPage<T> = ListPage<T>>(
  key: string | null,
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  describe: (e: unknown, lang: string) => string = problemText,
): PagedList<T, P> {
  const { lang } = useI18n();
  const [state, dispatch] = useReducer(pagedReducer<T, P>, undefined, initialPaged<T, P>);
  const [reloads, bumpReload] = useReducer((n: number) => n + 1, 0);
  const shownKey = useRef<string | null>(null);
  const generation = useRef(0);
  // the latest load, without reloading when the page passes a new function
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    const fresh = shownKey.current !== key;
    shownKey.current = key;
    const controller = new AbortController();
    const gen = ++generation.current;
    dispatch({ type: 'start', fresh });
    loadRef.current(undefined, controller.signal).then(
      (page) => dispatch({ type: 'loaded', generation: gen, page, append: false }),
      (e: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', generation: gen, error: e });
      },
    );
    return () => controller.abort();
  }, [key, reloads]);

  const { next, loading } = state;
  const more = useCallback(() => {
    if (next === null || loading) return;
    const gen = generation.current;
    dispatch({ type: 'more' });
    loadRef.current(next, new AbortController().signal).then(
      (page) => dispatch({ type: 'loaded', generation: gen, page, append: true }),
      (e: unknown) => dispatch({ type: 'failed', generation: gen, error: e }),
    );
  }, [next, loading]);

  // worded at render, so a refusal on screen follows a switch of language
  const error = state.failure === null ? null : describe(state.failure.error, lang);
  return { ...state, error, more, reload: bumpReload };
}
