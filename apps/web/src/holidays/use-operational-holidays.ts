import type { OperationalHolidays } from '@sop/case-engine';
import { requestJson } from '../api';
import { useFetch } from '../use-fetch';

/**
 * The holiday lists the server computes deadlines with (loaded by administrators, or shipped), and
 * the office's own loaded closures: so that working time counted in the browser (countdown,
 * simulation) matches the server's. Null while loading or when the server cannot say: the calendar
 * then uses the shipped lists and the provisional estimate.
 */
export function useOperationalHolidays(sopId: string | null): OperationalHolidays | null {
  const loaded = useFetch(`operational-holidays:${sopId ?? ''}`, (signal) =>
    requestJson<Required<OperationalHolidays>>(`/api/holidays/calendar${sopId ? `?sop=${encodeURIComponent(sopId)}` : ''}`, { signal }),
  );
  return loaded.state === 'ready' ? loaded.value : null;
}
