export type { Duration, DurationUnit, ParsedDuration } from './duration';
export { parseDuration } from './parse-duration';
export { formatDuration } from './format-duration';
export { nominalWorkingMinutes } from './nominal-working-minutes';
export type {
  Calendar,
  CalendarConfig,
  DatedEntry,
  HolidayYear,
  TimeOfDay,
  Weekday,
  WeeklyHours,
  WorkingPeriod,
} from './calendar';
export { parseTimeOfDay } from './parse-time-of-day';
export { PERPRES_21_2023_HOURS } from './perpres-21-2023-hours';
export { INDONESIA_HOLIDAYS } from './indonesia-holidays';
export { CalendarRangeError } from './calendar-range-error';
export { checkHolidayYear, createCalendar, PROVISIONAL_YEAR_RANGE } from './create-calendar';
export { localDateOf, localMidnight, addLocalDays } from './local-date';
export { INDONESIAN_TIME_ZONES, zoneAbbreviation } from './indonesian-zones';
export { provisionalHolidayYear } from './provisional-holidays';
export { moonPhase, newMoonsBetween, fullMoonsBetween } from './moon-phases';
export { nyepiDate } from './balinese-saka';
