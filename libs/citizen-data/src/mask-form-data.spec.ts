import type { FormField } from '@sop/model';
import { DEFAULT_COMPLAINT_FORM } from './default-complaint-form';
import { maskFormData } from './mask-form-data';

describe('maskFormData', () => {
  it('masks only the confidential fields of the default form', () => {
    const values = {
      nama: 'Ni Luh Sari',
      telepon: '+6281234567890',
      email: 'niluh.sari@gmail.com',
      isi: 'Antrean KTP terlalu lama.',
    };
    expect(maskFormData(DEFAULT_COMPLAINT_FORM.fields, values)).toEqual({
      nama: 'N••• L••• S•••',
      telepon: '+62 8•••••••890',
      email: 'n•••@gmail.com',
      isi: 'Antrean KTP terlalu lama.',
    });
    expect(values.nama).toBe('Ni Luh Sari');
  });

  it("masks Buleleng's identity fields and keeps the category and the complaint", () => {
    const fields: FormField[] = [
      { id: 'nama-lengkap', label: 'Nama Lengkap', type: 'text', confidential: true },
      { id: 'alamat', label: 'Alamat', type: 'text', confidential: true },
      { id: 'sasaran-pengaduan', label: 'Sasaran Pengaduan', type: 'choice', options: ['Pelayanan'] },
      { id: 'nik', label: 'NIK', type: 'nik', confidential: true },
    ];
    expect(
      maskFormData(fields, {
        'nama-lengkap': 'Ketut Ayu',
        alamat: 'Jl. Pramuka 1',
        'sasaran-pengaduan': 'Pelayanan',
        nik: '5108026107850001',
      }),
    ).toEqual({ 'nama-lengkap': 'K••• A•••', alamat: 'J••• P••• 1•••', 'sasaran-pengaduan': 'Pelayanan', nik: '510802••••••••01' });
  });

  it('strikes the identity out of the complaint text, where citizens write their NIK and number too', () => {
    const fields: FormField[] = [
      { id: 'nama-lengkap', label: 'Nama Lengkap', type: 'text', confidential: true },
      { id: 'sasaran-pengaduan', label: 'Sasaran Pengaduan', type: 'choice', options: ['Pelayanan'] },
      { id: 'isi', label: 'ISI PENGADUAN / SARAN', type: 'textarea' },
    ];
    expect(
      maskFormData(fields, {
        'nama-lengkap': 'Ketut Ayu',
        'sasaran-pengaduan': 'Pelayanan',
        isi: 'Saya Ketut Ayu, NIK 5108026107850001, KTP-el belum jadi sejak 3 bulan. Pelayanan lambat, hubungi 081234567890.',
      }),
    ).toEqual({
      'nama-lengkap': 'K••• A•••',
      'sasaran-pengaduan': 'Pelayanan',
      isi: 'Saya [identitas disamarkan], NIK [identitas disamarkan], KTP-el belum jadi sejak 3 bulan. Pelayanan lambat, hubungi [identitas disamarkan].',
    });
  });

  it('masks as text a key that is not a field of the form: nothing says it is not personal', () => {
    expect(maskFormData(DEFAULT_COMPLAINT_FORM.fields, { 'nama-lama': 'Ni Luh Sari' })).toEqual({ 'nama-lama': 'N••• L••• S•••' });
  });
});
