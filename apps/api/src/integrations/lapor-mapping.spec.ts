import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import type { Form } from '@sop/model';
import { isClosedLaporStatus, laporCaseData, laporFormMapping, laporStatusOf, laporUpdateCells, readLaporBatch, type LaporFormMapping } from './lapor-mapping';

const CSV_HEADER = 'tracking_id,title,content,category,disposition,status\r\n';

describe('readLaporBatch', () => {
  it("reads LAPOR!'s CSV export, with its Indonesian headers and semicolons too", () => {
    const csv =
      'Tracking ID;Judul;Isi Laporan;Kategori;Disposisi;Status\n4412001;KTP-el belum jadi;"Sudah tiga bulan; belum ada kabar";Administrasi Kependudukan;Dinas Dukcapil;Terdisposisi\n';
    expect(readLaporBatch('csv', csv)).toEqual({
      reports: [
        {
          row: 1,
          trackingId: '4412001',
          title: 'KTP-el belum jadi',
          content: 'Sudah tiga bulan; belum ada kabar',
          category: 'Administrasi Kependudukan',
          disposition: 'Dinas Dukcapil',
          status: 'Terdisposisi',
        },
      ],
    });
  });

  it('reads a JSON list, or { reports: [...] }, numbers as text', () => {
    const one = { tracking_id: 4412002, judul: 'Akta salah', isi: 'Nama ayah salah tulis' };
    expect(readLaporBatch('json', JSON.stringify([one]))).toEqual({
      reports: [{ row: 1, trackingId: '4412002', title: 'Akta salah', content: 'Nama ayah salah tulis', category: null, disposition: null, status: null }],
    });
    expect(readLaporBatch('json', JSON.stringify({ reports: [one] }))).toMatchObject({ reports: [{ trackingId: '4412002' }] });
  });

  it('lists every bad row with its field, and nothing else is kept', () => {
    const csv = `${CSV_HEADER}1,Baik,Isi,,,\r\n2,,Isi tanpa judul,,,\r\n3 3,Judul,Isi,,,\r\n4,Judul,${'x'.repeat(5001)},,,\r\n5,Judul,"a\u0001b",,,\r\n`;
    expect(readLaporBatch('csv', csv)).toEqual({
      errors: [
        { row: 2, field: 'title', message: 'title is missing' },
        { row: 3, field: 'tracking_id', message: expect.stringMatching(/"3 3" is not a LAPOR! tracking id/) },
        { row: 4, field: 'content', message: 'content is at most 5000 characters (it has 5001)' },
        { row: 5, field: 'content', message: expect.stringMatching(/control characters/) },
      ],
    });
  });

  it('says what is wrong with the batch as a whole', () => {
    expect(readLaporBatch('csv', 'id,judul\n1,x\n')).toEqual({
      errors: [{ row: 0, field: 'content', message: expect.stringMatching(/no column for tracking_id, content/) }],
    });
    expect(readLaporBatch('csv', `${CSV_HEADER}1,"open\n`)).toEqual({
      errors: [{ row: 0, field: 'content', message: expect.stringMatching(/^line 2: a quoted field is not closed/) }],
    });
    expect(readLaporBatch('csv', CSV_HEADER)).toEqual({ errors: [{ row: 0, field: 'content', message: 'the batch holds no report' }] });
    expect(readLaporBatch('json', '{"a":')).toMatchObject({ errors: [{ row: 0, message: expect.stringMatching(/not valid JSON/) }] });
    expect(readLaporBatch('json', '{"a":1}')).toMatchObject({ errors: [{ row: 0, message: expect.stringMatching(/JSON list of reports/) }] });
    expect(readLaporBatch('json', '[1]')).toMatchObject({ errors: [{ row: 1, field: 'report' }] });
  });
});

describe('the mapping to the SOP form', () => {
  const form: Form = {
    title: 'x',
    fields: [
      { id: 'nama', label: 'Nama', type: 'text', required: true },
      { id: 'sasaran', label: 'Sasaran', type: 'choice', options: ['Pelayanan', 'Lain - Lain'] },
      { id: 'isi', label: 'Isi', type: 'textarea', required: true },
    ],
  };
  const mapping = laporFormMapping(form, { intake: { categoryField: 'sasaran' } } as never) as LaporFormMapping;
  const report = { row: 1, trackingId: '1', title: 'Antrian', content: 'Terlalu lama', category: 'pelayanan', disposition: null, status: null };

  it('puts title and content in the text area, and the category in the choice it names', () => {
    expect(mapping).toEqual({ textField: 'isi', categoryField: 'sasaran', categoryOptions: ['Pelayanan', 'Lain - Lain'] });
    expect(laporCaseData(mapping, report)).toEqual({ data: { isi: 'Antrian\n\nTerlalu lama', sasaran: 'Pelayanan' }, category: 'Pelayanan' });
    expect(laporCaseData(mapping, { ...report, category: 'Administrasi Kependudukan' })).toEqual({
      data: { isi: 'Antrian\n\nTerlalu lama' },
      category: 'Administrasi Kependudukan',
    });
  });

  it('a form without a text area cannot take reports', () => {
    expect(laporFormMapping({ title: 'x', fields: [{ id: 'nama', label: 'Nama', type: 'text' }] }, { intake: {} } as never)).toEqual({
      reason: expect.stringMatching(/no text area/),
    });
    expect(laporFormMapping(DEFAULT_COMPLAINT_FORM, {})).toEqual({ textField: 'isi', categoryField: null, categoryOptions: [] });
  });
});

describe('statuses', () => {
  it('knows when LAPOR! has closed a report, and words a case for LAPOR!', () => {
    expect(['Selesai', ' ditutup ', 'Diarsipkan'].every(isClosedLaporStatus)).toBe(true);
    expect(isClosedLaporStatus('Terdisposisi')).toBe(false);
    expect(isClosedLaporStatus(null)).toBe(false);
    expect([laporStatusOf('open', 1), laporStatusOf('open', 3), laporStatusOf('done', 5)]).toEqual(['Belum Ditindaklanjuti', 'Sedang Diproses', 'Selesai']);
    expect(
      laporUpdateCells({
        tracking_id: '1',
        title: 't',
        category: null,
        disposition: 'd',
        status: 'Selesai',
        status_notes: 'n',
        ticket: 'CON-1',
        updated_at: '2026-03-10T02:00:00.000Z',
      }),
    ).toEqual(['1', 't', null, 'd', 'Selesai', 'n', 'CON-1', '2026-03-10T02:00:00.000Z']);
  });
});
