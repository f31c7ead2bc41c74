import { officerWords } from '@sop/api-contract';
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
 * Fills one logbook line. The schema cannot say which step writes which column (see
 * docs/sop-encoding-notes.md, Buleleng), so columns are filled by what their ids say:
 * - `no`: the line number;
 * - `isi-pengaduan…`: the complaint in its own words (its open text fields, identity struck) for
 *   the regency's users, then the category, the channel, the ticket and the date; a reviewer of
 *   another regency reads only the latter;
 * - `sumber` / `kategori` / `tiket` / `tanggal`: the channel, the category, the ticket and the date;
 * - `…pengadu…` (Tindak Lanjut Ke Pengadu): the notes of the last step before the end (the reply to
 *   the complainant);
 * - `tindak-lanjut…` (Tindak Lanjut Aduan): the notes of every other step;
 * - a lane's id (e.g. `bidang-terkait`): the unit of that lane the complaint went to (Bidang
 *   Pencatatan Sipil) when the lane has units, else the officers of that lane who handed it on;
 * - `status…`: "selesai" or "tidak", as the form prints it;
 * - `langkah`: the end reached, or the step the case waits at;
 * - anything else (`paraf…`, signatures): left blank, to be filled on paper.
 */
function cell(columnId: string, index: number, c: LogbookCase, labels: ReportLabels, fromSop: boolean): string {
  const { row, kartu, notes } = c;
  const lanes = new Set(labels.latest.sop.lanes.map((l) => l.id));
  const worked = kartu.filter(isHandOver);
  const isFinal = (k: LogbookKartuRow) => labels.meta(k.to_step, k.sop_version_id)?.kind === 'end';
  const noteOf = (k: LogbookKartuRow) => notes.get(k.seq) ?? '';
  const category = row.category ?? '—';
  const channel = labels.channel(row.channel);
  if (columnId === 'no') return String(index + 1);
  if (columnId === 'tiket') return row.ticket;
  if (columnId === 'tanggal') return c.date;
  if (columnId === 'sumber') return channel;
  if (columnId === 'kategori') return category;
  if (columnId.startsWith('isi-pengaduan')) return `${c.complaint ? `${c.complaint} · ` : ''}${category} — ${channel} (${row.ticket}, ${c.date})`;
  if (columnId.startsWith('tindak-lanjut') && columnId.includes('pengadu')) return joinDistinct(worked.filter(isFinal).map(noteOf));
  if (columnId.startsWith('tindak-lanjut')) return joinDistinct(worked.filter((k) => !isFinal(k)).map(noteOf));
  if (lanes.has(columnId)) {
    const unit = row.lane === columnId || worked.some((k) => k.from_lane === columnId) ? unitName(columnId, row.unit, labels) : null;
    return unit ?? joinDistinct(worked.filter((k) => k.from_lane === columnId).map((k) => officerWords(k.officer_name, 'id')));
  }
  if (columnId === 'langkah') {
    return row.status === 'done' && row.end_step
      ? labels.outcome(row.end_step, row.sop_version_id)
      : `${labels.step(row.step, row.sop_version_id).number ?? ''} ${labels.lane(row.lane)}`.trim();
  }
  if (columnId.startsWith('status')) return fromSop ? (row.status === 'done' ? 'selesai' : 'tidak') : row.status === 'done' ? 'selesai' : 'dalam proses';
  return '';
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
  return cases.map((c, i) => ({ ticket: c.row.ticket, cells: columns.map((col) => cell(col.id, first + i, c, labels, fromSop)) }));
}
