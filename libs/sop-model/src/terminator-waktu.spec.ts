import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueMessage } from './issue-messages';
import { validateSop } from './validate-sop';

const MINIMAL = readFileSync(join(__dirname, '__fixtures__/valid/minimal.yaml'), 'utf8');
const unknownDurations = (text: string) => validateSop(text).issues.filter((i) => i.code === 'unknown-duration');

describe('a Waktu the parser cannot read', () => {
  it('is a warning on a step a case waits at', () => {
    const text = MINIMAL.replace('    waktu: 1 hari\n    outcomes:', '    waktu: sebentar\n    outcomes:');
    expect(unknownDurations(text).map((i) => i.pointer)).toEqual(['/steps/1/waktu']);
  });

  it('is no warning on a start or an end, where no case waits: the words are kept as the source prints them', () => {
    const text = MINIMAL.replace('    activity: Laporan pengaduan\n', '    activity: Laporan pengaduan\n    waktu: sebentar\n').replace(
      '    activity: Penyelesaian pengaduan\n',
      '    activity: Penyelesaian pengaduan\n    waktu: hari itu juga\n',
    );
    const { sop, issues } = validateSop(text);
    expect(sop?.steps[0].waktu).toBe('sebentar');
    expect(sop?.steps[3].waktu).toBe('hari itu juga');
    expect(issues.filter((i) => i.code === 'unknown-duration')).toEqual([]);
  });
});

describe('an SOP whose office steps all have a Waktu that does not read', () => {
  const codes = (text: string) => validateSop(text).issues.map((i) => i.code);

  it('is told once, on the flow, that its cases will never be late', () => {
    const text = MINIMAL.replace(/waktu: 1 hari/g, 'waktu: sebentar');
    const issue = validateSop(text).issues.find((i) => i.code === 'no-office-deadline');
    expect(issue).toMatchObject({ severity: 'warning', pointer: '/steps', params: { n: 2 } });
    expect(issue?.message).toMatch(/never late/);
    expect(issueMessage(issue!, 'id')).toMatch(/tak satu pun langkah kantor .* \(2 tertulis\)/);
  });

  it('is not told when one of them reads, or when the source writes no time at all', () => {
    expect(codes(MINIMAL.replace('waktu: 1 hari', 'waktu: sebentar'))).not.toContain('no-office-deadline');
    expect(codes(MINIMAL.replace(/waktu: 1 hari/g, 'waktu: "-"'))).not.toContain('no-office-deadline');
  });
});
