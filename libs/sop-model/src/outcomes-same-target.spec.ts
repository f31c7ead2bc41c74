import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from './validate-sop';

const MINIMAL = readFileSync(join(__dirname, '__fixtures__/valid/minimal.yaml'), 'utf8');

/** The minimal SOP whose `periksa` decision has these outcomes (and lane), each a YAML flow mapping. */
function decision(outcomes: string[], lane = 'petugas', extra = ''): string {
  const from = MINIMAL.indexOf('  - id: periksa');
  const to = MINIMAL.indexOf('  - id: kasi-periksa');
  const step = [
    '  - id: periksa',
    '    number: "2"',
    '    kind: decision',
    `    lane: ${lane}`,
    '    activity: Pengisian survei kepuasan',
    '    waktu: 3 hari kerja',
    extra,
    '    outcomes:',
    ...outcomes.map((o) => `      - ${o}`),
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return `${MINIMAL.slice(0, from)}${step}\n${MINIMAL.slice(to)}`;
}

const sameTarget = (text: string) => validateSop(text).issues.filter((i) => i.code === 'outcomes-same-target');

describe('outcomes that lead to the same step', () => {
  it('warns on an office decision whose two outcomes differ only in name, saying the path is the same', () => {
    const issues = sameTarget(
      decision([
        '{ id: valid, label: Valid, to: selesai }',
        '{ id: lengkap, label: Lengkap, to: selesai }',
        '{ id: tidak-selesai, label: Tidak terselesaikan, to: kasi-periksa, kind: escalation }',
      ]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', pointer: '/steps/1/outcomes/1/to' });
    expect(issues[0].message).toMatch(/the choice is recorded but the path is the same/);
  });

  it("does not warn on the complainant's survey: every answer closes the case and the answer is the record", () => {
    const survey = decision(
      [
        '{ id: sangat-puas, label: Sangat Puas, to: selesai }',
        '{ id: puas, label: Puas, to: selesai }',
        '{ id: kurang-puas, label: Kurang Puas, to: selesai }',
        '{ id: tidak-puas, label: Tidak Puas, to: kasi-periksa, kind: escalation }',
        '{ id: tidak-mengisi, label: Tidak mengisi survei, to: selesai }',
      ],
      'masyarakat',
      '    onTimeout: { action: choose, outcome: tidak-mengisi }',
    );
    const { issues } = validateSop(survey);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(sameTarget(survey)).toEqual([]);
  });
});
