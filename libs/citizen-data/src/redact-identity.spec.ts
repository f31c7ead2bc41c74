import { REDACTED, redactIdentity } from './redact-identity';

describe('redactIdentity', () => {
  it('strikes out NIK, No. KK, phone numbers and e-mail addresses however they are written, in what the complainant wrote', () => {
    expect(redactIdentity('NIK saya 5108 0145 0390 0001, hubungi 0812-3456-7890 atau +62 812 3456 7890 / ayu@mail.co.id', [], { anyContact: true })).toBe(
      `NIK saya ${REDACTED}, hubungi ${REDACTED} atau ${REDACTED} / ${REDACTED}`,
    );
  });

  it("strikes out, in the office's text, NIK-shaped numbers and the complainant's own number and address, and keeps other contacts", () => {
    const confidential = ['Ni Made Ayu', '081234567890', 'ayu@mail.co.id'];
    expect(
      redactIdentity(
        'NIK 5108 0145 0390 0001; kami telepon +62 812 3456 7890 dan ayu@mail.co.id; kantor: 0362-21234, dukcapil@bulelengkab.go.id',
        confidential,
      ),
    ).toBe(`NIK ${REDACTED}; kami telepon ${REDACTED} dan ${REDACTED}; kantor: 0362-21234, dukcapil@bulelengkab.go.id`);
  });

  it("strikes out the case's own confidential values, the longest first, in any letter case", () => {
    expect(redactIdentity('Bu NI MADE AYU dari Jl. Gajah Mada 10, Singaraja', ['Ni Made Ayu', 'Jl. Gajah Mada 10, Singaraja', 'Jl'])).toBe(
      `Bu ${REDACTED} dari ${REDACTED}`,
    );
  });

  it('keeps dates, times, counts and short numbers that identify nobody', () => {
    const text = 'KTP-el dicetak 12/11/2026 pukul 10.30, antrian 45 orang, loket 3, biaya Rp 0';
    expect(redactIdentity(text)).toBe(text);
    expect(redactIdentity(text, [], { anyContact: true })).toBe(text);
  });

  it("strikes a name's parts but not the particles of a Balinese name alone, nor a part inside a longer word", () => {
    expect(redactIdentity('Pak Made bertemu Bu Ayu; Ayunda tidak', ['Ni Made Ayu'])).toBe(`Pak Made bertemu Bu ${REDACTED}; Ayunda tidak`);
  });

  it('keeps the parentheses around a struck number that it did not open and close itself', () => {
    const confidential = ['Ni Made Ayu', '081234567890', 'ayu@mail.co.id'];
    expect(redactIdentity('Sudah dibalas ke Ni Made Ayu (081234567890, ayu@mail.co.id); pelapor puas', confidential)).toBe(
      `Sudah dibalas ke ${REDACTED} (${REDACTED}, ${REDACTED}); pelapor puas`,
    );
    expect(redactIdentity('WA (+62 812-3456-7890) atau (0812) 3456 7890.', confidential)).toBe(`WA (${REDACTED}) atau ${REDACTED}.`);
    expect(redactIdentity('telepon (0362) 22 11 33 sore', [], { anyContact: true })).toBe(`telepon ${REDACTED} sore`);
  });

  it('leaves empty text and text without identity as it is', () => {
    expect(redactIdentity('')).toBe('');
    expect(redactIdentity('Terima kasih 🙏🏽 atas laporannya', ['Budi Santoso'])).toBe('Terima kasih 🙏🏽 atas laporannya');
  });
});
