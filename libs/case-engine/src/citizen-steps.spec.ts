import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSop, restoreCompiledSop, storeCompiledSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import { applyEvent, allowedEventsOf, createSopCalendar, startCase, type CaseState } from './index';

const text = readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/valid/citizen-confirms.yaml'), 'utf8');
const { sop } = validateSop(text);
const compiled = compileSop(sop!, { id: 'contoh' });
const calendar = createSopCalendar(sop!);
const filed = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

/** The case after the office answered: waiting for the citizen's confirmation. */
function atConfirmation(): CaseState {
  const { state } = startCase(compiled, calendar, filed);
  return applyEvent(compiled, calendar, state, { type: 'COMPLETE' }, new Date('2026-11-24T02:00:00Z')).state;
}

describe('a step the citizen works (citizen-confirms.yaml)', () => {
  it('marks the citizen decision and the office lanes that answer for it', () => {
    expect(compiled.steps.konfirmasi).toMatchObject({ citizen: true, onBehalfLanes: ['petugas', 'kasi'] });
    expect(compiled.steps.jawab.citizen).toBeUndefined();
    expect(compiled.steps.konfirmasi.onTimeout).toEqual({ action: 'choose', target: 'selesai', outcome: 'puas' });
  });

  it('offers the citizen the outcomes: puas closes the case, tidak puas re-opens it at the Kasi', () => {
    const waiting = atConfirmation();
    expect(waiting.step).toBe('konfirmasi');
    expect(waiting.lane).toBe('pelapor');
    expect(allowedEventsOf(compiled, waiting).map((e) => [e.outcome, e.label])).toEqual([
      ['puas', 'Puas'],
      ['tidak-puas', 'Tidak puas (keberatan)'],
    ]);
    const objected = applyEvent(compiled, calendar, waiting, { type: 'CHOOSE', outcome: 'tidak-puas' }, new Date('2026-11-25T02:00:00Z'));
    expect(objected.state).toMatchObject({ step: 'kasi-tinjau', lane: 'kasi', status: 'open', overdue: false });
    const closed = applyEvent(compiled, calendar, waiting, { type: 'CHOOSE', outcome: 'puas' }, new Date('2026-11-25T02:00:00Z'));
    expect(closed.state).toMatchObject({ status: 'done', endStep: 'selesai' });
  });

  it('gives the citizen 10 working days, then takes the outcome the SOP names, without making the case overdue', () => {
    const waiting = atConfirmation();
    // answered Tuesday 24 November; the 10th working day after it (no holiday in between) closes Tuesday 8 December, 16:00 WIB
    expect(waiting.dueAt?.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    const { state, entry } = applyEvent(compiled, calendar, waiting, { type: 'EXPIRE' }, new Date('2026-12-08T09:00:00Z'));
    expect(state).toMatchObject({ status: 'done', endStep: 'selesai', overdue: false });
    // the citizen's silence settles the step: not an escalation, in the reports either
    expect(entry).toMatchObject({ event: 'EXPIRE', outcome: 'puas', fromLane: 'pelapor', overLimit: false, escalation: false, citizenStep: true });
  });

  it('an office step that times out with complete still counts as late', () => {
    const late = validateSop(
      text.replace(
        '    waktu: 3 hari kerja\n    next: konfirmasi\n  - id: konfirmasi',
        '    waktu: 3 hari kerja\n    onTimeout: { action: complete }\n    next: konfirmasi\n  - id: konfirmasi',
      ),
    );
    expect(late.issues).toEqual([]);
    const flow = compileSop(late.sop!, { id: 'contoh' });
    const { state } = startCase(flow, calendar, filed);
    const { state: after, entry } = applyEvent(flow, calendar, state, { type: 'EXPIRE' }, new Date('2026-11-27T02:00:00Z'));
    expect(after).toMatchObject({ step: 'konfirmasi', overdue: true });
    expect(entry.overLimit).toBe(true);
    expect(entry.escalation).toBe(false);
    // the office's own step: its time is the office's
    expect(entry.citizenStep).toBe(false);
  });

  it('keeps working from the stored machine', () => {
    const restored = restoreCompiledSop('contoh', JSON.parse(JSON.stringify(storeCompiledSop(compiled))));
    const { state } = applyEvent(restored, calendar, atConfirmation(), { type: 'EXPIRE' }, new Date('2026-12-08T09:00:00Z'));
    expect(state.endStep).toBe('selesai');
  });
});
