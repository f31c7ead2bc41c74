import { checkFormSubmission } from './check-form-submission';
import { DEFAULT_COMPLAINT_FORM } from './default-complaint-form';

describe('DEFAULT_COMPLAINT_FORM', () => {
  it('asks for a name, a mobile number, an e-mail and the complaint; the identity is confidential', () => {
    expect(DEFAULT_COMPLAINT_FORM).toEqual({
      title: 'Formulir Pengaduan',
      fields: [
        { id: 'nama', label: 'Nama', type: 'text', required: true, confidential: true },
        { id: 'telepon', label: 'Nomor HP', type: 'phone', required: false, confidential: true },
        { id: 'email', label: 'Email', type: 'email', required: false, confidential: true },
        { id: 'isi', label: 'Isi pengaduan', type: 'textarea', required: true, confidential: false },
      ],
    });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_COMPLAINT_FORM)).toBe(true);
    expect(Object.isFrozen(DEFAULT_COMPLAINT_FORM.fields)).toBe(true);
    expect(DEFAULT_COMPLAINT_FORM.fields.every((field) => Object.isFrozen(field))).toBe(true);
  });

  it('checks a submission', () => {
    expect(checkFormSubmission(DEFAULT_COMPLAINT_FORM.fields, { nama: ' Ni Luh Sari ', telepon: '0812-3456-7890', isi: 'KTP belum jadi' })).toEqual({
      ok: true,
      values: { nama: 'Ni Luh Sari', telepon: '+6281234567890', isi: 'KTP belum jadi' },
    });
    const refused = checkFormSubmission(DEFAULT_COMPLAINT_FORM.fields, { telepon: '021-5551234', umur: 40 });
    expect(!refused.ok && refused.issues.map((i) => `${i.field} ${i.code}`)).toEqual([
      'nama field.required',
      'telepon phone.landline',
      'isi field.required',
      'umur field.unknown',
    ]);
  });
});
