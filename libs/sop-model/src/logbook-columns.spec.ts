import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueMessage, readLogbookColumn, suggestLogbookFill, validateSop } from './index';
import { loadSeed } from './__fixtures__/seeds';

const LANES = ['staf-kerjasama', 'kasi-kerjasama', 'bidang-terkait'];

describe('how a logbook column is filled', () => {
  it('reads fills first, whatever the id', () => {
    expect(readLogbookColumn({ id: 'isi', label: 'Isi Pengaduan', fills: 'complaint' }, LANES)).toEqual({ fills: 'complaint', by: 'fills' });
    expect(readLogbookColumn({ id: 'penerima', label: 'Penerima', fills: 'lane', lane: 'kasi-kerjasama' }, LANES)).toEqual({
      fills: 'lane',
      lane: 'kasi-kerjasama',
      by: 'fills',
    });
    // an id that says something else is overruled
    expect(readLogbookColumn({ id: 'status', label: 'Paraf', fills: 'paper' }, LANES)).toEqual({ fills: 'paper', by: 'fills' });
  });

  it("reads Buleleng's ids by convention, and leaves a column nothing names blank", () => {
    const buleleng = loadSeed('buleleng');
    const lanes = buleleng.lanes.map((l) => l.id);
    expect(buleleng.logbook!.columns.map((c) => [c.id, readLogbookColumn(c, lanes)])).toEqual([
      ['no', { fills: 'number', by: 'id' }],
      ['isi-pengaduan-sumber', { fills: 'complaint', by: 'id' }],
      ['bidang-terkait', { fills: 'lane', lane: 'bidang-terkait', by: 'id' }],
      ['tindak-lanjut-aduan', { fills: 'follow-up', by: 'id' }],
      ['tindak-lanjut-ke-pengadu', { fills: 'reply', by: 'id' }],
      ['status', { fills: 'status', by: 'id' }],
      ['paraf-kabid-pdip', { fills: 'paper', by: 'id' }],
    ]);
    expect(readLogbookColumn({ id: 'saluran', label: 'Saluran Pengaduan' }, LANES)).toEqual({ fills: 'paper', by: 'default' });
  });

  it.each([
    ['Isi Pengaduan', 'complaint'],
    ['Uraian Keluhan', 'complaint'],
    ['Saluran Pengaduan', 'channel'],
    ['Media', 'channel'],
    ['Tanggal Masuk', 'date'],
    ['Tindak Lanjut', 'follow-up'],
    ['Tindak Lanjut ke Pelapor', 'reply'],
    ['Jawaban', 'reply'],
    ['Jenis Layanan', 'category'],
    ['No. Tiket', 'ticket'],
    ['Status', 'status'],
    ['No.', 'number'],
    ['Paraf Kepala Bidang', null],
  ] as const)('suggests for a column labelled %j: fills %s', (label, fill) => {
    expect(suggestLogbookFill(label)).toBe(fill);
  });
});

describe('the validator on logbook columns', () => {
  const minimal = readFileSync(join(__dirname, '__fixtures__', 'valid', 'minimal.yaml'), 'utf8');
  const lanes = validateSop(minimal).sop!.lanes.map((l) => l.id);
  const withColumns = (columns: string) =>
    validateSop(`${minimal.trimEnd()}\nlogbook:\n  title: Buku Register Pengaduan\n  columns:\n${columns}`).issues.filter((i) =>
      /logbook|unknown-lane/.test(i.code),
    );

  it('says nothing of columns that say what they hold, or whose id does', () => {
    expect(withColumns(`    - { id: no, label: No. }\n    - { id: isi, label: Isi, fills: complaint }\n    - { id: paraf, label: Paraf }\n`)).toEqual([]);
  });

  it('points out a column left blank, with what its label suggests, in both languages', () => {
    const [issue] = withColumns(`    - { id: saluran, label: Saluran Pengaduan }\n`);
    expect(issue).toMatchObject({ severity: 'warning', code: 'logbook-column-blank', params: { column: 'saluran', suggestion: 'channel' } });
    expect(issue.message).toBe(
      'logbook column "saluran" (Saluran Pengaduan) is left blank in every line, to be filled on paper: to have the platform fill it, add fills: channel; to keep it blank, add fills: paper',
    );
    expect(issueMessage(issue, 'id')).toBe(
      'kolom logbook "saluran" (Saluran Pengaduan) dibiarkan kosong di setiap baris, untuk diisi di kertas: agar platform mengisinya, tambahkan fills: channel; agar tetap kosong, tambahkan fills: paper',
    );
    const [other] = withColumns(`    - { id: catatan, label: Catatan Lain }\n`);
    expect(other.message).toContain('add fills: one of number, ticket, date, channel');
  });

  it('refuses a lane column without its lane, a lane on another kind of column, and a lane that does not exist', () => {
    expect(withColumns(`    - { id: penerima, label: Penerima, fills: lane }\n`).map((i) => [i.severity, i.code])).toEqual([
      ['error', 'logbook-fills-lane-without-lane'],
    ]);
    expect(withColumns(`    - { id: penerima, label: Penerima, fills: date, lane: ${lanes[0]} }\n`).map((i) => [i.severity, i.code])).toEqual([
      ['error', 'logbook-lane-without-fills-lane'],
    ]);
    const [unknown] = withColumns(`    - { id: penerima, label: Penerima, fills: lane, lane: ${lanes[0]}x }\n`);
    expect(unknown).toMatchObject({ severity: 'error', code: 'unknown-lane', params: { suggestion: lanes[0] } });
    expect(issueMessage(unknown, 'id')).toContain(`(maksudnya "${lanes[0]}"?)`);
  });
});
