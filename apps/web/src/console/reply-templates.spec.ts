import { fillTemplate, placeholderValues, templateChoices, type OfficeTemplate } from './reply-templates';

const SOP = {
  identity: { regency: 'Kabupaten Lumajang', office: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL' },
  intake: {
    channels: [
      { id: 'wa', kind: 'whatsapp', label: 'WhatsApp' },
      { id: 'loket', kind: 'tatap-muka', label: 'loket pengaduan' },
    ],
  },
  templates: [{ id: 'salam', name: 'Prosedur Salam Pelayanan', text: 'Terima kasih telah menghubungi Dispendukcapil Lumajang.' }],
} as never;

const values = placeholderValues('LUM-7K4Q9P', SOP, 'lumajang');

describe('reply templates', () => {
  it('fills the ticket, office, regency and contacts, in Indonesian or English, whatever the case and spacing', () => {
    expect(fillTemplate('Tiket {tiket} / {Ticket} · { kantor } · {regency} · hubungi kami: {kontak}', values)).toBe(
      'Tiket LUM-7K4Q9P / LUM-7K4Q9P · DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL Kabupaten Lumajang · Kabupaten Lumajang · hubungi kami: WhatsApp, loket pengaduan',
    );
  });

  it('leaves any other placeholder as written (never the complainant’s name: there is no such placeholder)', () => {
    expect(fillTemplate('Yth. {nama}, pengaduan {tiket}; {{tiket}}', values)).toBe('Yth. {nama}, pengaduan LUM-7K4Q9P; {LUM-7K4Q9P}');
  });

  it('lists the SOP’s templates in its words, then the office’s, filled', () => {
    const office: OfficeTemplate[] = [
      {
        id: 'a1',
        regency: 'lumajang',
        title: 'Dokumen siap',
        body: 'Dokumen untuk {tiket} siap.',
        createdBy: null,
        updatedBy: null,
        createdAt: '',
        updatedAt: '',
      },
    ];
    expect(templateChoices(SOP, office, values)).toEqual([
      { key: 'sop:salam', source: 'sop', title: 'Prosedur Salam Pelayanan', text: 'Terima kasih telah menghubungi Dispendukcapil Lumajang.' },
      { key: 'office:a1', source: 'office', title: 'Dokumen siap', text: 'Dokumen untuk LUM-7K4Q9P siap.' },
    ]);
  });

  it('names the regency after the office only where the office’s name lacks it', () => {
    const named = {
      ...(SOP as object),
      identity: { regency: 'Kabupaten Lumajang', office: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG' },
    } as never;
    expect(placeholderValues('LUM-1', named, 'lumajang').kantor).toBe('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG');
  });

  it('without the SOP loaded, the office and regency fall back to the case’s', () => {
    expect(placeholderValues('MET-1', null, 'Kota Metro')).toEqual({ tiket: 'MET-1', kantor: 'Kota Metro', kabupaten: 'Kota Metro', kontak: '' });
  });
});
