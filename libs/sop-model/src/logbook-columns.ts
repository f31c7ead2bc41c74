import type { Logbook } from './generated/sop-document';

/** A column of an SOP's own complaint register (its logbook). */
export type LogbookColumnSpec = Logbook['columns'][number];

/** What the platform writes in a logbook column (the schema's `fills`). */
export type LogbookFill = NonNullable<LogbookColumnSpec['fills']>;

/** How a logbook column is filled, and whether the SOP says so (`fills`) or its id does (the conventions below). */
export interface LogbookColumnReading {
  fills: LogbookFill;
  /** With `fills: lane`: the lane whose unit or officers the column shows. */
  lane?: string;
  /** `fills` says it, the id says it by convention, or neither does (blank, to be filled on paper). */
  by: 'fills' | 'id' | 'default';
}

/** Ids of columns signed by hand: blank on purpose, no advice needed. */
const SIGNED = /^(paraf|ttd|tanda-tangan)/;

/**
 * How a column of the SOP's register is filled: by its `fills` when it has one; else by what its id
 * says, the conventions Buleleng's FM-PDIP-03-02 was encoded with (`no`, `tiket`, `tanggal`,
 * `sumber`, `kategori`, `isi-pengaduan…`, `tindak-lanjut…`, `…pengadu…` after `tindak-lanjut`,
 * `status…`, `langkah`, a lane's id, `paraf…`); else blank, to be filled on paper.
 *
 * @example
 * readLogbookColumn({ id: 'isi', label: 'Isi Pengaduan', fills: 'complaint' }, []) // { fills: 'complaint', by: 'fills' }
 * readLogbookColumn({ id: 'tindak-lanjut-ke-pengadu', label: '…' }, []) // { fills: 'reply', by: 'id' }
 */
export function readLogbookColumn(column: LogbookColumnSpec, laneIds: readonly string[]): LogbookColumnReading {
  if (column.fills) return { fills: column.fills, ...(column.fills === 'lane' && column.lane ? { lane: column.lane } : {}), by: 'fills' };
  const id = column.id;
  const byId = (fills: LogbookFill, lane?: string): LogbookColumnReading => ({ fills, ...(lane ? { lane } : {}), by: 'id' });
  if (id === 'no') return byId('number');
  if (id === 'tiket') return byId('ticket');
  if (id === 'tanggal') return byId('date');
  if (id === 'sumber') return byId('channel');
  if (id === 'kategori') return byId('category');
  if (id.startsWith('isi-pengaduan')) return byId('complaint');
  if (id.startsWith('tindak-lanjut')) return byId(id.includes('pengadu') ? 'reply' : 'follow-up');
  if (laneIds.includes(id)) return byId('lane', id);
  if (id === 'langkah') return byId('end');
  if (id.startsWith('status')) return byId('status');
  if (SIGNED.test(id)) return byId('paper');
  return { fills: 'paper', by: 'default' };
}

/**
 * What a column's label suggests it should hold ("Isi Pengaduan" → complaint, "Tanggal" → date),
 * for the validator's advice only: the platform never fills a column by its label.
 */
export function suggestLogbookFill(label: string): LogbookFill | null {
  const l = label.toLowerCase();
  if (/\bisi\b|uraian|pengaduan\s*\/\s*saran|keluhan/.test(l)) return 'complaint';
  if (/tindak\s*lanjut.*(pengadu|pelapor|pemohon)|jawaban|balasan|tanggapan/.test(l)) return 'reply';
  if (/tindak\s*lanjut/.test(l)) return 'follow-up';
  if (/saluran|sumber|media|kanal/.test(l)) return 'channel';
  if (/tanggal|tgl|waktu\s*(masuk|terima)/.test(l)) return 'date';
  if (/tiket|nomor\s*(pengaduan|register)|no\.?\s*reg/.test(l)) return 'ticket';
  if (/kategori|jenis|sasaran/.test(l)) return 'category';
  if (/status|keterangan\s*selesai|hasil/.test(l)) return 'status';
  if (/^no\.?$|^nomor$/.test(l.trim())) return 'number';
  return null;
}
