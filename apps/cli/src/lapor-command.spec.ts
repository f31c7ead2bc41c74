import { runLaporCommand, type LaporIo } from './lapor-command';

/** A server that answers the log-in and then `answer` to the import, recording what was sent. */
function io(
  files: Record<string, string>,
  answer: { status: number; body: unknown },
  env: Record<string, string> = { SOP_USERNAME: 'metro.petugas', SOP_PASSWORD: 'x' },
) {
  const out: string[] = [];
  const err: string[] = [];
  const sent: { url: string; body?: string }[] = [];
  const value: LaporIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[p];
    },
    env,
    fetch: (url, init) => {
      sent.push({ url, body: init.body });
      const reply = url.endsWith('/api/auth/login') ? { status: 200, body: { token: 't' } } : answer;
      return Promise.resolve({ status: reply.status, text: () => Promise.resolve(JSON.stringify(reply.body)) });
    },
  };
  return { value, out, err, sent };
}

const CSV = 'tracking_id,title,content\n4412001,KTP-el,Belum jadi\n';

describe('sop lapor import', () => {
  it('sends the file with its format and prints each row', async () => {
    const t = io(
      { 'batch.csv': CSV },
      {
        status: 200,
        body: {
          imported: 1,
          skipped: 1,
          rows: [
            { row: 1, trackingId: '4412001', result: 'imported', ticket: 'MET-7K4Q9P' },
            { row: 2, trackingId: '4412000', result: 'skipped', ticket: 'MET-AAAAAA', reason: 'already imported: nothing changed' },
          ],
        },
      },
    );
    expect(await runLaporCommand(['import', 'batch.csv', '--sop', 'metro', '--api', 'http://localhost:3000/'], t.value)).toBe(0);
    expect(t.sent[1]).toEqual({ url: 'http://localhost:3000/api/lapor/metro/imports', body: JSON.stringify({ format: 'csv', content: CSV }) });
    expect(t.out).toEqual([
      'batch.csv: row 1: 4412001: imported MET-7K4Q9P',
      'batch.csv: row 2: 4412000: skipped MET-AAAAAA (already imported: nothing changed)',
      '1 imported, 1 skipped',
    ]);
  });

  it('lists the rows the server refused, with status 1', async () => {
    const t = io(
      { 'b.json': '[]' },
      { status: 400, body: { message: 'the batch was not imported', errors: [{ field: 'rows[2].title', message: 'title is missing' }] } },
    );
    expect(await runLaporCommand(['import', 'b.json', '--sop', 'metro', '--api', 'http://x'], t.value)).toBe(1);
    expect(JSON.parse(t.sent[1].body!)).toMatchObject({ format: 'json' });
    expect(t.err).toEqual(['sop lapor import: 400: the batch was not imported\n  rows[2].title: title is missing']);
  });

  it('refuses wrong usage before calling anyone (status 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['import', 'b.csv', '--sop', 'metro'], /--api <url> is required/],
      [['import', 'b.csv', '--api', 'http://x'], /--sop <id> is required/],
      [['import', 'b.txt', '--sop', 'metro', '--api', 'http://x'], /--format csv or --format json/],
      [['import', 'missing.csv', '--sop', 'metro', '--api', 'http://x'], /cannot read missing.csv/],
      [['export'], /expected "import <file>"/],
      [['import', 'b.csv', '--force'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const t = io({ 'b.csv': CSV, 'b.txt': CSV }, { status: 200, body: {} });
      expect(await runLaporCommand(args, t.value)).toBe(2);
      expect(t.err.join('\n')).toMatch(message);
      expect(t.sent).toEqual([]);
    }
  });
});
