import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import { applyEvent, createSopCalendar, EventNotAllowedError, startCase } from './index';

function load(id: string) {
  const { sop } = validateSop(readFileSync(join(__dirname, `../../../sops/${id}.yaml`), 'utf8'));
  return { compiled: compileSop(sop!, { id }), calendar: createSopCalendar(sop!) };
}

describe('a Metro case', () => {
  const { compiled, calendar } = load('metro');
  const filed = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

  it('starts at the operator step with a deadline at close of business the next day', () => {
    const { state, entry } = startCase(compiled, calendar, filed);
    expect(state).toMatchObject({ step: 'petugas-periksa', lane: 'petugas', status: 'open', deadlinePending: true });
    expect(state.dueAt!.toISOString()).toBe('2026-11-24T09:00:00.000Z'); // Tuesday 16:00 WIB
    expect(entry).toMatchObject({ event: 'START', fromStep: 'laporan', fromLane: 'masyarakat', toStep: 'petugas-periksa', toLane: 'petugas' });
  });

  it('escalates one level up when the Kasi lets the day pass, and records the overrun on the kartu kendali', () => {
    let { state } = startCase(compiled, calendar, filed);
    ({ state } = applyEvent(compiled, calendar, state, { type: 'CHOOSE', outcome: 'diterima' }, new Date('2026-11-23T03:00:00Z')));
    ({ state } = applyEvent(compiled, calendar, state, { type: 'ESCALATE' }, new Date('2026-11-23T04:00:00Z')));
    expect(state.step).toBe('kasi-periksa');
    const late = new Date('2026-11-25T02:00:00Z'); // Wednesday 09:00, past Tuesday 16:00
    const expired = applyEvent(compiled, calendar, state, { type: 'EXPIRE' }, late);
    expect(expired.state).toMatchObject({ step: 'kabid-periksa', lane: 'kabid', overdue: true });
    expect(expired.state.snapshot.context.overdue).toEqual(['kasi-periksa']);
    expect(expired.entry).toMatchObject({ event: 'EXPIRE', fromStep: 'kasi-periksa', toStep: 'kabid-periksa', limitText: '1 hari', overLimit: true });
    // 11:00-12:00 + 13:00-16:00 Monday, 7.5 h Tuesday, 07:30-09:00 Wednesday
    expect(expired.entry.spentWorkingMinutes).toBe(4 * 60 + 450 + 90);
  });

  it('keeps the Kepala Dinas step where it is when its limit passes, flagged overdue', () => {
    let { state } = startCase(compiled, calendar, filed);
    for (const event of [{ type: 'CHOOSE', outcome: 'diterima' }, { type: 'ESCALATE' }, { type: 'ESCALATE' }, { type: 'ESCALATE' }, { type: 'ESCALATE' }] as const) {
      ({ state } = applyEvent(compiled, calendar, state, event, filed));
    }
    expect(state.step).toBe('kadis-periksa');
    const { state: flagged, entry } = applyEvent(compiled, calendar, state, { type: 'EXPIRE' }, new Date('2026-11-26T02:00:00Z'));
    expect(flagged).toMatchObject({ step: 'kadis-periksa', overdue: true, deadlinePending: false });
    expect(entry).toMatchObject({ fromStep: 'kadis-periksa', toStep: 'kadis-periksa' });
    const done = applyEvent(compiled, calendar, flagged, { type: 'COMPLETE' }, new Date('2026-11-26T03:00:00Z'));
    expect(done.state).toMatchObject({ status: 'done', endStep: 'penyelesaian', dueAt: null, deadlinePending: false });
  });

  it('refuses an event the step does not accept, saying what it accepts', () => {
    const { state } = startCase(compiled, calendar, filed);
    expect(() => applyEvent(compiled, calendar, state, { type: 'COMPLETE' }, filed)).toThrow(EventNotAllowedError);
    expect(() => applyEvent(compiled, calendar, state, { type: 'COMPLETE' }, filed)).toThrow('it accepts CHOOSE "diterima", CHOOSE "ditolak"');
  });

  it('refuses every event once the case is finished', () => {
    let { state } = startCase(compiled, calendar, filed);
    ({ state } = applyEvent(compiled, calendar, state, { type: 'REJECT' }, filed));
    expect(state).toMatchObject({ status: 'done', endStep: 'ditolak' });
    expect(() => applyEvent(compiled, calendar, state, { type: 'COMPLETE' }, filed)).toThrow('finished');
  });
});

describe('a Buleleng case (WITA)', () => {
  const { compiled, calendar } = load('buleleng');

  it('counts its minute limits in working time in Asia/Makassar', () => {
    // Tuesday 10 Feb 2026, 07:45 WITA = 23:45 UTC the day before
    const { state } = startCase(compiled, calendar, new Date('2026-02-09T23:45:00Z'));
    expect(state.step).toBe('menerima-keluhan');
    expect(state.dueAt!.toISOString()).toBe('2026-02-09T23:55:00.000Z'); // 10 Menit
  });

  it('leaves the deadline unknown, with the reason, past the years the calendar has holidays for', () => {
    const { state } = startCase(compiled, calendar, new Date('2026-12-31T08:30:00Z')); // Thursday 16:30 WITA: after hours, the count would start in 2027
    expect(state.dueAt).toBeNull();
    expect(state.deadlinePending).toBe(false);
    expect(state.deadlineNote).toContain('2027');
  });
});
