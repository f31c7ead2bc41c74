import { stepText } from './report-labels';
import { REPORT_TABLES, type CountRow, type RecapRow, type Report, type ReportTable } from '@sop/report-model';

export { REPORT_TABLES, type ReportTable };

export const REPORT_LANGUAGES = ['id', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

type Cell = string | number | null;

const WORDS = {
  id: {
    date: 'Tanggal',
    month: 'Bulan',
    filed: 'Masuk',
    done: 'Selesai',
    open: 'Dalam proses',
    overdue: 'Melewati batas waktu',
    channel: 'Saluran',
    category: 'Kategori',
    status: 'Status',
    outcome: 'Hasil akhir',
    document: 'Dokumen',
    count: 'Jumlah',
    share: 'Persentase (%)',
    choices: 'Keputusan yang diambil',
    slowest: 'Langkah paling lama',
    slowestMinutes: 'Menit kerja di langkah itu',
    notes: 'Catatan petugas (penyebab / solusi)',
    complainantNotes: 'Tanggapan pelapor',
    stepNo: 'No. langkah',
    step: 'Langkah',
    lane: 'Pelaksana',
    limit: 'Batas waktu',
    limitMinutes: 'Batas (menit kerja nominal)',
    handOvers: 'Serah terima',
    median: 'Median menit kerja',
    max: 'Maks. menit kerja',
    overLimit: 'Melewati batas',
    overShare: 'Melewati batas (%)',
    waiting: 'Menunggu sekarang',
    waitingOverdue: 'Menunggu, lewat batas',
    ticket: 'Tiket',
    procedure: 'Prosedur berkala',
    period: 'Periode',
  },
  en: {
    date: 'Date',
    month: 'Month',
    filed: 'Filed',
    done: 'Done',
    open: 'In progress',
    overdue: 'Past a deadline',
    channel: 'Channel',
    category: 'Category',
    status: 'Status',
    outcome: 'Outcome',
    document: 'Document',
    count: 'Count',
    share: 'Share (%)',
    choices: 'Decisions taken',
    slowest: 'Slowest step',
    slowestMinutes: 'Working minutes at that step',
    notes: "Officers' notes (causes / solutions)",
    complainantNotes: "The complainant's own words",
    stepNo: 'Step no.',
    step: 'Step',
    lane: 'Lane',
    limit: 'Time limit',
    limitMinutes: 'Limit (nominal working minutes)',
    handOvers: 'Hand-overs',
    median: 'Median working minutes',
    max: 'Max working minutes',
    overLimit: 'Over the limit',
    overShare: 'Over the limit (%)',
    waiting: 'Waiting now',
    waitingOverdue: 'Waiting, past the limit',
    ticket: 'Ticket',
    procedure: 'Periodic procedure',
    period: 'Period',
  },
} satisfies Record<ReportLanguage, Record<string, string>>;

const STATUS = { id: { open: 'dalam proses', done: 'selesai' }, en: { open: 'in progress', done: 'done' } };

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** One table of a report as a header and rows of cells (for CSV). Labels from the SOP stay as written. */
export function reportTable(report: Report, table: ReportTable, lang: ReportLanguage): { header: string[]; rows: Cell[][] } {
  const w = WORDS[lang];
  const recap = (first: string, rows: RecapRow[]) => ({
    header: [first, w.filed, w.done, w.open, w.overdue],
    rows: rows.map((r) => [r.period, r.filed, r.done, r.open, r.overdue]),
  });
  const counts = (first: string, rows: CountRow[]) => ({ header: [first, w.count], rows: rows.map((r) => [r.label, r.count]) });
  switch (table) {
    case 'daily':
      return recap(w.date, report.daily);
    case 'monthly':
      return recap(w.month, report.monthly);
    case 'channels':
      return counts(w.channel, report.byChannel);
    case 'categories':
      return counts(report.categoryLabel ?? w.category, report.byCategory);
    case 'statuses':
      return { header: [w.status, w.count], rows: report.byStatus.map((r) => [STATUS[lang][r.id as 'open' | 'done'], r.count]) };
    case 'outcomes':
      return counts(w.outcome, report.byOutcome);
    case 'documents':
      return counts(w.document, report.byDocument);
    case 'problems':
      return {
        header: [report.categoryLabel ?? w.category, w.count, w.share, w.overdue, w.choices, w.slowest, w.slowestMinutes, w.notes, w.complainantNotes],
        rows: report.problems.map((p) => [
          p.label,
          p.count,
          percent(p.share),
          p.overdue,
          p.choices.map((c) => `${c.label} (${c.count})`).join('; '),
          p.slowestStep ? stepText(p.slowestStep.step) : null,
          p.slowestStep?.minutes ?? null,
          p.notes
            .filter((n) => !n.byComplainant)
            .map((n) => `${n.ticket}: ${n.text}`)
            .join(' | '),
          p.notes
            .filter((n) => n.byComplainant)
            .map((n) => `${n.ticket}: ${n.text}`)
            .join(' | '),
        ]),
      };
    case 'delays-steps':
      return {
        header: [w.stepNo, w.step, w.lane, w.limit, w.limitMinutes, w.handOvers, w.median, w.max, w.overLimit, w.overShare, w.waiting, w.waitingOverdue],
        rows: report.delays.steps.map((s) => [
          s.step.number,
          s.step.label ?? s.step.activity ?? s.step.id,
          s.laneName,
          s.limit,
          s.limitMinutes,
          s.count,
          s.medianMinutes,
          s.maxMinutes,
          s.overLimit,
          percent(s.overLimitShare),
          s.waiting,
          s.waitingOverdue,
        ]),
      };
    case 'delays-lanes':
      return {
        header: [w.lane, w.handOvers, w.median, w.max, w.overLimit, w.overShare, w.waiting, w.waitingOverdue],
        rows: report.delays.lanes.map((l) => [
          l.laneName,
          l.count,
          l.medianMinutes,
          l.maxMinutes,
          l.overLimit,
          percent(l.overLimitShare),
          l.waiting,
          l.waitingOverdue,
        ]),
      };
    case 'periodic-runs':
      return {
        header: [w.ticket, w.procedure, w.period, w.status, w.step],
        rows: report.periodicRuns.map((r) => [r.ticket, r.name, r.period, STATUS[lang][r.status], stepText(r.step)]),
      };
    case 'logbook':
      return { header: report.logbook.columns.map((c) => c.label), rows: report.logbook.rows.map((r) => r.cells) };
  }
}
