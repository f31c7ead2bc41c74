import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { validityText, type FieldLike } from './native-validity';

const MESSAGES = allMessages();

const t =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

const VALID = {
  valid: true,
  customError: false,
  valueMissing: false,
  typeMismatch: false,
  patternMismatch: false,
  tooShort: false,
  tooLong: false,
  rangeUnderflow: false,
  rangeOverflow: false,
  stepMismatch: false,
  badInput: false,
};

function field(type: string, refused: Partial<typeof VALID>, rest: Partial<FieldLike> = {}): FieldLike {
  return { type, value: '', title: '', validity: { ...VALID, valid: false, ...refused }, ...rest };
}

describe('a refused form field, in the page’s language', () => {
  it('says a required field, list or box is missing, in Bahasa Indonesia and in English', () => {
    expect(validityText(field('text', { valueMissing: true }), t('id'))).toBe('Isian ini wajib diisi.');
    expect(validityText(field('text', { valueMissing: true }), t('en'))).toBe('Please fill in this field.');
    expect(validityText(field('select-one', { valueMissing: true }), t('id'))).toBe('Pilih salah satu dari daftar.');
    expect(validityText(field('checkbox', { valueMissing: true }), t('id'))).toBe('Centang kotak ini untuk melanjutkan.');
  });

  it('says what form an e-mail address, a web address or a pattern takes (the field’s title says which)', () => {
    expect(validityText(field('email', { typeMismatch: true }), t('id'))).toMatch(/^Tulis alamat e-mail yang lengkap/);
    expect(validityText(field('url', { typeMismatch: true }), t('en'))).toMatch(/^Write a full web address/);
    expect(validityText(field('text', { patternMismatch: true }, { title: 'Huruf kecil dan angka.' }), t('id'))).toBe(
      'Isian ini tidak sesuai bentuk yang diminta. Huruf kecil dan angka.',
    );
  });

  it('gives the bounds it broke, and what was written', () => {
    expect(validityText(field('text', { tooShort: true }, { minLength: 8, value: 'abc' }), t('id'))).toBe('Paling sedikit 8 karakter (kini 3).');
    expect(validityText(field('textarea', { tooLong: true }, { maxLength: 5, value: 'abcdefg' }), t('en'))).toBe('At most 5 characters (now 7).');
    expect(validityText(field('number', { rangeUnderflow: true }, { min: '1' }), t('id'))).toBe('Paling kecil 1.');
    expect(validityText(field('date', { rangeOverflow: true }, { max: '2026-12-31' }), t('id'))).toBe('Paling akhir 2026-12-31.');
    expect(validityText(field('number', { stepMismatch: true }), t('en'))).toBe('This value cannot be used: choose the nearest value the field accepts.');
    expect(validityText(field('number', { badInput: true }), t('id'))).toMatch(/^Isian ini tidak terbaca/);
  });

  it('says nothing of a valid field, nor of one the page words itself', () => {
    expect(validityText({ type: 'text', value: 'x', title: '', validity: VALID }, t('id'))).toBeNull();
    expect(validityText(field('text', { customError: true, valueMissing: true }), t('id'))).toBeNull();
  });
});
