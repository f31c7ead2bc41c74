export {
  compareSops,
  REFERENCE_DATE,
  SERVICE_FIELDS,
  type CompareInput,
  type CompareOptions,
  type CaseTime,
  type ComparedSop,
  type MatrixRow,
  type MatrixSection,
  type RowStatus,
  type SopComparison,
} from './compare-sops';
export { diffSopVersions, type SopVersionDiff, type ItemDiff, type ItemRef, type ItemChange, type FieldChange } from './diff-versions';
export { citationsOf, type Citation } from './legal-basis';
export { comparisonCsv, type CsvOptions } from './comparison-csv';
export {
  officeCalendar,
  officeOpening,
  workingDayMinutes,
  workingSpan,
  formatWorkingSpan,
  formatWorkingTime,
  pathWorkingMinutes,
  pathEnd,
  type WorkingSpan,
} from './office-time';
