import { landingFor } from './landing';

describe('where a login lands', () => {
  it.each([
    [{ regency: 'metro', lanes: ['petugas'], permissions: [] }, '/inbox'],
    [{ regency: 'metro', lanes: ['kasi'], permissions: ['admin'] }, '/inbox'],
    [{ regency: 'metro', lanes: [], permissions: ['admin'] }, '/admin/pengguna'],
    [{ regency: '*', lanes: [], permissions: ['admin'] }, '/admin/pengguna'],
    [{ regency: '*', lanes: [], permissions: ['reviewer'] }, '/compare'],
    [{ regency: 'buleleng', lanes: [], permissions: ['author'] }, '/sops/buleleng'],
    [{ regency: 'buleleng', lanes: [], permissions: ['signer'] }, '/sops/buleleng/usulan'],
    [{ regency: 'buleleng', lanes: [], permissions: ['author', 'signer'] }, '/sops/buleleng/usulan'],
    [{ regency: '*', lanes: [], permissions: ['author'] }, '/sops'],
    [{ regency: 'metro', lanes: [], permissions: [] }, '/sops'],
  ])('%j → %s', (user, path) => {
    expect(landingFor(user)).toBe(path);
  });
});
