import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { defaultChannel, registerLead } from './register-words';

const MESSAGES = allMessages();
const tIn =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

describe('registering a complaint at a desk', () => {
  it('has the channel chosen when the desk serves only one (trial 2: "Pilih kanal" on a walk-in desk)', () => {
    expect(defaultChannel([{ id: 'loket' }])).toBe('loket');
    expect(defaultChannel([{ id: 'telepon' }, { id: 'whatsapp' }])).toBe('');
    expect(defaultChannel([])).toBe('');
  });

  it('words the lead from the channels this desk serves, not telepon/WhatsApp/surat everywhere', () => {
    const walkIn = registerLead(['Tatap muka (loket)'], tIn('id'), 'id');
    expect(walkIn).toMatch(/^Untuk pengaduan yang diterima melalui Tatap muka \(loket\)\./);
    expect(walkIn).not.toMatch(/telepon|WhatsApp|surat/);
    expect(registerLead(['Telepon', 'WhatsApp', 'Surat'], tIn('id'), 'id')).toMatch(/melalui Telepon, WhatsApp, atau Surat\./);
    expect(registerLead(['Telephone', 'WhatsApp'], tIn('en'), 'en')).toMatch(/^For complaints received through Telephone or WhatsApp\./);
    expect(registerLead([], tIn('id'), 'id')).toMatch(/^Untuk pengaduan yang dicatat petugas atas nama pelapor\./);
  });

  it("names the office's zone at 'Diterima pada'", () => {
    expect(tIn('id')('intakeReceivedAt', { zone: 'WITA' })).toBe('Diterima pada (WITA)');
    expect(tIn('en')('intakeReceivedAtZone', { zone: 'WIT', timeZone: 'Asia/Jayapura' })).toBe('The office’s time, WIT (Asia/Jayapura), not this device’s.');
  });
});
