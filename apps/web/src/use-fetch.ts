import { QueryClient, useQuery } from '@tanstack/react-query';
import { refusalLines } from './api';
import { useI18n } from './i18n';

export type Loaded<T> =
  | { state: 'loading' }
  /** `message`: the refusal in the page's language; `error`: what the load threw, for a page that words it itself. */
  | { state: 'error'; status: number | null; message: string; error: unknown }
  | { state: 'ready'; value: T };

/**
 * The app's one query client (TanStack Query). By default a query is not kept once no page shows
 * it (gcTime 0): a page opened again loads afresh, as an officer expects of an inbox or a case. A
 * query for data that never changes (an SOP's numbered version) asks to be kept with `immutable`.
 * Errors are shown at once (no retries): the pages word each refusal themselves.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, gcTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false } },
});

export interface FetchOptions {
  /** The answer for this key never changes (a numbered SOP version): kept for the whole visit, never reloaded. */
  immutable?: boolean;
}

function statusOf(e: unknown): number | null {
  return typeof e === 'object' && e !== null && 'status' in e ? Number(e.status) : null;
}

/**
 * Loads once per key (pages showing the same key at once share one request); a later key cancels
 * the earlier request through its AbortSignal. A refusal's `message` is in the page's language (the
 * API's Bahasa Indonesia where it gives one), and follows the reader's switch of language.
 */
export function useFetch<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: FetchOptions = {}): Loaded<T> {
  const { lang } = useI18n();
  const query = useQuery<T>({
    queryKey: [key],
    queryFn: ({ signal }) => load(signal),
    ...(options.immutable ? { staleTime: Infinity, gcTime: Infinity } : {}),
  });
  if (query.status === 'success') return { state: 'ready', value: query.data };
  if (query.status === 'error') {
    const e = query.error;
    return { state: 'error', status: statusOf(e), message: refusalLines(e, lang).join(' — '), error: e };
  }
  return { state: 'loading' };
}
