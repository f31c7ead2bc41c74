import { normalizeLandline } from './normalize-landline';

describe('normalizeLandline', () => {
  it.each([
    ['(0362) 25887', '+6236225887'],
    ['021-555-1234', '+62215551234'],
    ['+62 21 5551234', '+62215551234'],
    ['0761 21234', '+6276121234'],
  ])('accepts %s as %s', (written, e164) => {
    expect(normalizeLandline(written)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['0812 3456 7890', 'landline.mobile'],
    ['', 'landline.empty'],
    ['25887', 'landline.area-code'],
    ['+1 212 555 1234', 'landline.country'],
    ['021 12', 'landline.length'],
    ['021-abc', 'landline.not-digits'],
  ])('refuses %s (%s) with a reason in both languages', (written, code) => {
    const r = normalizeLandline(written);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.messageId.length).toBeGreaterThan(10);
  });
});
