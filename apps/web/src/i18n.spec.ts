import { format, MESSAGES } from './i18n';
import { matchRoute } from './router';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionary', () => {
  it('has every message in English with the same placeholders as in Bahasa Indonesia', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.id).sort());
    for (const key of Object.keys(MESSAGES.id) as (keyof typeof MESSAGES.id)[]) {
      expect([key, placeholders(MESSAGES.en[key])]).toEqual([key, placeholders(MESSAGES.id[key])]);
      expect(MESSAGES.en[key].trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} langkah', { n: 9 })).toBe('9 langkah');
    expect(format('{n} of {m}', { n: 1 })).toBe('1 of {m}');
  });
});

describe('matchRoute', () => {
  it('knows the list, an SOP, its print view, and nothing else', () => {
    expect(matchRoute('/')).toEqual({ page: 'list' });
    expect(matchRoute('/sops/')).toEqual({ page: 'list' });
    expect(matchRoute('/sops/metro')).toEqual({ page: 'sop', id: 'metro' });
    expect(matchRoute('/sops/metro/cetak')).toEqual({ page: 'print', id: 'metro' });
    expect(matchRoute('/sops/Metro')).toEqual({ page: 'missing', path: '/sops/Metro' });
  });

  it('knows the console, the citizens’ pages, the comparison and the reports', () => {
    expect(matchRoute('/login')).toEqual({ page: 'login' });
    expect(matchRoute('/inbox/')).toEqual({ page: 'inbox' });
    expect(matchRoute('/cases/new')).toEqual({ page: 'register' });
    expect(matchRoute('/cases/0B1E2C3D-4F50-4a6b-8c9d-0e1f2a3b4c5d')).toEqual({ page: 'case', id: '0b1e2c3d-4f50-4a6b-8c9d-0e1f2a3b4c5d' });
    expect(matchRoute('/cases/42')).toEqual({ page: 'missing', path: '/cases/42' });
    expect(matchRoute('/lapor/buleleng')).toEqual({ page: 'file', id: 'buleleng' });
    expect(matchRoute('/tiket/bul-7k4q9p')).toEqual({ page: 'ticket', ticket: 'BUL-7K4Q9P' });
    expect(matchRoute('/tiket')).toEqual({ page: 'ticket', ticket: '' });
    expect(matchRoute('/compare')).toEqual({ page: 'compare' });
    expect(matchRoute('/reports')).toEqual({ page: 'reports' });
  });
});
