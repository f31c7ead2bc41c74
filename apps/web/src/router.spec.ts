import { matchRoute, type Route } from './router';

describe('matchRoute: every page of the app from its address', () => {
  const id = '0b6f4a52-7c1e-4d3a-9f00-1234567890ab';
  it.each<[string, Route]>([
    ['/', { page: 'list' }],
    ['/sops', { page: 'list' }],
    ['/sops/', { page: 'list' }],
    ['/sops/baru', { page: 'new-sop' }],
    ['/sops/lumajang', { page: 'sop', id: 'lumajang' }],
    ['/sops/kota-baru-2/cetak', { page: 'print', id: 'kota-baru-2' }],
    ['/sops/metro/ubah', { page: 'edit', id: 'metro' }],
    ['/sops/metro/simulasi/', { page: 'simulate', id: 'metro' }],
    ['/login', { page: 'login' }],
    ['/inbox', { page: 'inbox' }],
    ['/cases/new', { page: 'register' }],
    [`/cases/${id.toUpperCase()}`, { page: 'case', id }],
    [`/cases/${id}/kartu`, { page: 'kartu', id }],
    ['/lapor/buleleng', { page: 'file', id: 'buleleng' }],
    ['/tiket', { page: 'ticket', ticket: '' }],
    ['/tiket/lum-8nc4pb', { page: 'ticket', ticket: 'LUM-8NC4PB' }],
    ['/compare', { page: 'compare' }],
    ['/reports', { page: 'reports' }],
    ['/reports/nasional', { page: 'national' }],
    ['/hari-libur', { page: 'holidays' }],
    ['/admin/pengguna', { page: 'accounts' }],
    ['/admin/audit', { page: 'audit' }],
    ['/admin/webhook', { page: 'webhooks' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each([
    '/sops/Metro', // ids are lower case
    '/sops/metro/hapus',
    '/sops/1metro',
    '/cases/123',
    `/cases/${id}/lain`,
    '/tiket/' + 'A'.repeat(41),
    '/tiket/LUM 8NC4PB',
    '/lapor',
    '/admin',
    '/sops/metro%2F..%2Fubah',
  ])('%s is a page that does not exist (the not-found page names it)', (path) => {
    expect(matchRoute(path)).toEqual({ page: 'missing', path });
  });
});
