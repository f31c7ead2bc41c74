import { officerWords } from '@sop/api-contract';
import { readLogbookColumn, type LogbookColumnReading } from '@sop/model';
import type { Logbook, LogbookColumn, LogbookRow } from '@sop/report-model';
import { isHandOver, type LogbookCaseRow, type LogbookKartuRow } from './reports.repository';
import { type ReportLabels } from './report-labels';

/**
 * The columns when an SOP prints no logbook: the fields the runtime puts in a periodic run's
 * logbook (see WorkLoop.openPeriodicRuns: ticket, date, channel, category, step or end, status).
 */
export const DEFAULT_LOGBOOK_COLUMNS: LogbookColumn[] = [
  { id: 'no', label: 'No.' },
  { id: 'tiket', label: 'Tiket' },
  { id: 'tanggal', label: 'Tanggal' },
  { id: 'sumber', label: 'Sumber' },
  { id: 'kategori', label: 'Kategori' },
  { id: 'langkah', label: 'Langkah / hasil' },
  { id: 'status', label: 'Status' },
];

export interface LogbookCase {
  row: LogbookCaseRow;
  /** The complaint's kartu kendali lines (only hand-overs are read). */
  kartu: LogbookKartuRow[];
  /** The date filed, as the office writes it (DD/MM/YYYY, local). */
  date: string;
  /** Notes already stripped of the complainant's identity. */
  notes: Map<number, string>;
  /** The complaint's own words (its open text fields), stripped of identity; null when not shown. */
  complaint: string | null;
}

const joinDistinct = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))].join('; ');

/**
 * Fills one logbook line, each column by what it holds (`readLogbookColumn` of @sop/model: the
 * column's `fills`, else what its id says by convention, else blank):
 * - `number`: the line number; `ticket`, `date`, `channel`, `category`: the ticket, the date filed,
 *   how it came in, its category;
 * - `complaint`: the complaint in its own words (its open text fields, identity struck) for the
 *   regency's users, then the category, the channel, the ticket and the date; a reviewer of another
 *   regency reads only the latter;
 * - `reply` (Tindak Lanjut Ke Pengadu): the notes of the last step before the end (the reply to the
 *   complainant); `follow-up` (Tindak Lanjut Aduan): the notes of every other step;
 * - `lane`: the unit of that lane the complaint went to (Bidang Pencatatan Sipil) when the lane has
 *   units, else the officers of that lane who handed it on;
 * - `status`: "selesai" or "tidak", as the form prints it; `end`: the end reached, or the step the
 *   case waits at;
 * - `paper` (`paraf…`, signatures, and a column nothing names): left blank, to be filled on paper.
 */
function cell(reading: LogbookColumnReading, index: number, c: LogbookCase, labels: ReportLabels, fromSop: boolean): string {
  const { row, kartu, notes } = c;
  const worked = kartu.filter(isHandOver);
  const isFinal = (k: LogbookKartuRow) => labels.meta(k.to_step, k.sop_version_id)?.kind === 'end';
  const noteOf = (k: LogbookKartuRow) => notes.get(k.seq) ?? '';
  const category = row.category ?? '—';
  const channel = labels.channel(row.channel);
  switch (reading.fills) {
    case 'number':
      return String(index + 1);
    case 'ticket':
      return row.ticket;
    case 'date':
      return c.date;
    case 'channel':
      return channel;
    case 'category':
      return category;
    case 'complaint':
      return `${c.complaint ? `${c.complaint} · ` : ''}${category} — ${channel} (${row.ticket}, ${c.date})`;
    case 'reply':
      return joinDistinct(worked.filter(isFinal).map(noteOf));
    case 'follow-up':
      return joinDistinct(worked.filter((k) => !isFinal(k)).map(noteOf));
    case 'lane': {
      const lane = reading.lane ?? '';
      const unit = row.lane === lane || worked.some((k) => k.from_lane === lane) ? unitName(lane, row.unit, labels) : null;
      return unit ?? joinDistinct(worked.filter((k) => k.from_lane === lane).map((k) => officerWords(k.officer_name, 'id')));
    }
    case 'end':
      return row.status === 'done' && row.end_step
        ? labels.outcome(row.end_step, row.sop_version_id)
        : `${labels.step(row.step, row.sop_version_id).number ?? ''} ${labels.lane(row.lane)}`.trim();
    case 'status':
      return fromSop ? (row.status === 'done' ? 'selesai' : 'tidak') : row.status === 'done' ? 'selesai' : 'dalam proses';
    case 'paper':
      return '';
  }
}

/** The name of a lane's unit as the SOP writes it (its id when a later version dropped it); null without a unit. */
function unitName(laneId: string, unit: string | null, labels: ReportLabels): string | null {
  if (!unit) return null;
  const lane = labels.latest.sop.lanes.find((l) => l.id === laneId);
  return lane?.units?.find((u) => u.id === unit)?.name ?? unit;
}

/** The logbook's heading and columns: the SOP's own register (Buleleng's FM-PDIP-03-02) or the platform's default. */
export function logbookHead(labels: ReportLabels): Omit<Logbook, 'rows' | 'total' | 'page' | 'pageSize'> {
  const own = labels.latest.sop.logbook;
  return {
    document: own?.document ?? null,
    title: own?.title ?? 'Logbook Pengaduan',
    revision: own?.revision ?? null,
    effective: own?.effective ?? null,
    fromSop: Boolean(own),
    columns: own ? own.columns.map((c) => ({ id: c.id, label: c.label })) : DEFAULT_LOGBOOK_COLUMNS,
  };
}

/** Logbook lines of consecutive complaints, the first numbered `first + 1`. */
export function logbookRows(cases: LogbookCase[], labels: ReportLabels, first: number): LogbookRow[] {
  const { columns, fromSop } = logbookHead(labels);
  const laneIds = labels.latest.sop.lanes.map((l) => l.id);
  const own = labels.latest.sop.logbook?.columns;
  // the SOP's own columns as it declares them (their fills); the platform's default columns by their ids
  const readings = columns.map((col, i) => readLogbookColumn(own?.[i] ?? col, laneIds));
  return cases.map((c, i) => ({ ticket: c.row.ticket, cells: readings.map((reading) => cell(reading, first + i, c, labels, fromSop)) }));
}
