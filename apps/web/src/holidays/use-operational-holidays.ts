import type { OperationalHolidays } from '@sop/case-engine';
import { requestJson } from '../api';
import { useFetch } from '../use-fetch';

/** The server's holiday lists for an SOP's office, read once per page (one query, whoever asks). */
function useHolidayLists(sopId: string | null) {
  return useFetch(`operational-holidays:${sopId ?? ''}`, (signal) =>
    requestJson<Required<OperationalHolidays>>(`/api/holidays/calendar${sopId ? `?sop=${encodeURIComponent(sopId)}` : ''}`, { signal }),
  );
}

/**
 * The holiday lists the server computes deadlines with (loaded by administrators, or shipped), and
 * the office's own loaded closures: so that working time counted in the browser (countdown,
 * simulation) matches the server's. Null while loading or when the server cannot say: the calendar
 * then uses the shipped lists and the provisional estimate.
 */
export function useOperationalHolidays(sopId: string | null): OperationalHolidays | null {
  const loaded = useHolidayLists(sopId);
  return loaded.state === 'ready' ? loaded.value : null;
}

/**
 * Why the server's holiday lists could not be read (worded in the page's language now), or null:
 * a page that counts working time with them says it counts with the shipped lists instead.
 */
export function useOperationalHolidaysFailure(sopId: string | null): string | null {
  const loaded = useHolidayLists(sopId);
  return loaded.state === 'error' ? loaded.message : null;
}
