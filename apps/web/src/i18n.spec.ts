import { format } from './i18n';
import { matchRoute } from './router';
import { staffMessages } from './staff-messages';
import { allMessages } from './test-messages';

const MESSAGES = allMessages();

// a placeholder `{n}` or the argument of an ICU plural `{n, plural, …}`; `#` inside a plural is not one
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*(?:plural|select|selectordinal)\s*,)/g)].map((m) => m[1]))].sort();

describe('the UI dictionary', () => {
  it('has every message in English with the same placeholders as in Bahasa Indonesia', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.id).sort());
    for (const key of Object.keys(MESSAGES.id) as (keyof typeof MESSAGES.id)[]) {
      expect([key, placeholders(MESSAGES.en[key])]).toEqual([key, placeholders(MESSAGES.id[key])]);
      expect(MESSAGES.en[key].trim()).not.toBe('');
    }
  });

  it('keeps each key in one place: a staff word loaded later never replaces a core one', () => {
    let core: string[] = [];
    jest.isolateModules(() => {
      // a fresh copy of the module, before any group was registered: the core alone
      core = Object.keys(jest.requireActual<typeof import('./i18n')>('./i18n').MESSAGES.id);
    });
    const staff = new Set(Object.keys(staffMessages.id));
    expect(core.length).toBeGreaterThan(100);
    expect(core.filter((key) => staff.has(key))).toEqual([]);
    expect(Object.keys(MESSAGES.id).length).toBe(core.length + staff.size);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} langkah', { n: 9 })).toBe('9 langkah');
    expect(format('{n} of {m}', { n: 1 })).toBe('1 of {m}');
  });

  it('says "1 step" and "2 steps" in English, and parses every plural message of both languages', () => {
    expect(format(MESSAGES.en.listSteps, { n: 1 }, 'en')).toBe('1 step');
    expect(format(MESSAGES.en.listSteps, { n: 2 }, 'en')).toBe('2 steps');
    expect(format(MESSAGES.id.listSteps, { n: 1 }, 'id')).toBe('1 langkah');
    expect(format(MESSAGES.en.compareDiagramMarked, { n: 0 }, 'en')).toBe('no step marked');
    expect(format(MESSAGES.en.listSteps, {}, 'en')).toBe(MESSAGES.en.listSteps);
    for (const lang of ['id', 'en'] as const)
      for (const text of Object.values(MESSAGES[lang]))
        if (text.includes(', plural,')) expect(format(text, Object.fromEntries(placeholders(text).map((p) => [p, 3])), lang)).not.toContain('plural');
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
