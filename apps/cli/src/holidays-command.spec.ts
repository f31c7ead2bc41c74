import { runHolidaysCommand, type HolidaysIo } from './holidays-command';

function io(files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const value: HolidaysIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p];
    },
    env,
    fetch: (url) => {
      calls.push(url);
      return Promise.reject(new Error('connect ECONNREFUSED'));
    },
  };
  return { value, out, err, calls };
}

const LIST_2027 = `year: 2027
source: SKB 3 Menteri (test)
holidays:
  - { date: 2027-01-01, name: Tahun Baru Masehi }
cutiBersama: []
`;

describe('sop holidays show', () => {
  it('prints a shipped year as official', async () => {
    const t = io();
    expect(await runHolidaysCommand(['show', '2026'], t.value)).toBe(0);
    expect(t.out[0]).toMatch(/^2026 — shipped\nsource: SKB 3 Menteri No\. 1497\/2025/);
    expect(t.out[0]).toContain('2026-03-19  Hari Raya Nyepi');
    expect(t.out[0]).toContain('2026-12-24  Cuti bersama Hari Raya Natal');
  });

  it('prints a year without a list as the provisional estimate, with what it lacks', async () => {
    const t = io();
    expect(await runHolidaysCommand(['show', '2027'], t.value)).toBe(0);
    expect(t.out[0]).toMatch(/^2027 — provisional/);
    expect(t.out[0]).toContain('2027-01-01  Tahun Baru Masehi');
    expect(t.out[0]).toContain('Cuti bersama: none');
    expect(t.out[0]).toMatch(/Notes:[\s\S]*cuti bersama/i);
    const json = io();
    await runHolidaysCommand(['show', '2027', '--json'], json.value);
    expect(JSON.parse(json.out[0])).toMatchObject({ year: 2027, provisional: true, cutiBersama: [] });
  });

  it.each([['1899'], ['27'], ['next']])('refuses the year %s with exit 2', async (year) => {
    const t = io();
    expect(await runHolidaysCommand(['show', year], t.value)).toBe(2);
    expect(t.err[0]).toContain('is not a year from 1900 to 2200');
  });

  it('says so when the server cannot be reached', async () => {
    const t = io();
    expect(await runHolidaysCommand(['show', '2027', '--api', 'http://127.0.0.1:9'], t.value)).toBe(2);
    expect(t.calls).toEqual(['http://127.0.0.1:9/api/holidays/2027']);
    expect(t.err[0]).toContain('cannot reach http://127.0.0.1:9: connect ECONNREFUSED');
  });
});

describe('sop holidays check', () => {
  it('accepts a sound list', async () => {
    const t = io({ '2027.yaml': LIST_2027 });
    expect(await runHolidaysCommand(['check', '2027.yaml'], t.value)).toBe(0);
    expect(t.out[0]).toBe('2027.yaml: 2027: 1 holidays, 0 cuti bersama: sound');
  });

  it('names every problem of a list, with exit 1', async () => {
    const t = io({ 'bad.yaml': LIST_2027.replace('2027-01-01', '2028-01-01').replace('source: SKB 3 Menteri (test)', 'source: ""') });
    expect(await runHolidaysCommand(['check', 'bad.yaml'], t.value)).toBe(1);
    expect(t.err).toEqual([
      'bad.yaml: source must name the decree the dates come from, e.g. "SKB 3 Menteri ..."',
      'bad.yaml: holidays[0].date 2028-01-01 is not in 2027: move it to the list of its own year',
    ]);
  });

  it.each([
    ['missing.yaml', {}, 'cannot read missing.yaml: no such file'],
    ['list.yaml', { 'list.yaml': '- 1\n- 2\n' }, 'must hold one list'],
    ['keys.yaml', { 'keys.yaml': `${LIST_2027}libur: []\n` }, 'unknown key libur'],
    ['broken.yaml', { 'broken.yaml': 'year: [2027\n' }, 'is not YAML or JSON'],
  ])('refuses %s with exit 2 and a message', async (file, files, message) => {
    const t = io(files);
    expect(await runHolidaysCommand(['check', file], t.value)).toBe(2);
    expect(t.err[0]).toContain(message);
  });
});

describe('sop holidays load', () => {
  it('needs the server and an administrator’s credentials before it sends anything', async () => {
    const noApi = io({ '2027.yaml': LIST_2027 }, { SOP_USERNAME: 'admin', SOP_PASSWORD: 'x' });
    expect(await runHolidaysCommand(['load', '2027.yaml'], noApi.value)).toBe(2);
    expect(noApi.err[0]).toContain('--api <url> is required');
    const noUser = io({ '2027.yaml': LIST_2027 });
    expect(await runHolidaysCommand(['load', '2027.yaml', '--api', 'http://localhost:3000'], noUser.value)).toBe(2);
    expect(noUser.err[0]).toContain('SOP_USERNAME and SOP_PASSWORD');
    const badOffice = io({ '2027.yaml': LIST_2027 }, { SOP_USERNAME: 'admin', SOP_PASSWORD: 'x' });
    expect(await runHolidaysCommand(['load', '2027.yaml', '--api', 'http://localhost:3000', '--office', 'Metro!'], badOffice.value)).toBe(2);
    expect([...noApi.calls, ...noUser.calls, ...badOffice.calls]).toEqual([]);
  });

  it('explains its usage on a wrong command', async () => {
    const t = io();
    expect(await runHolidaysCommand(['delete', '2027'], t.value)).toBe(2);
    expect(t.err[0]).toContain('expected "show <year>", "check <file>" or "load <file>"');
    expect(await runHolidaysCommand(['show', '2027', '--force'], t.value)).toBe(2);
  });
});
