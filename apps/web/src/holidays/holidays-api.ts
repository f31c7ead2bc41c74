import { requestJson } from '../api';
import type { HolidayEntry } from './holiday-lines';

/** The API's answers about holidays (apps/api/src/holidays/holidays.controller.ts). */
export interface CalendarCoverage {
  status: 'ok' | 'degraded';
  today: string;
  officialThrough: string | null;
  daysLeft: number | null;
  provisionalFrom: string;
  message: string;
}

export type HolidayYearStatus = 'loaded' | 'shipped' | 'provisional';

export interface HolidayOverview {
  coverage: CalendarCoverage;
  years: {
    year: number;
    status: HolidayYearStatus;
    source: string;
    version: number;
    holidays: number;
    cutiBersama: number;
    loadedBy: string | null;
    loadedAt: string | null;
  }[];
}

export interface HolidayVersion {
  version: number;
  source: string;
  holidays: HolidayEntry[];
  cutiBersama: HolidayEntry[];
  changeNote: string | null;
  loadedBy: string | null;
  loadedAt: string;
}

export interface HolidayYearDetail {
  year: number;
  status: HolidayYearStatus;
  provisional: boolean;
  version: number;
  source: string;
  /** In English (the page asks so), and in Bahasa Indonesia where the list has them. */
  notes: string[];
  notesId?: string[];
  holidays: HolidayEntry[];
  cutiBersama: HolidayEntry[];
  loadedBy: string | null;
  loadedAt: string | null;
  office: { sop: string; regency: string; fromSop: HolidayEntry[]; extraWorkingDays: HolidayEntry[]; loaded: HolidayVersion | null } | null;
}

export interface HolidayLoad {
  source: string;
  holidays: HolidayEntry[];
  cutiBersama?: HolidayEntry[];
  changeNote?: string;
  basedOnVersion: number;
}

export const fetchHolidayOverview = (signal?: AbortSignal) => requestJson<HolidayOverview>('/api/holidays', { signal });

export const fetchHolidayYear = (year: number, sop: string | null, signal?: AbortSignal) =>
  requestJson<HolidayYearDetail>(`/api/holidays/${year}?lang=en${sop ? `&sop=${encodeURIComponent(sop)}` : ''}`, { signal });

export const loadHolidayList = (year: number, office: string | null, body: HolidayLoad, token: string) =>
  requestJson<HolidayVersion & { recomputedDeadlines: number }>(
    office ? `/api/holidays/${year}/offices/${encodeURIComponent(office)}` : `/api/holidays/${year}`,
    { method: 'PUT', body, token },
  );
