import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import { applyEvent, createSopCalendar, EventNotAllowedError, startCase } from './index';

// A decision with two outcomes of one kind, as SP4N-LAPOR!'s verification has two refusals ("bukan
// wewenang", "arsipkan"): the SOP says so, the officer chooses which, and a bare ESCALATE or REJECT,
// which would not say which, is refused. From the fixture that escalates on timeout without saying
// which (refused), with that rule taken away.
const fixture = readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/invalid/timeout-escalate-ambiguous.yaml'), 'utf8');
const filed = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

function flowOf(text: string) {
  const { sop, issues } = validateSop(text);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { flow: compileSop(sop!, { id: 'contoh' }), calendar: createSopCalendar(sop!) };
}

describe('a decision with two outcomes of one kind', () => {
  const twoEscalations = fixture.replace('    onTimeout: { action: escalate }\n', '');

  it('is valid, and the officer chooses which escalation: the kartu kendali marks it one level up', () => {
    const { flow, calendar } = flowOf(twoEscalations);
    const { state } = startCase(flow, calendar, filed);
    expect(state.step).toBe('periksa');
    const chosen = applyEvent(flow, calendar, state, { type: 'CHOOSE', outcome: 'ke-kasi-lain' }, filed);
    expect(chosen.state.step).toBe('kasi-lain');
    expect(chosen.entry).toMatchObject({ event: 'CHOOSE', outcome: 'ke-kasi-lain', escalation: true });
    expect(() => applyEvent(flow, calendar, state, { type: 'ESCALATE' }, filed)).toThrow(EventNotAllowedError);
    expect(() => applyEvent(flow, calendar, state, { type: 'ESCALATE' }, filed)).toThrow(
      'it accepts CHOOSE "selesai", CHOOSE "ke-kasi", CHOOSE "ke-kasi-lain"',
    );
  });

  it('takes the outcome its time passing names', () => {
    const { flow, calendar } = flowOf(fixture.replace('onTimeout: { action: escalate }', 'onTimeout: { action: choose, outcome: ke-kasi }'));
    const { state } = startCase(flow, calendar, filed);
    const expired = applyEvent(flow, calendar, state, { type: 'EXPIRE' }, new Date('2026-11-25T02:00:00Z'));
    expect(expired.state).toMatchObject({ step: 'kasi-periksa', overdue: true });
    expect(expired.entry).toMatchObject({ event: 'EXPIRE', outcome: 'ke-kasi', escalation: true });
  });

  it('refuses both ways: two rejections, each chosen by name, and no bare REJECT', () => {
    const { flow, calendar } = flowOf(twoEscalations.replaceAll('kind: escalation', 'kind: rejection'));
    const { state } = startCase(flow, calendar, filed);
    expect(() => applyEvent(flow, calendar, state, { type: 'REJECT' }, filed)).toThrow(EventNotAllowedError);
    const refused = applyEvent(flow, calendar, state, { type: 'CHOOSE', outcome: 'ke-kasi' }, filed);
    expect(refused.entry).toMatchObject({ outcome: 'ke-kasi', escalation: false });
    expect(flow.steps.periksa.events.filter((e) => e.rejects).map((e) => e.outcome)).toEqual(['ke-kasi', 'ke-kasi-lain']);
  });
});
