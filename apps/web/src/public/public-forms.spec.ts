import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import { type SopDocument } from '@sop/model';
import {
  checkAll,
  checkField,
  complaintFormOf,
  identityNotes,
  inputAttributesOf,
  issueText,
  publicChannelOf,
  serverErrorsByField,
  submissionOf,
} from './complaint-form';
import { formatInstant, stepTitle } from './public-format';
import { saveTicket, savedTickets, SAVED_TICKETS_MAX } from './saved-tickets';
import { readTicketInput } from './ticket-input';
import { loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const loadSop = loadSeed;
const buleleng = loadSop('buleleng');
const metro = loadSop('metro');
const pekanbaru = loadSop('pekanbaru');
const field = (sop: SopDocument, id: string) => complaintFormOf(sop).form.fields.find((f) => f.id === id)!;
const t = (key: string, params: Record<string, string | number> = {}) => `${key}${Object.keys(params).length ? JSON.stringify(params) : ''}`;

describe('the form a citizen fills', () => {
  it("is Buleleng's FM-PDIP-03-01 with its categories and notice, and the default form where the SOP has none", () => {
    const { form, isDefault } = complaintFormOf(buleleng);
    expect(isDefault).toBe(false);
    expect(form.document).toBe('FM-PDIP-03-01');
    expect(form.notice).toBe('Identitas pelapor dijaga kerahasiannya');
    expect(field(buleleng, 'sasaran-pengaduan').options).toEqual(['Perilaku Pegawai', 'Sarana Prasarana', 'Pelayanan', 'Lain - Lain']);
    expect(complaintFormOf(metro)).toEqual({ form: DEFAULT_COMPLAINT_FORM, isDefault: true });
  });

  it("is filed under the SOP's website channel when it names one, else under the API's web form", () => {
    expect(publicChannelOf(buleleng)).toBe('website');
    expect(publicChannelOf(pekanbaru)).toBeUndefined();
  });

  it('judges one field by the checks the API runs, in the UI language', () => {
    const nik = field(pekanbaru, 'nik-no-kk');
    const bad = checkField(nik, '1872012113850001');
    expect(bad?.code).toBe('nik-or-kk.date');
    expect(issueText(bad!, 'id')).toMatch(/^Digit ke-7 sampai ke-12 NIK/);
    expect(issueText(bad!, 'en')).toMatch(/^Digits 7–12 of a NIK/);
    expect(checkField(nik, '1872 0161 0785 0001')).toBeNull();
    // a mobile-number field refuses a landline; Pekanbaru's "nomor telpon" takes either
    expect(checkField(field(buleleng, 'no-hp'), '(0362) 25887')?.code).toBe('phone.landline');
    expect(checkField(field(pekanbaru, 'nomor-telpon'), '(0761) 25887')).toBeNull();
    expect(checkField(field(buleleng, 'no-hp'), '')).toBeNull();
    expect(checkField(field(buleleng, 'isi-pengaduan'), '   ')?.code).toBe('field.required');
  });

  it('lists every wrong field at once and sends only what was filled in', () => {
    const fields = complaintFormOf(buleleng).form.fields;
    const values = {
      'nama-lengkap': 'Ni Luh Sari',
      alamat: '',
      'alamat-email': 'sari@',
      'no-hp': '0812 3456 7890',
      'sasaran-pengaduan': '',
      'isi-pengaduan': 'KTP belum jadi',
    };
    expect(Object.keys(checkAll(fields, values))).toEqual(['alamat-email', 'sasaran-pengaduan']);
    expect(submissionOf(fields, values)).toEqual({
      'nama-lengkap': 'Ni Luh Sari',
      'alamat-email': 'sari@',
      'no-hp': '0812 3456 7890',
      'isi-pengaduan': 'KTP belum jadi',
    });
  });

  it("maps the API's errors to the form's fields and keeps the others apart", () => {
    const fields = complaintFormOf(buleleng).form.fields;
    expect(
      serverErrorsByField(
        [
          { field: 'data.no-hp', message: 'A mobile number has 10 to 13 digits' },
          { field: 'data.umur', message: 'This form has no field "umur"' },
          { field: 'channel', message: '"x" is not a channel of this SOP' },
        ],
        fields,
      ),
    ).toEqual({ byField: { 'no-hp': 'A mobile number has 10 to 13 digits' }, other: ['This form has no field "umur"', '"x" is not a channel of this SOP'] });
    // an error worded in Bahasa Indonesia too is shown in the UI language
    const worded = [{ field: 'data.no-hp', message: 'Write a mobile number', messageId: 'Tulis nomor HP' }];
    expect(serverErrorsByField(worded, fields, 'id').byField).toEqual({ 'no-hp': 'Tulis nomor HP' });
    expect(serverErrorsByField(worded, fields, 'en').byField).toEqual({ 'no-hp': 'Write a mobile number' });
  });

  it('sets up the phone keyboard and autofill by field type', () => {
    expect(inputAttributesOf(field(pekanbaru, 'nik-no-kk'))).toMatchObject({ inputMode: 'numeric', autoComplete: 'off' });
    expect(inputAttributesOf(field(buleleng, 'no-hp'))).toMatchObject({ type: 'tel', inputMode: 'tel', autoComplete: 'tel' });
    expect(inputAttributesOf(field(buleleng, 'alamat-email'))).toMatchObject({ type: 'email', autoComplete: 'email' });
    expect(inputAttributesOf(field(buleleng, 'nama-lengkap')).autoComplete).toBe('name');
    expect(inputAttributesOf(field(buleleng, 'alamat')).autoComplete).toBe('street-address');
  });

  it('notes an accepted NIK whose province code is not one of the 38 provinces, without refusing it', () => {
    const nik = field(pekanbaru, 'nik-no-kk');
    expect(checkField(nik, '2072016107850001')).toBeNull();
    expect(identityNotes(nik, '2072016107850001', 'id').length).toBeGreaterThan(0);
    expect(identityNotes(nik, '1872016107850001', 'id')).toEqual([]);
  });
});

describe('the ticket lookup box', () => {
  it('reads a ticket as people type it', () => {
    expect(readTicketInput(' bul-7k4q9p ')).toEqual({ ok: true, ticket: 'BUL-7K4Q9P' });
    expect(readTicketInput('bul 7k4q9p')).toEqual({ ok: true, ticket: 'BUL-7K4Q9P' });
    expect(readTicketInput('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(readTicketInput('BUL/7K4Q9P')).toEqual({ ok: false, reason: 'bad' });
  });
});

describe('the tickets kept on the device', () => {
  const memory = () => {
    const store = new Map<string, string>();
    return { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  };

  it(`keeps the latest ${SAVED_TICKETS_MAX}, newest first, each once`, () => {
    const storage = memory();
    for (let i = 1; i <= SAVED_TICKETS_MAX + 2; i++)
      saveTicket({ ticket: `BUL-00000${i}`, sop: 'buleleng', regency: 'Kabupaten Buleleng', filedAt: '' }, storage);
    saveTicket({ ticket: 'BUL-000005', sop: 'buleleng', regency: 'Kabupaten Buleleng', filedAt: '' }, storage);
    expect(savedTickets(storage).map((s) => s.ticket)).toEqual(['BUL-000005', 'BUL-000007', 'BUL-000006', 'BUL-000004', 'BUL-000003']);
  });

  it('reads nothing from garbled storage instead of failing', () => {
    expect(savedTickets({ getItem: () => '{oops' })).toEqual([]);
    expect(savedTickets({ getItem: () => '[1, {"ticket": 2}]' })).toEqual([]);
  });
});

describe('the ticket page words', () => {
  it('names a step as the SOP writes it: its number and label, the activity beside', () => {
    expect(stepTitle({ number: '2', label: null, activity: 'Menerima pengaduan', kind: 'task' }, t)).toEqual({
      title: 'publicStepNumber{"n":"2"}',
      activity: 'Menerima pengaduan',
    });
    expect(stepTitle({ number: '3', label: 'Ditolak', activity: null, kind: 'task' }, t).title).toBe('publicStepNumber{"n":"3"} · Ditolak');
    expect(stepTitle({ number: null, label: null, activity: 'Petugas meregistrasi', kind: 'task' }, t)).toEqual({
      title: null,
      activity: 'Petugas meregistrasi',
    });
    expect(stepTitle({ number: null, label: null, activity: null, kind: 'end' }, t).title).toBe('publicStepEnd');
    expect(stepTitle({ number: null, label: 'Selesai', activity: null, kind: 'end' }, t).title).toBe('Selesai');
  });

  it("writes instants in the office's time zone", () => {
    expect(formatInstant('2026-02-03T02:00:00.000Z', 'en', 'Asia/Makassar')).toBe('3 February 2026 at 10:00 WITA');
    expect(formatInstant('2026-02-03T02:00:00.000Z', 'id', 'Asia/Jakarta')).toMatch(/^3 Februari 2026.*09[.:]00 WIB$/);
  });
});
