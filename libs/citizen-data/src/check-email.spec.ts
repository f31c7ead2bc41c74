import { checkEmail } from './check-email';

describe('checkEmail', () => {
  it.each([
    ['wayan.sari@gmail.com', 'wayan.sari@gmail.com'],
    [' Wayan.Sari@Gmail.COM ', 'Wayan.Sari@gmail.com'],
    ['pengaduan@DISDUKCAPIL.bulelengkab.go.id', 'pengaduan@disdukcapil.bulelengkab.go.id'],
    ['budi+lapor@yahoo.co.id', 'budi+lapor@yahoo.co.id'],
  ])('%j is %j', (written, email) => {
    expect(checkEmail(written)).toEqual({ ok: true, email });
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = '@example.com';
    expect(checkEmail('a'.repeat(254 - domain.length) + domain).ok).toBe(true);
    expect(checkEmail('a'.repeat(255 - domain.length) + domain)).toEqual({
      ok: false,
      code: 'email.too-long',
      message: 'An e-mail address has at most 254 characters; this one has 255: check it.',
      messageId: 'Alamat email paling panjang 254 karakter, sedangkan yang ditulis 255 karakter: periksa kembali.',
    });
  });

  it.each([
    ['', 'email.empty', 'Write an e-mail address, e.g. nama@example.com.', 'Tulis alamat email, misalnya nama@example.com.'],
    [
      'wayan sari@gmail.com',
      'email.spaces',
      'An e-mail address has no spaces: check it, e.g. nama@example.com.',
      'Alamat email tidak berisi spasi: periksa kembali, misalnya nama@example.com.',
    ],
    [
      'wayan.gmail.com',
      'email.at',
      'An e-mail address has an @ between the name and the domain, e.g. nama@example.com.',
      'Alamat email berisi @ di antara nama dan domain, misalnya nama@example.com.',
    ],
    [
      'wayan@sari@gmail.com',
      'email.at',
      'An e-mail address has exactly one @; this one has 2: check it.',
      'Alamat email hanya berisi satu @, sedangkan yang ditulis berisi 2: periksa kembali.',
    ],
    ['@gmail.com', 'email.local', 'Write the name before the @, e.g. nama@example.com.', 'Tulis nama sebelum @, misalnya nama@example.com.'],
    [
      'wayan@gmail',
      'email.domain',
      'The part after the @ must be a domain with a dot, e.g. gmail.com or example.go.id; "gmail" is not one.',
      'Bagian setelah @ harus berupa domain yang memuat titik, misalnya gmail.com atau example.go.id; "gmail" bukan domain.',
    ],
  ])('%j is refused as %s', (value, code, message, messageId) => {
    expect(checkEmail(value)).toEqual({ ok: false, code, message, messageId });
  });

  it.each([['wayan@'], ['wayan@gmail.'], ['wayan@.com'], ['wayan@gmail..com'], ['wayan@gmail,com']])('%j has no domain with a dot', (value) => {
    expect(checkEmail(value)).toMatchObject({ ok: false, code: 'email.domain' });
  });
});
