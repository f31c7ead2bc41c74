import { compareSops, comparisonCsv, diffSopVersions, citationsOf, formatWorkingTime, REFERENCE_DATE } from './index';
import { loadFixture, loadSeed } from '../../sop-model/src/__fixtures__/seeds';

const load = loadSeed;
const metro = load('metro');
const buleleng = load('buleleng');

describe('compareSops: Kota Metro and Kabupaten Buleleng', () => {
  const c = compareSops([
    { key: 'metro', sop: metro },
    { key: 'buleleng', sop: buleleng },
  ]);
  const [m, b] = c.sops;
  const row = (section: string, key: string) => c.matrix.find((r) => r.section === section && r.key === key)!;

  it('counts lanes, steps, decisions and escalation depth as the YAML has them', () => {
    expect([m.lanes.length, m.steps, m.decisions, m.escalationDepth]).toEqual([6, 9, 5, 4]);
    expect([b.lanes.length, b.steps, b.decisions, b.escalationDepth]).toEqual([4, 7, 0, 0]);
    expect(row('figures', 'escalationDepth')).toMatchObject({ cells: ['4', '0'], status: 'differs' });
  });

  it("gives Metro's worst case as six 1-hari steps plus the lost step 3, never counted as zero", () => {
    // petugas-periksa, kasi-, kabid-, sekretaris-periksa, kadis-periksa and the final row penyelesaian
    // ("Penyelesaian Pengaduan", office work): "1 hari" each; tim-teknis has no Waktu
    expect(m.worstCase!.path).toEqual([
      'laporan',
      'petugas-periksa',
      'tim-teknis',
      'kasi-periksa',
      'kabid-periksa',
      'sekretaris-periksa',
      'kadis-periksa',
      'penyelesaian',
    ]);
    expect(m.worstCase!.sopText).toBe('6 hari (+ 1 langkah tanpa waktu yang diketahui)');
    expect(m.worstCase!.unknownSteps).toEqual(['tim-teknis']);
    // arriving Monday 2 Feb 2026 07:30 WIB, each "1 hari" ends at the close of the next working day:
    // Tue, Wed, Thu, Fri, then Saturday moves to Monday 9 Feb, then Tuesday 10 Feb 16:00 — seven working days of 7.5 hours
    expect(m.worstCase!.workingMinutes).toBe(7 * 450);
    expect(m.worstCase!.workingText).toBe('≥ 7 hari kerja (+1 langkah tanpa Waktu)');
  });

  it("gives Buleleng's worst case as 10 + 5 + 60 + 15 + 20 minutes of working time in WITA", () => {
    expect(b.timeZone).toBe('Asia/Makassar');
    expect(b.worstCase!.path).toEqual(['mulai', 'menerima-keluhan', 'kasi-mempelajari', 'bidang-terkait-solusi', 'kasi-memeriksa', 'follow-up', 'selesai']);
    expect(b.worstCase!.workingMinutes).toBe(110);
    expect(b.worstCase!.workingText).toBe('1 jam 50 menit');
    expect(b.worstCase!.unknownSteps).toEqual([]);
    expect(b.bestCase!.workingMinutes).toBe(110);
    expect(row('figures', 'worstCaseWorking').cells).toEqual(['≥ 7 hari kerja (+1 langkah tanpa Waktu)', '1 jam 50 menit']);
  });

  it('keeps the year range a lower bound for Metro', () => {
    expect(m.worstCase!.yearRange).toMatchObject({ min: 3150, max: 3150, text: '≥ 7 hari kerja (+1 langkah tanpa Waktu)' });
  });

  it('maps lanes to the common roles: the front office, the section head and the head of office are in both', () => {
    expect(row('roles', 'petugas')).toMatchObject({ cells: [expect.stringMatching(/^Petugas\/Admin/), 'Staf Kerjasama'], status: 'shared' });
    expect(row('roles', 'kasi')).toMatchObject({ cells: ['Kasi Yang Membidangi permasalahan', 'Kasi Kerjasama'], status: 'shared' });
    expect(row('roles', 'kepala-dinas').status).toBe('shared');
    expect(row('roles', 'sekretaris')).toMatchObject({ cells: ['Sekretaris Disdukcapil', ''], status: 'unique' });
    expect(row('roles', 'bidang-teknis')).toMatchObject({ cells: ['', 'Bidang Terkait'], status: 'unique' });
  });

  it('lines up channels by kind, the form, and the periodic procedures', () => {
    expect(row('channels', 'telepon')).toMatchObject({ cells: ['telp', 'telepon'], status: 'shared' });
    expect(row('channels', 'fax')).toMatchObject({ cells: ['fax', ''], status: 'unique' });
    expect(row('figures', 'form').cells).toEqual(['', 'FM-PDIP-03-01 FORMULIR PENGADUAN / SARAN']);
    expect(row('forms', 'phone')).toMatchObject({ cells: ['', 'No. Hp'], status: 'unique' });
    expect(b.periodic).toEqual([{ id: 'laporan-bulanan', name: 'laporan penanganan pengaduan', every: 'month', steps: 5 }]);
    // its cell in the reader's language
    expect(row('periodic', 'month').cells).toEqual(['', 'laporan penanganan pengaduan (5 langkah)']);
    const inEnglish = compareSops(
      [
        { key: 'metro', sop: metro },
        { key: 'buleleng', sop: buleleng },
      ],
      { lang: 'en' },
    );
    expect(inEnglish.matrix.find((r) => r.section === 'periodic')?.cells).toEqual(['', 'laporan penanganan pengaduan (5 steps)']);
  });

  it('finds UU 24/2013 in both legal bases and lists the rest as unique, shared first', () => {
    const legal = c.matrix.filter((r) => r.section === 'legal');
    expect(legal[0]).toMatchObject({ key: 'uu:24:2013', label: 'UU 24/2013', status: 'shared' });
    expect(legal.filter((r) => r.status === 'shared').map((r) => r.key)).toEqual(['uu:24:2013']);
    expect(legal.map((r) => r.label)).toEqual(
      expect.arrayContaining(['UU 23/2006', 'Perda Kota Metro 12/2018', 'Perda Kabupaten Buleleng 12/2016', 'PermenPAN-RB 24/2014', 'Permendagri 25/2011']),
    );
    expect(c.versionDiff).toBeNull();
  });

  it('exports the matrix as CSV with one column per SOP', () => {
    const lines = comparisonCsv(c).split('\r\n');
    expect(lines[0]).toBe('section,item,metro,buleleng,status');
    expect(lines).toContain('figures,Worst case (working time),≥ 7 hari kerja (+1 langkah tanpa Waktu),1 jam 50 menit,differs');
    expect(lines.find((l) => l.startsWith('legal,UU 24/2013,'))).toBe(
      'legal,UU 24/2013,Undang-Undang No. 24 Tahun 2013 tentang perubahan atas UU No 23 Tahun 2006 tentang Administrasi Kependudukan,Undang-Undang Nomor 24 Tahun 2013 Tentang Perubahan Atas Undang-Undang Nomor 23 Tahun 2006 tentang Adiministrasi Kependudukan.,shared',
    );
  });
});

describe('compareSops: the rules of use', () => {
  it('refuses fewer than two or more than five SOPs', () => {
    expect(() => compareSops([{ key: 'metro', sop: metro }])).toThrow('compare two to five SOPs, got 1');
    expect(() => compareSops(Array.from({ length: 6 }, (_, i) => ({ key: `m${i}`, sop: metro })))).toThrow('got 6');
  });

  it('counts on each office calendar: the holidays of March 2026 push the end out, not the working time', () => {
    // arriving Tue 17 Mar 2026: the first "1 hari" falls on cuti bersama Nyepi (18 Mar) and moves past
    // Nyepi, Idulfitri and its cuti bersama (19–24 Mar) to the close of Wed 25 Mar
    const c = compareSops(
      [
        { key: 'metro', sop: metro },
        { key: 'buleleng', sop: buleleng },
      ],
      { referenceDate: '2026-03-17' },
    );
    expect(c.referenceDate).toBe('2026-03-17');
    expect(c.sops[0].worstCase!.endsAt).toBe('2026-04-01T09:00:00.000Z'); // Wed 1 Apr 16:00 WIB
    expect(c.sops[0].worstCase!.workingMinutes).toBe(7 * 450);
    expect(c.sops[1].worstCase!.endsAt).toBe('2026-03-17T01:20:00.000Z'); // 09:20 WITA
    expect(
      compareSops([
        { key: 'metro', sop: metro },
        { key: 'buleleng', sop: buleleng },
      ]).sops[0].worstCase!.endsAt,
    ).toBe('2026-02-10T09:00:00.000Z');
    expect(REFERENCE_DATE).toBe('2026-02-02');
  });

  it('writes working time in English on request', () => {
    expect(formatWorkingTime(110, 450, 'en')).toBe('1 hour 50 minutes');
    expect(formatWorkingTime(2700 + 61, 450, 'en')).toBe('6 working days 1 hour 1 minute');
  });
});

describe('diffSopVersions', () => {
  it("sees no change where only the order of an object's keys differs (the API answers each version in its YAML's order)", () => {
    const next = structuredClone(buleleng);
    const step = next.steps.find((s) => s.id === 'kasi-memeriksa')! as unknown as Record<string, unknown>;
    step.onTimeout = { note: 'lewat waktu', status: 'eskalasi' };
    const before = structuredClone(next);
    (before.steps.find((s) => s.id === 'kasi-memeriksa')! as unknown as Record<string, unknown>).onTimeout = { status: 'eskalasi', note: 'lewat waktu' };
    expect(diffSopVersions(before, next).changed).toBe(false);
    // a value that did change still shows
    (next.steps.find((s) => s.id === 'kasi-memeriksa')! as unknown as Record<string, unknown>).onTimeout = { note: 'lain', status: 'eskalasi' };
    expect(diffSopVersions(before, next).steps.changed.map((c) => c.changes.map((f) => f.field))).toEqual([['onTimeout']]);
  });

  it('reports the steps and form fields added, removed and changed between two versions', () => {
    const next = structuredClone(buleleng);
    const kasi = next.steps.find((s) => s.id === 'kasi-memeriksa')!;
    kasi.waktu = '30 Menit';
    kasi.output = 'Logbook pengaduan terperiksa';
    next.steps.splice(next.steps.length - 1, 0, {
      id: 'arsip',
      number: '5a',
      kind: 'task',
      lane: 'staf-kerjasama',
      label: null,
      activity: 'Mengarsipkan logbook',
      next: 'selesai',
    });
    next.steps.find((s) => s.id === 'follow-up')!.next = 'arsip';
    next.intake!.form!.fields = next.intake!.form!.fields.filter((f) => f.id !== 'alamat');
    const diff = diffSopVersions(buleleng, next);
    expect(diff.changed).toBe(true);
    expect(diff.steps.added).toEqual([{ id: 'arsip', flow: 'main', label: 'Mengarsipkan logbook' }]);
    expect(diff.steps.removed).toEqual([]);
    expect(diff.steps.changed.map((c) => [c.id, c.changes])).toEqual([
      [
        'kasi-memeriksa',
        [
          { field: 'waktu', before: '15 Menit', after: '30 Menit' },
          { field: 'output', before: 'Logbook pengaduan', after: 'Logbook pengaduan terperiksa' },
        ],
      ],
      ['follow-up', [{ field: 'next', before: 'selesai', after: 'arsip' }]],
    ]);
    expect(diff.formFields.removed).toEqual([{ id: 'alamat', label: 'Alamat' }]);
    expect(diff.lanes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('is empty for the same SOP, and compareSops attaches it for two versions of one regency', () => {
    expect(diffSopVersions(metro, structuredClone(metro)).changed).toBe(false);
    const c = compareSops([
      { key: 'metro@1', sop: metro, version: 1 },
      { key: 'metro@2', sop: structuredClone(metro), version: 2 },
    ]);
    expect(c.versionDiff).not.toBeNull();
    expect(c.versionDiff!.changed).toBe(false);
  });
});

describe('citationsOf', () => {
  it('reads the regulation and its amendment, not the laws named in a title', () => {
    expect(
      citationsOf('UU No.23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan UU No.24 Tahun 2013', 'Kabupaten Lumajang').map(
        (c) => c.label,
      ),
    ).toEqual(['UU 23/2006', 'UU 24/2013']);
    expect(
      citationsOf('Peraturan Pemerintah Nomor 37 Tahun 2007 Tentang Pelaksanaan Undang-undang Nomor 23 Tahun 2006', 'Kabupaten Brebes').map((c) => c.label),
    ).toEqual(['PP 37/2007']);
    expect(citationsOf('Permenpan dan RB Nomor 11 tahun 2016 tentang Road Map', 'Kota Metro')[0].key).toBe('permenpan-rb:11:2016');
    expect(citationsOf('Peraturan Walikota Pekanbaru Nomor 104 Tahun 2016', 'Kota Pekanbaru')[0].label).toBe('Perwal Kota Pekanbaru 104/2016');
    expect(citationsOf('Maklumat Pelayanan', 'Kota Metro')).toEqual([
      { key: 'text:maklumat pelayanan', label: 'Maklumat Pelayanan', text: 'Maklumat Pelayanan' },
    ]);
  });
});

describe('compareSops: open roles (libs/sop-model/src/__fixtures__/valid/open-roles.yaml)', () => {
  const open = loadFixture('valid/open-roles.yaml');
  const c = compareSops([
    { key: 'metro', sop: metro },
    { key: 'contoh', sop: open },
  ]);
  const row = (section: string, key: string) => c.matrix.find((r) => r.section === section && r.key === key);

  it('groups lanes by common role, the new national roles included', () => {
    expect(row('roles', 'petugas')).toMatchObject({ cells: [expect.stringMatching(/^Petugas\/Admin/), 'Petugas Pengaduan'], status: 'shared' });
    expect(row('roles', 'pemohon')).toMatchObject({ cells: ['Pengguna Jasa Layanan/ Masyarakat', 'Pelapor / Masyarakat'], status: 'shared' });
    expect(row('roles', 'helpdesk')).toMatchObject({ label: 'Helpdesk', cells: ['', 'Helpdesk'], status: 'unique' });
    expect(row('roles', 'ppid')).toMatchObject({ cells: ['', 'PPID Pelaksana'], status: 'unique' });
    expect(row('roles', 'tim-pengaduan')).toMatchObject({ label: 'Complaints team', cells: ['', 'Tim Pengaduan'] });
    expect(row('roles', 'pejabat-berwenang')).toMatchObject({ label: 'Competent official', cells: ['', 'Pejabat yang berkompeten'] });
    // in the schema's order, and "other" is no common role
    expect(c.matrix.filter((r) => r.section === 'roles').map((r) => r.key)).toEqual([
      'pemohon',
      'petugas',
      'kasi',
      'kabid',
      'sekretaris',
      'kepala-dinas',
      'helpdesk',
      'tim-pengaduan',
      'ppid',
      'pejabat-berwenang',
    ]);
    expect(row('roles', 'other')).toBeUndefined();
  });

  it('lists each lane of role other by its own description, after the common roles, never merged', () => {
    const others = c.matrix.filter((r) => r.section === 'otherRoles');
    expect(others).toEqual([
      {
        section: 'otherRoles',
        key: 'aparat pengawas internal pemerintah daerah yang menindaklanjuti pengaduan tentang perilaku pegawai',
        label: 'Aparat pengawas internal pemerintah daerah yang menindaklanjuti pengaduan tentang perilaku pegawai',
        cells: ['', 'Inspektorat Daerah'],
        status: 'unique',
      },
      {
        section: 'otherRoles',
        key: 'koordinator iso sebagai pengelola risiko pelayanan',
        label: 'Koordinator ISO sebagai pengelola risiko pelayanan',
        cells: ['', 'Koordinator ISO'],
        status: 'unique',
      },
    ]);
    const sections = c.matrix.map((r) => r.section);
    expect(sections.indexOf('otherRoles')).toBe(sections.lastIndexOf('roles') + 1);
    expect(c.sops[1].lanes.find((l) => l.id === 'koordinator-iso')).toEqual({
      id: 'koordinator-iso',
      name: 'Koordinator ISO',
      role: 'other',
      roleDescription: 'Koordinator ISO sebagai pengelola risiko pelayanan',
    });
    expect(c.sops[1].lanes.find((l) => l.id === 'ppid')).toMatchObject({ role: 'ppid', roleDescription: null });
  });

  it('lines up other roles of two SOPs only where they are described in the same words (case and spacing aside)', () => {
    const other = structuredClone(open);
    other.lanes.find((l) => l.id === 'koordinator-iso')!.roleDescription = 'KOORDINATOR ISO  sebagai pengelola risiko pelayanan.';
    other.lanes.find((l) => l.id === 'inspektorat')!.roleDescription = 'Inspektorat Kabupaten';
    const pair = compareSops([
      { key: 'contoh', sop: open },
      { key: 'lain', sop: other },
    ]);
    expect(pair.matrix.filter((r) => r.section === 'otherRoles').map((r) => [r.label, r.cells, r.status])).toEqual([
      ['Aparat pengawas internal pemerintah daerah yang menindaklanjuti pengaduan tentang perilaku pegawai', ['Inspektorat Daerah', ''], 'unique'],
      ['Koordinator ISO sebagai pengelola risiko pelayanan', ['Koordinator ISO', 'Koordinator ISO'], 'shared'],
      ['Inspektorat Kabupaten', ['', 'Inspektorat Daerah'], 'unique'],
    ]);
  });

  it('has no other-roles rows for SOPs whose lanes all play common roles', () => {
    const seeds = compareSops([
      { key: 'metro', sop: metro },
      { key: 'buleleng', sop: buleleng },
    ]);
    expect(seeds.matrix.filter((r) => r.section === 'otherRoles')).toEqual([]);
  });

  it('writes the other roles into the CSV by their description', () => {
    const lines = comparisonCsv(c).split('\r\n');
    expect(lines).toContain('roles,Helpdesk,,Helpdesk,unique');
    expect(lines).toContain('otherRoles,Koordinator ISO sebagai pengelola risiko pelayanan,,Koordinator ISO,unique');
  });

  it('reports a lane that changes from a common role to other, with its description, between two versions', () => {
    const next = structuredClone(open);
    Object.assign(
      next.lanes.find((l) => l.id === 'helpdesk')!,
      { role: 'other', roleDescription: 'Helpdesk SIAK kabupaten' },
    );
    expect(diffSopVersions(open, next).lanes.changed).toEqual([
      {
        id: 'helpdesk',
        label: 'Helpdesk',
        changes: [
          { field: 'role', before: 'helpdesk', after: 'other' },
          { field: 'roleDescription', before: null, after: 'Helpdesk SIAK kabupaten' },
        ],
      },
    ]);
  });
});

describe('compareSops: the service standard and honest gaps (ADR 0011)', () => {
  const fixture = loadFixture;
  const serviced = fixture('valid/service-and-gaps.yaml');
  const cutOff = fixture('warnings/incomplete-source.yaml');
  const c = compareSops([
    { key: 'metro', sop: metro },
    { key: 'contoh', sop: serviced },
    { key: 'terpotong', sop: cutOff },
  ]);
  const row = (section: string, key: string) => c.matrix.find((r) => r.section === section && r.key === key);

  it('lines up the service fields some SOP prints, as written; a lost one is said illegible, an unprinted one left blank', () => {
    expect(c.matrix.filter((r) => r.section === 'service').map((r) => r.key)).toEqual([
      'biaya',
      'dasarBiaya',
      'persyaratan',
      'waktuPenyelesaian',
      'kondisiWaktu',
      'produk',
    ]);
    expect(row('service', 'biaya')).toMatchObject({ cells: ['', 'Tidak dipungut biaya', ''], status: 'differs' });
    expect(row('service', 'persyaratan')!.cells[1]).toBe('Fotokopi KTP-el; Uraian pengaduan');
    expect(row('service', 'produk')!.cells).toEqual(['', 'tidak terbaca di sumber', '']);
    expect(c.sops[1].service?.waktuPenyelesaian).toBe('14 hari kerja');
  });

  it('says which source is incomplete, and lists what each SOP marks inferred or incomplete', () => {
    expect(row('gaps', 'sourceComplete')!.cells).toEqual(['lengkap', 'lengkap', 'tidak lengkap: the second page of the flowchart is missing']);
    const inferred = row('gaps', 'inferred')!.cells;
    expect(inferred[0]).toMatch(/^13: intake: channel dll; 2 petugas-periksa: outcome Diterima; /);
    expect(inferred[0]).toContain('4 kasi-periksa: timeout (escalate)');
    expect(inferred[1]).toBe('2: 2 periksa: outcome Tidak terselesaikan; 2 periksa: timeout (escalate)');
    expect(inferred[2]).toBe('0');
    expect(row('gaps', 'incomplete')!.cells).toEqual(['1: 3 tim-teknis: step', '1: 3 kasi-periksa: step', '0']);
    expect(c.sops[2].source).toEqual({ complete: false, note: 'the second page of the flowchart is missing' });
  });

  it('compares an incomplete SOP without a way to an end: its times are “no path to an end”, not zero', () => {
    expect(row('figures', 'worstCase')!.cells[2]).toBe('tidak ada jalur ke akhir');
  });

  it('leaves the service section out when no SOP prints one', () => {
    const seeds = compareSops([
      { key: 'metro', sop: metro },
      { key: 'buleleng', sop: buleleng },
    ]);
    expect(seeds.matrix.some((r) => r.section === 'service')).toBe(false);
    expect(seeds.matrix.find((r) => r.key === 'sourceComplete')!.cells).toEqual(['lengkap', 'lengkap']);
  });
});
