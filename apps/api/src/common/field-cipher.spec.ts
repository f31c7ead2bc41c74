import { randomBytes } from 'node:crypto';
import { FieldCipher, isSealed, keyIdOf, UNREADABLE } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('seals the named fields so the stored form holds no identity, and opens them back', () => {
    const form = { nama: 'Ni Made Ayu', 'no-hp': '081234567890', isi: 'Antrian terlalu lama', jumlah: 3 };
    const stored = cipher.sealFields(form, ['nama', 'no-hp', 'tidak-ada']);
    expect(JSON.stringify(stored)).not.toMatch(/Ni Made|0812/);
    expect(stored.isi).toBe('Antrian terlalu lama');
    expect(stored.jumlah).toBe(3);
    expect(isSealed(stored.nama)).toBe(true);
    expect(keyIdOf(stored.nama as string)).toBe(cipher.keyId);
    expect(cipher.openFields(stored)).toEqual(form);
  });

  it('uses a new IV for each value, and does not seal a value twice', () => {
    const a = cipher.seal('nama', 'Budi');
    expect(cipher.seal('nama', 'Budi')).not.toBe(a);
    expect(cipher.sealFields({ nama: a }, ['nama']).nama).toBe(a);
  });

  it('refuses a value moved to another field, altered, or sealed with another key', () => {
    const sealed = cipher.seal('nama', 'Budi');
    expect(cipher.open('alamat', sealed)).toBe(UNREADABLE);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(cipher.open('nama', altered)).toBe(UNREADABLE);
    expect(new FieldCipher(randomBytes(32)).open('nama', sealed)).toBe(UNREADABLE);
  });

  it('reads values written before encryption as they are', () => {
    expect(cipher.openFields({ nama: 'Siti' })).toEqual({ nama: 'Siti' });
  });

  it('needs a 32-byte key', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
