import type { FormField } from '@sop/model';
import { checkFormSubmission, MAX_FORM_ISSUES } from './check-form-submission';
import { LANDLINE_EXAMPLE } from './normalize-landline';

/** Buleleng's FM-PDIP-03-01 as sops/buleleng.yaml writes it. */
const BULELENG: FormField[] = [
  { id: 'nama-lengkap', label: 'Nama Lengkap', type: 'text', required: false, confidential: true },
  { id: 'alamat', label: 'Alamat', type: 'text', required: false, confidential: true },
  { id: 'alamat-email', label: 'Alamat email', type: 'email', required: false, confidential: true },
  { id: 'no-hp', label: 'No. Hp', type: 'phone', required: false, confidential: true },
  {
    id: 'sasaran-pengaduan',
    label: 'Sasaran Pengaduan',
    type: 'choice',
    required: true,
    confidential: false,
    options: ['Perilaku Pegawai', 'Sarana Prasarana', 'Pelayanan', 'Lain - Lain'],
  },
  { id: 'isi-pengaduan', label: 'ISI PENGADUAN / SARAN', type: 'textarea', required: true, confidential: false },
];

/** The same form with the name required. */
const BULELENG_NAME_REQUIRED: FormField[] = BULELENG.map((f) => (f.id === 'nama-lengkap' ? { ...f, required: true } : f));

/** Pekanbaru's registration fields (sops/pekanbaru.yaml), with a date and a KK field added. */
const REGISTRATION: FormField[] = [
  { id: 'nama', label: 'nama', type: 'text', required: true, confidential: true },
  { id: 'nik-no-kk', label: 'NIK/NO KK', type: 'nik-or-kk', required: true, confidential: true },
  { id: 'nik', label: 'NIK', type: 'nik', confidential: true },
  { id: 'no-kk', label: 'No. KK', type: 'kk', confidential: true },
  { id: 'tanggal-layanan', label: 'Tanggal layanan', type: 'date' },
];

describe('checkFormSubmission', () => {
  it('accepts a complete Buleleng complaint and stores normalised values', () => {
    const result = checkFormSubmission(BULELENG, {
      'nama-lengkap': '  Ni   Luh Putu Sari ',
      alamat: 'Jl. Ngurah Rai No. 5, Singaraja',
      'alamat-email': 'NiLuh.Sari@Gmail.com',
      'no-hp': '0812-3456-7890',
      'sasaran-pengaduan': '  perilaku pegawai ',
      'isi-pengaduan': 'Petugas loket meminta uang untuk mempercepat KTP.\r\nMohon ditindaklanjuti.',
    });
    expect(result).toEqual({
      ok: true,
      values: {
        'nama-lengkap': 'Ni Luh Putu Sari',
        alamat: 'Jl. Ngurah Rai No. 5, Singaraja',
        'alamat-email': 'NiLuh.Sari@gmail.com',
        'no-hp': '+6281234567890',
        'sasaran-pengaduan': 'Perilaku Pegawai',
        'isi-pengaduan': 'Petugas loket meminta uang untuk mempercepat KTP.\nMohon ditindaklanjuti.',
      },
    });
  });

  it('accepts a landline where the form says "telepon", and a mobile number in the same field', () => {
    const fields = [
      { id: 'telpon', label: 'nomor telpon', type: 'phone-or-landline' as const, required: true },
      { id: 'kantor', label: 'Telepon kantor', type: 'landline' as const },
    ];
    expect(checkFormSubmission(fields, { telpon: '(0761) 123456', kantor: '021-555-1234' })).toEqual({
      ok: true,
      values: { telpon: '+62761123456', kantor: '+62215551234' },
    });
    expect(checkFormSubmission(fields, { telpon: '0813 7654 3210' })).toEqual({ ok: true, values: { telpon: '+6281376543210' } });
    const bad = checkFormSubmission(fields, { telpon: '12', kantor: '0812 3456 7890' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => [i.field, i.code])).toEqual([
        ['telpon', 'phone-or-landline.invalid'],
        ['kantor', 'landline.mobile'],
      ]);
      expect(bad.issues[0].messageId).toMatch(/nomor HP .* atau nomor telepon dengan kode wilayah/);
      // one example of a fixed line, the one the form's hint gives, never in doubled brackets
      for (const text of [bad.issues[0].message, bad.issues[0].messageId, bad.issues[1].message, bad.issues[1].messageId]) {
        expect(text).not.toContain('((');
      }
      expect(bad.issues[0].messageId).toContain(`misalnya ${LANDLINE_EXAMPLE}`);
      expect(bad.issues[0].message).toContain(`e.g. ${LANDLINE_EXAMPLE}`);
    }
  });

  it('accepts an anonymous complaint: empty, blank and null optional fields are left out', () => {
    expect(
      checkFormSubmission(BULELENG, {
        'nama-lengkap': '',
        alamat: '   ',
        'no-hp': null,
        'sasaran-pengaduan': 'Sarana Prasarana',
        'isi-pengaduan': 'Kursi ruang tunggu rusak.',
      }),
    ).toEqual({ ok: true, values: { 'sasaran-pengaduan': 'Sarana Prasarana', 'isi-pengaduan': 'Kursi ruang tunggu rusak.' } });
  });

  it('stores a choice as the option is written, matching it ignoring case and spacing', () => {
    const check = (answer: string) => checkFormSubmission(BULELENG, { 'sasaran-pengaduan': answer, 'isi-pengaduan': 'x' });
    expect(check('LAIN - LAIN')).toMatchObject({ values: { 'sasaran-pengaduan': 'Lain - Lain' } });
    expect(check('lain  -  lain')).toMatchObject({ values: { 'sasaran-pengaduan': 'Lain - Lain' } });
    expect(check('Pelayanan')).toMatchObject({ values: { 'sasaran-pengaduan': 'Pelayanan' } });
    expect(check('Lain-lain')).toMatchObject({ ok: false, issues: [{ code: 'choice.not-an-option' }] });
  });

  it('reports every issue at once, in the order of the form, then unknown fields', () => {
    const result = checkFormSubmission(BULELENG_NAME_REQUIRED, {
      alamat: 'x'.repeat(201),
      'alamat-email': 'niluh@gmail',
      'no-hp': '(0362) 25887',
      'sasaran-pengaduan': 'Pungli',
      'isi-pengaduan': '   ',
      nik: '1872016107850001',
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'nama-lengkap',
          code: 'field.required',
          message: '"Nama Lengkap" is required: fill it in.',
          messageId: '"Nama Lengkap" wajib diisi.',
        },
        {
          field: 'alamat',
          code: 'field.too-long',
          message: '"Alamat" has 201 characters; at most 200 are allowed: shorten it.',
          messageId: '"Alamat" berisi 201 karakter, padahal paling banyak 200 karakter: persingkat isinya.',
        },
        {
          field: 'alamat-email',
          code: 'email.domain',
          message: 'The part after the @ must be a domain with a dot, e.g. gmail.com or example.go.id; "gmail" is not one.',
          messageId: 'Bagian setelah @ harus berupa domain yang memuat titik, misalnya gmail.com atau example.go.id; "gmail" bukan domain.',
        },
        {
          field: 'no-hp',
          code: 'phone.landline',
          message:
            'Only mobile numbers are accepted; this looks like a landline number (mobile numbers start with 08): write a mobile number, e.g. 0812 3456 7890.',
          messageId:
            'Hanya nomor HP yang diterima; nomor ini tampaknya nomor telepon rumah atau kantor (nomor HP diawali 08): tulis nomor HP, misalnya 0812 3456 7890.',
        },
        {
          field: 'sasaran-pengaduan',
          code: 'choice.not-an-option',
          message: 'Choose one of the options of "Sasaran Pengaduan": "Perilaku Pegawai", "Sarana Prasarana", "Pelayanan", "Lain - Lain".',
          messageId: 'Pilih salah satu pilihan "Sasaran Pengaduan": "Perilaku Pegawai", "Sarana Prasarana", "Pelayanan", "Lain - Lain".',
        },
        {
          field: 'isi-pengaduan',
          code: 'field.required',
          message: '"ISI PENGADUAN / SARAN" is required: fill it in.',
          messageId: '"ISI PENGADUAN / SARAN" wajib diisi.',
        },
        {
          field: 'nik',
          code: 'field.unknown',
          message: 'This form has no field "nik"; its fields are: nama-lengkap, alamat, alamat-email, no-hp, sasaran-pengaduan, isi-pengaduan.',
          messageId: 'Formulir ini tidak memiliki isian "nik"; isiannya adalah: nama-lengkap, alamat, alamat-email, no-hp, sasaran-pengaduan, isi-pengaduan.',
        },
      ],
    });
  });

  it('reports values that are not strings, whatever their type', () => {
    const result = checkFormSubmission(BULELENG, {
      'nama-lengkap': 42,
      alamat: ['Singaraja'],
      'alamat-email': { address: 'a@b.id' },
      'no-hp': 81234567890,
      'sasaran-pengaduan': true,
      'isi-pengaduan': 'ok',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => [i.field, i.code, i.message])).toEqual([
      ['nama-lengkap', 'field.type', '"Nama Lengkap" must be text (a string); a number was sent.'],
      ['alamat', 'field.type', '"Alamat" must be text (a string); a list was sent.'],
      ['alamat-email', 'field.type', '"Alamat email" must be text (a string); an object was sent.'],
      ['no-hp', 'field.type', '"No. Hp" must be text (a string); a number was sent.'],
      ['sasaran-pengaduan', 'field.type', '"Sasaran Pengaduan" must be text (a string); true or false was sent.'],
    ]);
    expect(!result.ok && result.issues[0].messageId).toBe('"Nama Lengkap" harus berupa teks; yang dikirim berupa angka.');
  });

  it.each([[null], [undefined], ['nama=Sari'], [42], [['Sari']]])('refuses data that is not an object: %j', (data) => {
    expect(checkFormSubmission(BULELENG, data)).toEqual({
      ok: false,
      issues: [
        {
          field: '',
          code: 'form.not-an-object',
          message: 'The form data must be an object with one text value per field.',
          messageId: 'Data formulir harus berupa objek dengan satu nilai teks untuk setiap isian.',
        },
      ],
    });
  });

  it('reports every required field of an empty object', () => {
    const result = checkFormSubmission(BULELENG_NAME_REQUIRED, {});
    expect(!result.ok && result.issues.map((i) => `${i.field} ${i.code}`)).toEqual([
      'nama-lengkap field.required',
      'sasaran-pengaduan field.required',
      'isi-pengaduan field.required',
    ]);
  });

  it('limits text to 200 characters and a textarea to 5000, counting characters, not UTF-16 units', () => {
    const ok = checkFormSubmission(BULELENG, {
      'nama-lengkap': '😀'.repeat(200),
      'sasaran-pengaduan': 'Pelayanan',
      'isi-pengaduan': 'a'.repeat(5000),
    });
    expect(ok.ok).toBe(true);
    const tooLong = checkFormSubmission(BULELENG, {
      'nama-lengkap': 'b'.repeat(201),
      'sasaran-pengaduan': 'Pelayanan',
      'isi-pengaduan': 'a'.repeat(5001),
    });
    expect(!tooLong.ok && tooLong.issues.map((i) => [i.field, i.code, i.message])).toEqual([
      ['nama-lengkap', 'field.too-long', '"Nama Lengkap" has 201 characters; at most 200 are allowed: shorten it.'],
      ['isi-pengaduan', 'field.too-long', '"ISI PENGADUAN / SARAN" has 5001 characters; at most 5000 are allowed: shorten it.'],
    ]);
  });

  it('lists at most MAX_FORM_ISSUES issues, the last unknown key counting the keys left out (80,000 unknown keys)', () => {
    const data: Record<string, string> = { 'sasaran-pengaduan': 'Pelayanan', 'isi-pengaduan': 'x' };
    for (let i = 0; i < 80_000; i++) data[`k${i}`] = 'x';
    const started = Date.now();
    const result = checkFormSubmission(BULELENG, data);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    const issues = !result.ok ? result.issues : [];
    expect(issues).toHaveLength(MAX_FORM_ISSUES);
    expect(issues.map((i) => i.field)).toEqual(Array.from({ length: MAX_FORM_ISSUES }, (_, i) => `k${i}`));
    expect(issues[MAX_FORM_ISSUES - 1].message).toBe(
      `This form has no field "k${MAX_FORM_ISSUES - 1}" (nor ${80_000 - MAX_FORM_ISSUES} more of the keys sent); its fields are: nama-lengkap, alamat, alamat-email, no-hp, sasaran-pengaduan, isi-pengaduan.`,
    );
    expect(issues[MAX_FORM_ISSUES - 1].messageId).toContain(`(begitu pula ${80_000 - MAX_FORM_ISSUES} kunci lain yang dikirim)`);
    expect(JSON.stringify(issues).length).toBeLessThan(10_000);
  });

  it("reports the form's own fields first, then fills the rest of the list with unknown keys (at least one)", () => {
    const data: Record<string, string> = { 'sasaran-pengaduan': 'Pungli' };
    for (let i = 0; i < 50; i++) data[`x${i}`] = 'x';
    const result = checkFormSubmission(BULELENG, data);
    const issues = !result.ok ? result.issues : [];
    expect(issues.slice(0, 2).map((i) => `${i.field} ${i.code}`)).toEqual(['sasaran-pengaduan choice.not-an-option', 'isi-pengaduan field.required']);
    expect(issues).toHaveLength(MAX_FORM_ISSUES);
    expect(issues[MAX_FORM_ISSUES - 1].message).toContain(`(nor ${50 - (MAX_FORM_ISSUES - 2)} more of the keys sent)`);
    // a form with more fields of its own than the limit still names one unknown key
    const many: FormField[] = Array.from({ length: 25 }, (_, i) => ({ id: `f${i}`, label: `F${i}`, type: 'text', required: true }));
    const crowded = checkFormSubmission(many, { a: 'x', b: 'y' });
    expect(!crowded.ok && crowded.issues.map((i) => i.code).slice(-2)).toEqual(['field.required', 'field.unknown']);
    expect(!crowded.ok && crowded.issues.at(-1)!.message).toContain('"a" (nor 1 more of the keys sent)');
  });

  it('cuts a very long unknown key in its message', () => {
    const key = 'k'.repeat(10_000);
    const result = checkFormSubmission(BULELENG, { 'sasaran-pengaduan': 'Pelayanan', 'isi-pengaduan': 'x', [key]: 'x' });
    const issue = !result.ok ? result.issues[0] : undefined;
    expect(issue?.field).toBe(key);
    expect(issue?.message).toContain(`"${'k'.repeat(60)}…"`);
    expect(issue!.message.length).toBeLessThan(300);
  });

  it('treats a key inherited from Object.prototype or sent as "__proto__" as what it is', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "sasaran-pengaduan": "Pelayanan", "isi-pengaduan": "x"}');
    const result = checkFormSubmission(BULELENG, data);
    expect(!result.ok && result.issues.map((i) => `${i.field} ${i.code}`)).toEqual(['__proto__ field.unknown']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const constructorField: FormField[] = [{ id: 'constructor', label: 'Constructor', type: 'text', required: true }];
    expect(checkFormSubmission(constructorField, {})).toMatchObject({ ok: false, issues: [{ code: 'field.required' }] });
  });

  describe('identity numbers and dates', () => {
    it('stores NIK and KK as 16 digits and accepts a real date', () => {
      expect(
        checkFormSubmission(REGISTRATION, {
          nama: 'Rahmat Hidayat',
          'nik-no-kk': '1471.0261.0785.0001',
          nik: '1471 0215 0390 0002',
          'no-kk': '1471-0201-0119-0007',
          'tanggal-layanan': '2024-02-29',
        }),
      ).toEqual({
        ok: true,
        values: {
          nama: 'Rahmat Hidayat',
          'nik-no-kk': '1471026107850001',
          nik: '1471021503900002',
          'no-kk': '1471020101190007',
          'tanggal-layanan': '2024-02-29',
        },
      });
    });

    it('reports the identity checks and the date checks of every field', () => {
      const result = checkFormSubmission(REGISTRATION, {
        nama: 'Rahmat',
        'nik-no-kk': '1471023513850001',
        nik: '147102150390',
        'no-kk': '1471026107850001',
        'tanggal-layanan': '2025-02-29',
      });
      expect(!result.ok && result.issues.map((i) => [i.field, i.code])).toEqual([
        ['nik-no-kk', 'nik-or-kk.date'],
        ['nik', 'nik.length'],
        ['no-kk', 'kk.date'],
        ['tanggal-layanan', 'date.invalid'],
      ]);
      expect(!result.ok && result.issues[3]).toEqual({
        field: 'tanggal-layanan',
        code: 'date.invalid',
        message: '"Tanggal layanan": 2025-02-29 is not a date: February 2025 has 28 days.',
        messageId: '"Tanggal layanan": 2025-02-29 bukan tanggal yang ada: bulan Februari 2025 hanya 28 hari.',
      });
    });

    it.each([
      ['21-07-2025', 'date.format'],
      ['2025-7-21', 'date.format'],
      ['2025/07/21', 'date.format'],
      ['2025-13-01', 'date.invalid'],
      ['2025-04-31', 'date.invalid'],
      ['2025-00-10', 'date.invalid'],
      ['2025-01-00', 'date.invalid'],
      ['1900-02-29', 'date.invalid'],
    ])('date %j is refused as %s', (date, code) => {
      const result = checkFormSubmission(REGISTRATION, { nama: 'x', 'nik-no-kk': '1471026107850001', 'tanggal-layanan': date });
      expect(result).toMatchObject({ ok: false, issues: [{ field: 'tanggal-layanan', code }] });
    });

    it('tells how to write a date', () => {
      const result = checkFormSubmission(REGISTRATION, { nama: 'x', 'nik-no-kk': '1471026107850001', 'tanggal-layanan': '21/07/2025' });
      expect(!result.ok && result.issues[0]).toMatchObject({
        message: 'Write "Tanggal layanan" as YYYY-MM-DD, e.g. 2025-07-21.',
        messageId: 'Tulis "Tanggal layanan" dengan format TTTT-BB-HH, misalnya 2025-07-21.',
      });
    });
  });

  it('treats a choice field without options as text', () => {
    const fields: FormField[] = [{ id: 'jenis', label: 'Jenis', type: 'choice', required: true }];
    expect(checkFormSubmission(fields, { jenis: ' apa  saja ' })).toEqual({ ok: true, values: { jenis: 'apa saja' } });
  });

  it('normalises text to Unicode NFC', () => {
    const fields: FormField[] = [{ id: 'nama', label: 'Nama', type: 'text' }];
    expect(checkFormSubmission(fields, { nama: 'Jose\u0301' })).toEqual({ ok: true, values: { nama: 'Jos\u00e9' } });
  });
});
