import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; status: number | null; message: string } | { state: 'ready'; value: T };

/** Loads once per key; a later key cancels the earlier request. */
export function useFetch<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (value) => setResult({ state: 'ready', value }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const status = typeof e === 'object' && e && 'status' in e ? Number((e as { status: unknown }).status) : null;
        setResult({ state: 'error', status, message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}
