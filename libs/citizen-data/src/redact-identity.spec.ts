import { REDACTED, redactIdentity } from './redact-identity';

describe('redactIdentity', () => {
  it('strikes out NIK, No. KK, phone numbers and e-mail addresses however they are written', () => {
    expect(redactIdentity('NIK saya 5108 0145 0390 0001, hubungi 0812-3456-7890 atau +62 812 3456 7890 / ayu@mail.co.id')).toBe(
      `NIK saya ${REDACTED}, hubungi ${REDACTED} atau ${REDACTED} / ${REDACTED}`,
    );
  });

  it("strikes out the case's own confidential values, the longest first, in any letter case", () => {
    expect(redactIdentity('Bu NI MADE AYU dari Jl. Gajah Mada 10, Singaraja', ['Ni Made Ayu', 'Jl. Gajah Mada 10, Singaraja', 'Jl'])).toBe(`Bu ${REDACTED} dari ${REDACTED}`);
  });

  it('keeps dates, times, counts and short numbers that identify nobody', () => {
    const text = 'KTP-el dicetak 12/11/2026 pukul 10.30, antrian 45 orang, loket 3, biaya Rp 0';
    expect(redactIdentity(text)).toBe(text);
  });
});
