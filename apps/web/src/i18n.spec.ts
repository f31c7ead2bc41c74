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
});
