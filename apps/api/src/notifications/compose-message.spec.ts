import { maskValue } from '@sop/citizen-data';
import { composeMessage, contactsOf } from './compose-message';
import { retryDelayMs } from './outbox-worker';

describe('contactsOf', () => {
  const fields = [
    { id: 'nama', type: 'text' as const },
    { id: 'email', type: 'email' as const },
    { id: 'hp', type: 'phone' as const },
    { id: 'nik', type: 'nik' as const },
  ];

  it('takes the e-mail and mobile-number fields, masked for the operator', () => {
    const contacts = contactsOf(fields, { nama: 'Dewi', email: 'dewi@example.id', hp: '+6281234567890', nik: '3508015507900002' }, 'whatsapp', maskValue);
    expect(contacts.map((c) => [c.channel, c.address])).toEqual([
      ['email', 'dewi@example.id'],
      ['whatsapp', '+6281234567890'],
    ]);
    expect(contacts[0].masked).not.toContain('dewi');
    expect(contacts[1].masked).not.toContain('1234567');
  });

  it('sends phones by SMS when the deployment says so', () => {
    expect(contactsOf(fields, { hp: '+6281234567890' }, 'sms', maskValue).map((c) => c.channel)).toEqual(['sms']);
  });

  it('is empty without a contact (nothing is sent), and skips values the key cannot open', () => {
    expect(contactsOf(fields, { nama: 'Dewi', email: '', hp: '   ' }, 'whatsapp', maskValue)).toEqual([]);
    expect(contactsOf(fields, { email: '[tidak dapat dibuka: kunci enkripsi lain]' }, 'whatsapp', maskValue)).toEqual([]);
  });
});

describe('composeMessage', () => {
  const base = {
    ticket: 'LUM-7K4Q9P',
    link: 'https://pengaduan.example.go.id/tiket/LUM-7K4Q9P',
    office: 'Dispendukcapil',
    regency: 'Kabupaten Lumajang',
    template: null,
    reply: null,
  };

  it('puts the ticket number and its page in every message', () => {
    for (const moment of ['filed', 'reply', 'closed'] as const) {
      const m = composeMessage({ ...base, moment, reply: moment === 'filed' ? null : 'Sudah kami perbaiki.' });
      expect(m.body).toContain('LUM-7K4Q9P');
      expect(m.body).toContain(base.link);
      expect(m.subject).toContain('LUM-7K4Q9P');
    }
  });

  it("opens with the SOP's template where it has one, else the platform's words", () => {
    const greeting = 'Terima kasih telah menghubungi Dispendukcapil Lumajang.';
    expect(composeMessage({ ...base, moment: 'filed', template: { text: greeting } }).body.startsWith(greeting)).toBe(true);
    expect(composeMessage({ ...base, moment: 'filed' }).body).toContain('Pengaduan Anda telah kami terima');
  });

  it('carries the reply on a reply and on the closing', () => {
    expect(composeMessage({ ...base, moment: 'reply', reply: 'Data Anda sudah benar.' }).body).toContain('Data Anda sudah benar.');
    expect(composeMessage({ ...base, moment: 'closed', reply: 'Selesai.' }).body).toContain('Selesai.');
  });
});

describe('retryDelayMs', () => {
  it('doubles after each failure, at most a day', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(1000, a))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(3_600_000, 10)).toBe(86_400_000);
  });
});
