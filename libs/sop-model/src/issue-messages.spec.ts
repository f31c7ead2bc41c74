import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssue, ISSUE_CODES, issueMessage, issuePath, validateSop, type SopIssue } from './index';

const FIXTURES = join(__dirname, '__fixtures__');
const issuesOf = (dir: string, file: string): SopIssue[] => validateSop(readFileSync(join(FIXTURES, dir, file), 'utf8'), { file }).issues;
const corpus = (['invalid', 'warnings'] as const).flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) => issuesOf(dir, file).map((issue) => ({ file: `${dir}/${file}`, issue }))),
);

// words that appear in the English messages and never in the Indonesian ones
const ENGLISH = /\b(the|is|not|must|write|add|remove|step|lane|found|here)\b/;

describe('issue messages in Bahasa Indonesia and English, by code', () => {
  it('words every issue of the invalid corpus in Indonesian, filled (no placeholder or undefined left)', () => {
    expect(corpus.length).toBeGreaterThan(70);
    for (const { file, issue } of corpus) {
      const id = issueMessage(issue, 'id');
      expect({ file, code: issue.code, known: ISSUE_CODES.includes(issue.code) }).toEqual({ file, code: issue.code, known: true });
      expect({ file, id, english: ENGLISH.test(id.replace(/"[^"]*"/g, '').replace(/\b[a-z]+[A-Z]\w*|\w+:/g, '')) }).toEqual({ file, id, english: false });
      expect(id).not.toMatch(/undefined|\{[a-z]+\}|""/);
    }
  });

  it('keeps the English message word for word (the corpus asserts it)', () => {
    for (const { issue } of corpus) expect(issueMessage(issue, 'en')).toBe(issue.message);
  });

  it('names what the author wrote: the step, the misspelt target and the closest name', () => {
    const [issue] = issuesOf('invalid', 'next-to-unknown-step.yaml');
    expect(issue.code).toBe('unknown-step');
    expect(issue.params).toMatchObject({ step: 'laporan', value: 'periksaa', suggestion: 'periksa' });
    expect(issueMessage(issue, 'id')).toBe(`"periksaa" bukan langkah di alur ini (maksudnya "periksa"?); langkah: ${issue.params!.steps}`);
    expect(describeIssue(issue, 'id')).toMatch(/ \(di steps\[0\]\.next\)$/);
    expect(describeIssue(issue, 'en')).toBe(`${issue.message} (at steps[0].next)`);
  });

  it('says in Indonesian why a Waktu is not a duration, and takes a dash as "no time stated"', () => {
    const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
    const waktu = /waktu: [^\n]+/.exec(minimal)?.[0] ?? '';
    expect(waktu).not.toBe('');
    const words = (value: string) =>
      validateSop(minimal.replace(waktu, `waktu: "${value}"`))
        .issues.filter((i) => i.code === 'unknown-duration')
        .map((i) => issueMessage(i, 'id'));
    const tail = '; langkah ini tetap memuat teksnya tetapi tanpa batas waktu';
    expect(words('segera')).toEqual([
      `Waktu "segera" berarti "seketika" dan tidak menyebut lama waktu: tulis lamanya, mis. "5 menit", agar langkah ini punya batas waktu${tail}`,
    ]);
    expect(words('2 (tiga) hari')).toEqual([
      `Waktu "2 (tiga) hari" menulis angka 2 dan kata "tiga" yang tidak sama: sumbernya rusak; periksa dan tulis yang dimaksud${tail}`,
    ]);
    expect(words('½ hari kerja')).toEqual([
      `Waktu "½ hari kerja" bukan bilangan bulat hari kerja: hari, minggu dan bulan harus bilangan bulat; tulis bagian hari dalam jam atau menit${tail}`,
    ]);
    expect(words('1-2 hari')).toEqual([`Waktu "1-2 hari" berupa rentang: batas waktu perlu satu angka dan satuan, mis. "2 hari"${tail}`]);
    expect(words('Sahaja')[0]).toMatch(/^Waktu "Sahaja" tidak terbaca sebagai lama waktu: tulis angka dan satuan/);
    // as printed by other offices: read, no warning
    expect(words('paling lama 14 (empat belas) hari kerja')).toEqual([]);
    expect(words('1 x 24 jam')).toEqual([]);
    // a dash states no time, like a null Waktu: nothing to mend
    expect(words('-')).toEqual([]);
  });

  it('asks a citizen step that has its onTimeout for the Waktu only, and names the outcome it takes', () => {
    const confirms = readFileSync(join(FIXTURES, 'valid', 'citizen-confirms.yaml'), 'utf8');
    expect(confirms).toContain('    waktu: 10 hari kerja\n');
    const [issue] = validateSop(confirms.replace('    waktu: 10 hari kerja\n', '    waktu: "-"\n')).issues.filter(
      (i) => i.code === 'citizen-step-without-limit',
    );
    expect(issue.message).toContain('give it a known Waktu, which its onTimeout needs;');
    expect(issueMessage(issue, 'id')).toContain('beri Waktu yang terbaca, yang diperlukan onTimeout-nya;');
    const noRule = confirms.replace('    waktu: 10 hari kerja\n', '').replace(/    onTimeout: [^\n]*\n/, '');
    const [bare] = validateSop(noRule).issues.filter((i) => i.code === 'citizen-step-without-limit');
    expect(bare.message).toContain('give it a known Waktu and onTimeout: { action: choose, outcome: puas }');
    expect(issueMessage(bare, 'id')).toContain('beri Waktu yang terbaca dan onTimeout;');
  });

  it('says a YAML error in plain Indonesian at the same line and column', () => {
    const [issue] = issuesOf('invalid', 'duplicate-key.yaml');
    expect([issue.line, issue.column]).toEqual([43, 5]);
    expect(issueMessage(issue, 'id')).toBe('YAML: "waktu" sudah ada di pemetaan ini (baris 42): simpan salah satunya saja');
    expect(describeIssue(issue, 'id')).toBe(issueMessage(issue, 'id'));
  });

  it('words every YAML error in Indonesian, also those the catalogue has no words of its own for', () => {
    const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
    const activity = 'activity: Kasi menindaklanjuti pengaduan';
    expect(minimal).toContain(activity);
    const broken = ['activity: &a &b Kasi', 'activity: !rahasia Kasi', 'activity: [Kasi, , Petugas]', 'activity: |x\n      Kasi', 'activity: { a: 1 ] }'];
    const codes = new Set<string>();
    for (const value of broken) {
      const [issue] = validateSop(minimal.replace(activity, value)).issues;
      codes.add(issue.code);
      expect(issue.code).toMatch(/^yaml\./);
      const id = issueMessage(issue, 'id');
      expect({ value, known: ISSUE_CODES.includes(issue.code) }).toEqual({ value, known: true });
      expect({ value, id, english: ENGLISH.test(id.replace(/"[^"]*"/g, '')) }).toEqual({ value, id, english: false });
      expect(id).not.toMatch(/undefined|""/);
    }
    // the parser's own words stay, quoted, for the reader who knows YAML
    const [anchors] = validateSop(minimal.replace(activity, broken[0])).issues;
    expect(issueMessage(anchors, 'id')).toBe(
      'YAML: baris ini tidak dapat dibaca (kata pengurai YAML: "A node can have at most one anchor"): periksa tanda kutip, titik dua, koma dan indentasinya',
    );
    expect(codes.size).toBeGreaterThanOrEqual(4);
    // a "," or a ":" missing between two quoted texts in braces: both are named
    const [pair] = validateSop(minimal.replace('- { id: kasi, name: Kasi, role: kasi }', '- { "id" "kasi" }')).issues;
    expect(pair.params).toEqual({ reason: 'comma-or-colon' });
    expect(issueMessage(pair, 'id')).toBe(
      'YAML: tanda "," atau ":" tidak ada di antara butir { … } atau [ … ] ini: pisahkan butir-butirnya dengan ", " dan tulis setiap pasangan "kunci: nilai"',
    );
    // the parser's words may hold a quote of their own: the quoting still holds
    expect(issueMessage({ code: 'yaml.unexpected_token', message: 'x', params: { detail: 'Block scalar header includes extra characters: |"x' } }, 'id')).toBe(
      'YAML: baris ini tidak dapat dibaca (kata pengurai YAML: "Block scalar header includes extra characters: |\'x"): periksa tanda kutip, titik dua, koma dan indentasinya',
    );
  });

  it('words a schema keyword the catalogue has no words of its own for in Indonesian, quoting the checker', () => {
    const issue = {
      code: 'schema.uniqueItems',
      message: 'must NOT have duplicate items (items ## 1 and 0 are identical)',
      params: { detail: 'must NOT have duplicate items' },
    };
    expect(issueMessage(issue, 'id')).toBe(
      'nilai ini tidak sah di sini (kata pemeriksa skema: "must NOT have duplicate items"): bandingkan dengan bahasa SOP (schemas/sop.schema.json)',
    );
    expect(issueMessage(issue, 'en')).toBe(issue.message);
  });

  it('reads a pointer as the YAML path an author sees', () => {
    expect(issuePath('/steps/3/outcomes/0/to')).toBe('steps[3].outcomes[0].to');
    expect(issuePath('/identity/title')).toBe('identity.title');
    expect(issuePath('/a~1b')).toBe('a/b');
    expect(issuePath('')).toBe('');
  });
});
