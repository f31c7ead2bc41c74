import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from '@sop/model';
import { compareSops } from './index';

const fixture = (name: string) => validateSop(readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/valid', name), 'utf8')).sop!;

describe('compareSops shows what each flow does beyond hand-overs', () => {
  const c = compareSops([
    { key: 'warga', sop: fixture('citizen-confirms.yaml') },
    { key: 'bidang', sop: fixture('coordination-and-units.yaml') },
  ]);
  const row = (key: string) => c.matrix.find((r) => r.section === 'constructs' && r.key === key)!;

  it("lines up the complainant's own steps, coordination, units, routing, waits and documents", () => {
    expect(row('citizenSteps').cells).toEqual(['1: 3 konfirmasi (10 hari kerja; bila diam: pilih Puas)', '0']);
    expect(row('coordination').cells).toEqual(['0', '1: bidang-tindak → helpdesk']);
    expect(row('units').cells).toEqual(['0', '1: bidang menurut bidang: Bidang Pelayanan Pendaftaran Penduduk, Bidang Pelayanan Pencatatan Sipil']);
    expect(row('routing').cells).toEqual(['0', '1: petugas-teruskan menurut bidang']);
    expect(row('waits').cells).toEqual(['0', '1: bidang-tindak (Jadwal pertemuan dengan pelapor)']);
    expect(row('documents').cells).toEqual(['0', '2: Selesai: Berita acara penyelesaian pengaduan; Tidak dapat diselesaikan: Surat jawaban']);
    expect(row('coordination').status).toBe('differs');
  });

  it("counts the office's time without the complainant's 10 working days", () => {
    expect(c.sops[0].bestCase?.sopText).toBe('3 hari kerja');
  });
});
