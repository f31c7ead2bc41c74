import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import type { Form } from '@sop/model';
import {
  angka,
  isClosedLaporStatus,
  laporCaseData,
  laporFormMapping,
  laporStatusOf,
  laporUpdateCells,
  readLaporBatch,
  type LaporFormMapping,
} from './lapor-mapping';

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

  it('lists every bad row with its field, in English and in Bahasa Indonesia, and nothing else is kept', () => {
    const csv = `${CSV_HEADER}1,Baik,Isi,,,\r\n2,,Isi tanpa judul,,,\r\n3 3,Judul,Isi,,,\r\n4,Judul,${'x'.repeat(5001)},,,\r\n5,Judul,"a\u0001b",,,\r\n`;
    expect(readLaporBatch('csv', csv)).toEqual({
      errors: [
        { row: 2, field: 'title', message: 'title is missing', messageId: 'judul wajib diisi' },
        {
          row: 3,
          field: 'tracking_id',
          message: '"3 3" is not a LAPOR! tracking id: letters and digits (also . _ / -), at most 64',
          messageId: '"3 3" bukan nomor tracking LAPOR!: hanya huruf dan angka (juga . _ / -), paling banyak 64 karakter',
        },
        {
          row: 4,
          field: 'content',
          message: 'content is at most 5000 characters (it has 5001)',
          messageId: 'isi laporan melebihi 5.000 karakter (berisi 5.001 karakter): persingkat isinya',
        },
        {
          row: 5,
          field: 'content',
          message: 'content holds control characters or invalid Unicode: remove them',
          messageId: 'isi laporan memuat karakter kendali atau Unicode yang tidak sah: hapus karakter tersebut',
        },
      ],
    });
  });

  it('names each field as LAPOR! does in Indonesian: nomor tracking, judul, isi laporan, kategori, disposisi, status', () => {
    const report = { tracking_id: '1', title: 't', content: 'c' };
    const refused = (over: Record<string, unknown>) => readLaporBatch('json', JSON.stringify([{ ...report, ...over }]));
    expect(refused({ tracking_id: '' })).toEqual({
      errors: [{ row: 1, field: 'tracking_id', message: 'tracking_id is missing', messageId: 'nomor tracking wajib diisi' }],
    });
    expect(refused({ content: ' ' })).toEqual({ errors: [{ row: 1, field: 'content', message: 'content is missing', messageId: 'isi laporan wajib diisi' }] });
    expect(refused({ category: ['a'] })).toEqual({
      errors: [{ row: 1, field: 'category', message: 'category must be text', messageId: 'kategori harus berupa teks' }],
    });
    expect(refused({ disposition: 'x'.repeat(301) })).toEqual({
      errors: [
        {
          row: 1,
          field: 'disposition',
          message: 'disposition is at most 300 characters (it has 301)',
          messageId: 'disposisi melebihi 300 karakter (berisi 301 karakter): persingkat isinya',
        },
      ],
    });
    expect(refused({ status: 'a\u007fb' })).toEqual({
      errors: [
        {
          row: 1,
          field: 'status',
          message: 'status holds control characters or invalid Unicode: remove them',
          messageId: 'status memuat karakter kendali atau Unicode yang tidak sah: hapus karakter tersebut',
        },
      ],
    });
    expect(refused({ title: 'x'.repeat(200), content: 'y'.repeat(4799) })).toEqual({
      errors: [
        {
          row: 1,
          field: 'content',
          message: 'title and content together are at most 5000 characters',
          messageId: 'gabungan judul dan isi laporan melebihi 5.000 karakter: persingkat isinya',
        },
      ],
    });
    // 200 + 2 + 4798 characters: the most a report's text holds
    expect(refused({ title: 'x'.repeat(200), content: 'y'.repeat(4798) })).toMatchObject({ reports: [{ trackingId: '1' }] });
  });

  it('writes counts as Indonesian does', () => {
    expect([angka(0), angka(64), angka(999), angka(5000), angka(1_000_000)]).toEqual(['0', '64', '999', '5.000', '1.000.000']);
  });

  it('says what is wrong with the batch as a whole, in both languages', () => {
    expect(readLaporBatch('csv', 'id,judul\n1,x\n')).toEqual({
      errors: [
        {
          row: 0,
          field: 'content',
          message:
            'the header has no column for tracking_id, content; columns: tracking_id, title, content, category, disposition, status (or Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)',
          messageId:
            'baris judul kolom tidak memuat kolom tracking_id, content; kolom yang dikenali: tracking_id, title, content, category, disposition, status (atau Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)',
        },
      ],
    });
    expect(readLaporBatch('csv', `${CSV_HEADER}1,"open\n`)).toEqual({
      errors: [
        {
          row: 0,
          field: 'content',
          message: 'line 2: a quoted field is not closed (a " is missing)',
          messageId: 'baris 2: kolom bertanda kutip tidak ditutup (kurang satu tanda ")',
        },
      ],
    });
    expect(readLaporBatch('csv', `${CSV_HEADER}1,"a"b,c,,,\n`)).toEqual({
      errors: [
        {
          row: 0,
          field: 'content',
          message: 'line 2: a quoted field must end at a comma or the end of the line',
          messageId: 'baris 2: kolom bertanda kutip harus berakhir pada koma atau akhir baris',
        },
      ],
    });
    expect(readLaporBatch('csv', 'tracking_id;title;content\n1;"a"b;c\n')).toMatchObject({
      errors: [{ messageId: 'baris 2: kolom bertanda kutip harus berakhir pada titik koma atau akhir baris' }],
    });
    expect(readLaporBatch('csv', '')).toEqual({
      errors: [
        {
          row: 0,
          field: 'content',
          message: 'the CSV is empty: send a header row and one row per report',
          messageId: 'CSV kosong: kirim satu baris judul kolom dan satu baris untuk setiap laporan',
        },
      ],
    });
    expect(readLaporBatch('csv', CSV_HEADER)).toEqual({
      errors: [{ row: 0, field: 'content', message: 'the batch holds no report', messageId: 'kiriman ini tidak memuat laporan' }],
    });
    expect(readLaporBatch('json', '{"a":')).toMatchObject({
      errors: [
        { row: 0, message: expect.stringMatching(/^the content is not valid JSON: /), messageId: expect.stringMatching(/^content bukan JSON yang sah: /) },
      ],
    });
    expect(readLaporBatch('json', '{"a":1}')).toEqual({
      errors: [
        {
          row: 0,
          field: 'content',
          message: 'send a JSON list of reports, or an object with "reports": [...]',
          messageId: 'kirim daftar laporan dalam JSON, atau objek dengan "reports": [...]',
        },
      ],
    });
    expect(readLaporBatch('json', '[1]')).toEqual({
      errors: [
        {
          row: 1,
          field: 'report',
          message: 'each report must be an object with tracking_id, title, content, category, disposition, status',
          messageId: 'setiap laporan harus berupa objek dengan tracking_id, title, content, category, disposition, status',
        },
      ],
    });
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
