import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import type { Form } from '@sop/model';
import {
  categoryOfService,
  requestViewOf,
  serviceCodeOf,
  serviceDefinitionOf,
  servicesOf,
  statusNotesOf,
  submissionOf,
  type Open311Sop,
  type PublicCase,
} from './open311-mapping';

const identity = { regency: 'Kabupaten Buleleng', office: 'Dinas Kependudukan dan Pencatatan Sipil', title: 'Penanganan Keluhan', government: 'PEMERINTAH' };
const bulelengForm: Form = {
  title: 'FORMULIR PENGADUAN / SARAN',
  fields: [
    { id: 'nama-lengkap', label: 'Nama Lengkap', type: 'text', confidential: true },
    { id: 'alamat-email', label: 'Alamat email', type: 'email', confidential: true },
    { id: 'no-hp', label: 'No. Hp', type: 'phone', confidential: true },
    { id: 'sasaran', label: 'Sasaran Pengaduan', type: 'choice', required: true, options: ['Perilaku Pegawai', 'Pelayanan', 'Lain - Lain', 'Lain-lain'] },
    { id: 'isi', label: 'ISI PENGADUAN', type: 'textarea', required: true },
  ],
};
const buleleng = { sopId: 'buleleng', sop: { identity, intake: { categoryField: 'sasaran' } }, form: bulelengForm } as unknown as Open311Sop;
const metro = { sopId: 'metro', sop: { identity: { ...identity, regency: 'Kota Metro' }, intake: {} }, form: DEFAULT_COMPLAINT_FORM } as unknown as Open311Sop;

describe('services', () => {
  it('one service per category option, with codes from their words (repeats numbered)', () => {
    expect(servicesOf(buleleng).map((s) => [s.service_code, s.service_name])).toEqual([
      ['perilaku-pegawai', 'Perilaku Pegawai'],
      ['pelayanan', 'Pelayanan'],
      ['lain-lain', 'Lain - Lain'],
      ['lain-lain-2', 'Lain-lain'],
    ]);
    expect(categoryOfService(buleleng, 'lain-lain-2')).toBe('Lain-lain');
    expect(categoryOfService(buleleng, 'jalan')).toBeUndefined();
    expect(serviceCodeOf('Kesalahan pengentrian/penginputan data')).toBe('kesalahan-pengentrian-penginputan-data');
  });

  it('a form without categories is one general service', () => {
    expect(servicesOf(metro)).toEqual([expect.objectContaining({ service_code: 'pengaduan', service_name: 'Formulir Pengaduan' })]);
    expect(categoryOfService(metro, 'pengaduan')).toBeNull();
  });

  it("a definition lists the form's fields (not the category) as attributes, saying which standard field fills them", () => {
    const def = serviceDefinitionOf(buleleng, 'pelayanan')!;
    expect(def.attributes.map((a) => [a.code, a.datatype, a.required])).toEqual([
      ['nama-lengkap', 'string', false],
      ['alamat-email', 'string', false],
      ['no-hp', 'string', false],
      ['isi', 'text', true],
    ]);
    expect(def.attributes[0].datatype_description).toBe(
      'text, at most 200 characters; or the standard field first_name and last_name; confidential: never shown publicly',
    );
    expect(serviceDefinitionOf(buleleng, 'jalan')).toBeNull();
  });
});

describe('submissionOf', () => {
  it('fills the form from the standard fields, the attributes and the service code', () => {
    expect(
      submissionOf(buleleng, 'pelayanan', {
        api_key: 'k',
        jurisdiction_id: 'buleleng',
        service_code: 'pelayanan',
        description: 'Antrian lama',
        first_name: 'Ni Made',
        last_name: 'Ayu',
        phone: '081234567890',
        attribute: { 'alamat-email': 'ayu@example.id' },
        lat: '-8.1',
        long: 115.09,
      }),
    ).toEqual({
      data: { isi: 'Antrian lama', 'nama-lengkap': 'Ni Made Ayu', 'no-hp': '081234567890', 'alamat-email': 'ayu@example.id', sasaran: 'Pelayanan' },
      paramOf: {
        isi: 'description',
        'nama-lengkap': 'first_name/last_name',
        'no-hp': 'phone',
        'alamat-email': 'attribute[alamat-email]',
        sasaran: 'service_code',
      },
    });
  });

  it('lists every problem: unknown parameters and attributes, a field filled twice, the category, location, files', () => {
    const result = submissionOf(buleleng, 'pelayanan', {
      description: 'a',
      attribute: { isi: 'b', sasaran: 'Pelayanan', nope: 'c', 'no-hp': ['1'] },
      lat: '91',
      media_url: 'http://x',
      zip: '81111',
    });
    expect('errors' in result && result.errors.map((e) => e.description)).toEqual([
      expect.stringMatching(/^unknown parameter "zip"/),
      expect.stringMatching(/chosen by the service_code/),
      expect.stringMatching(/^attribute\[nope\] is not an attribute/),
      'attribute[no-hp] was sent more than once or as a list: send one value',
      'description and attribute[isi] both fill the field "isi": send one of them',
      'lat must be a number from -90 to 90 (WGS84 degrees)',
      'service pelayanan takes no files (media_url)',
    ]);
  });

  it('a standard field the form lacks is refused; an unknown service is 404', () => {
    const pekanbaruLike = { ...metro, form: { title: 'x', fields: [{ id: 'uraian', label: 'uraian', type: 'textarea' }] } } as unknown as Open311Sop;
    expect(submissionOf(pekanbaruLike, 'pengaduan', { email: 'a@b.id' })).toEqual({
      errors: [{ code: 400, description: 'service pengaduan takes no email: its form has no such field (see its attributes)' }],
    });
    expect(submissionOf(metro, 'jalan', {})).toEqual({ errors: [{ code: 404, description: expect.stringMatching(/not a service of metro/) }] });
  });
});

describe('the request view', () => {
  const view = (over: Partial<PublicCase>): PublicCase => ({
    ticket: 'BUL-7K4Q9P',
    status: 'open',
    currentStep: { publicLabel: 'Menerima keluhan' },
    endStep: null,
    citizenStep: null,
    scheduled: null,
    latestReply: null,
    promisedBy: new Date('2026-03-20T09:00:00Z'),
    createdAt: new Date('2026-03-10T02:00:00Z'),
    closedAt: null,
    ...over,
  });

  it('says where the complaint is, in the ticket page words, and quotes the latest reply', () => {
    expect(statusNotesOf(view({}))).toBe('Sedang diproses: Menerima keluhan');
    expect(statusNotesOf(view({ citizenStep: {}, currentStep: { publicLabel: 'Konfirmasi' } }))).toBe('Menunggu tanggapan pelapor: Konfirmasi');
    expect(statusNotesOf(view({ latestReply: { text: 'Sudah dicetak' } }))).toBe('Sedang diproses: Menerima keluhan. Tanggapan terakhir: Sudah dicetak');
    expect(statusNotesOf(view({ status: 'done', endStep: { publicLabel: 'Ditolak' } }))).toBe('Selesai: Ditolak');
    expect(statusNotesOf(view({ status: 'done', latestReply: { text: 'Sudah dicetak' } }))).toBe('Selesai. Sudah dicetak');
  });

  it('never carries the text of the complaint, a location or files', () => {
    const r = requestViewOf(buleleng, view({ status: 'done', closedAt: new Date() }), 'Pelayanan', new Date('2026-03-11T02:00:00Z'));
    expect(r).toMatchObject({
      service_request_id: 'BUL-7K4Q9P',
      status: 'closed',
      service_code: 'pelayanan',
      description: null,
      lat: null,
      long: null,
      media_url: null,
      expected_datetime: null,
      requested_datetime: '2026-03-10T02:00:00.000Z',
      updated_datetime: '2026-03-11T02:00:00.000Z',
    });
  });
});
