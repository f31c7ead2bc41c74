/** The report as GET /api/reports answers it: the types the API builds it with (@sop/report-model). */
export {
  stepText,
  type CountRow,
  type LaneDelayRow,
  type Logbook,
  type PeriodicRunView,
  type ProblemRow,
  type RecapRow,
  type Report,
  type ReportTable,
  type StepDelayRow,
  type StepRef,
  type TimeStats,
} from '@sop/report-model';
export type { NationalReport, NationalRow } from '@sop/report-model';
