import { maskValue } from './mask-value';

describe('maskValue', () => {
  it.each([
    ['nik', '1872016107850001', '187201••••••••01'],
    ['kk', '5108031503200003', '510803••••••••03'],
    ['nik-or-kk', '1471.0261.0785.0001', '147102••••••••01'],
    ['phone', '+6281234567890', '+62 8•••••••890'],
    ['phone', '0812-3456-7890', '+62 8•••••••890'],
    ['phone', '+62812345678', '+62 8•••••678'],
    ['email', 'wayan.sari@gmail.com', 'w•••@gmail.com'],
    ['email', 'Ñoño@example.co.id', 'Ñ•••@example.co.id'],
    ['text', 'Ni Luh Putu Sari', 'N••• L••• P••• S•••'],
    ['text', 'I Gede  Made', 'I••• G••• M•••'],
    ['text', 'Jl. Ngurah Rai No. 5, Singaraja', 'J••• N••• R••• N••• 5••• S•••'],
    ['textarea', 'Petugas loket\nmeminta uang', 'P••• l••• m••• u•••'],
    ['choice', 'Perilaku Pegawai', 'P••• P•••'],
    ['date', '1985-07-21', '••••-••-••'],
  ] as const)('%s %j is %j', (type, value, masked) => {
    expect(maskValue(type, value)).toBe(masked);
  });

  it.each(['nik', 'kk', 'nik-or-kk', 'phone', 'email', 'text', 'textarea', 'choice', 'date'] as const)('keeps an empty %s empty', (type) => {
    expect(maskValue(type, '')).toBe('');
    expect(maskValue(type, '   ')).toBe('');
  });

  it('masks values that were never checked without showing them', () => {
    expect(maskValue('nik', '12345')).toBe('•••••');
    expect(maskValue('nik', '18720161078')).toBe('187201•••78');
    expect(maskValue('phone', '021-5551234')).toBe('•••••••234');
    expect(maskValue('phone', '12')).toBe('•••');
    expect(maskValue('email', 'not an address')).toBe('n••• a••• a•••');
  });
});
