import { parseCsv } from './parse-csv';
import { toCsv } from './csv';

describe('parseCsv', () => {
  it('reads what toCsv writes: quotes, commas, line breaks, a BOM and a formula guard kept as text', () => {
    const rows = [
      ['tracking_id', 'title', 'content'],
      ['123', 'Antrian, lama', 'baris satu\nbaris "dua"'],
      ['124', '=1+1', ''],
    ];
    const parsed = parseCsv(toCsv(rows, { bom: true }));
    expect(parsed).toEqual({
      ok: true,
      value: {
        rows: [rows[0], rows[1], ['124', "'=1+1", '']],
        lines: [1, 2, 4],
      },
    });
  });

  it('takes semicolons when the header has no comma (a spreadsheet saved in an Indonesian locale) and skips blank lines', () => {
    expect(parseCsv('id;judul\n\n1;Akta salah\n')).toEqual({
      ok: true,
      value: {
        rows: [
          ['id', 'judul'],
          ['1', 'Akta salah'],
        ],
        lines: [1, 3],
      },
    });
  });

  it('says where a quoted field is broken or left open', () => {
    expect(parseCsv('a,b\n"x"y,z\n')).toEqual({ ok: false, error: { line: 2, message: 'a quoted field must end at a comma or the end of the line' } });
    expect(parseCsv('a,b\n1,"open\n\n')).toEqual({ ok: false, error: { line: 2, message: 'a quoted field is not closed (a " is missing)' } });
  });

  it('stops at the row and field limits', () => {
    expect(parseCsv('a\n1\n2\n3\n', { maxRows: 3 })).toEqual({ ok: false, error: { line: 4, message: 'more than 3 rows: send the rest in another batch' } });
    expect(parseCsv('a,b,c,d\n', { maxFields: 2 })).toMatchObject({ ok: false, error: { line: 1 } });
  });
});
