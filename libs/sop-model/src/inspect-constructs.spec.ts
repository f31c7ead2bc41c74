import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectSop, validateSop } from './index';

const fixture = (name: string) => validateSop(readFileSync(join(__dirname, '__fixtures__/valid', name), 'utf8')).sop!;

describe('inspectSop counts what a flow does beyond hand-overs', () => {
  it("lists the complainant's own steps and leaves their time out of the office's", () => {
    const r = inspectSop(fixture('citizen-confirms.yaml'));
    expect(r.constructs.citizenSteps).toEqual([{ id: 'konfirmasi', number: '3', waktu: '10 hari kerja', onTimeout: 'choose Puas' }]);
    // the office's 3 hari kerja; the citizen's 10 hari kerja to answer are theirs
    expect(r.bestCase?.total.text).toBe('3 hari kerja');
    expect(r.unknownDurations).toEqual([]);
  });

  it('lists coordination, units, routing, scheduled waits and documents', () => {
    const r = inspectSop(fixture('coordination-and-units.yaml'));
    expect(r.constructs).toEqual({
      citizenSteps: [],
      coordination: [{ step: 'bidang-tindak', lanes: ['helpdesk'] }],
      units: [{ lane: 'bidang', field: 'bidang', units: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil'] }],
      routedDecisions: [{ step: 'petugas-teruskan', field: 'bidang' }],
      scheduledWaits: [{ step: 'bidang-tindak', label: 'Jadwal pertemuan dengan pelapor' }],
      documents: [
        { step: 'bidang-tindak', outcome: 'Selesai', document: 'Berita acara penyelesaian pengaduan' },
        { step: 'bidang-tindak', outcome: 'Tidak dapat diselesaikan', document: 'Surat jawaban' },
      ],
    });
  });

  it('finds none of them in a plain SOP', () => {
    const r = inspectSop(fixture('minimal.yaml'));
    expect(Object.values(r.constructs).every((list) => list.length === 0)).toBe(true);
  });
});
