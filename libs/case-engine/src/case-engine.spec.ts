import { compileSop } from '@sop/compiler';
import { createCalendar } from '@sop/business-time';
import { applyEvent, createSopCalendar, EventNotAllowedError, recomputeDeadline, startCase } from './index';
import { loadSeed } from '../../sop-model/src/__fixtures__/seeds';

function load(id: string) {
  const sop = loadSeed(id);
  return { compiled: compileSop(sop, { id }), calendar: createSopCalendar(sop) };
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

  it('marks the lines that took the complaint one level up, whichever way: an escalation, the outcome "tidak terselesaikan", a passed deadline that escalates', () => {
    const started = startCase(compiled, calendar, filed);
    expect(started.entry.escalation).toBe(false);
    const accepted = applyEvent(compiled, calendar, started.state, { type: 'CHOOSE', outcome: 'diterima' }, new Date('2026-11-23T03:00:00Z'));
    expect(accepted.entry.escalation).toBe(false);
    const escalated = applyEvent(compiled, calendar, accepted.state, { type: 'ESCALATE' }, new Date('2026-11-23T04:00:00Z'));
    expect(escalated.entry).toMatchObject({ event: 'ESCALATE', escalation: true });
    const chosen = applyEvent(compiled, calendar, accepted.state, { type: 'CHOOSE', outcome: 'tidak-terselesaikan' }, new Date('2026-11-23T04:00:00Z'));
    expect(chosen.entry).toMatchObject({ event: 'CHOOSE', outcome: 'tidak-terselesaikan', toStep: 'kasi-periksa', escalation: true });
    const settled = applyEvent(compiled, calendar, accepted.state, { type: 'CHOOSE', outcome: 'selesai' }, new Date('2026-11-23T04:00:00Z'));
    expect(settled.entry.escalation).toBe(false);
    const expired = applyEvent(compiled, calendar, escalated.state, { type: 'EXPIRE' }, new Date('2026-11-25T02:00:00Z'));
    expect(expired.entry).toMatchObject({ event: 'EXPIRE', toStep: 'kabid-periksa', escalation: true });
  });

  it('keeps the Kepala Dinas step where it is when its limit passes, flagged overdue', () => {
    let { state } = startCase(compiled, calendar, filed);
    for (const event of [
      { type: 'CHOOSE', outcome: 'diterima' },
      { type: 'ESCALATE' },
      { type: 'ESCALATE' },
      { type: 'ESCALATE' },
      { type: 'ESCALATE' },
    ] as const) {
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

  it('past the last official holiday list, keeps a deadline on the provisional calendar, which says so', () => {
    const filed = new Date('2026-12-31T08:30:00Z'); // Thursday 16:30 WITA: after hours, the count starts in 2027
    const { state } = startCase(compiled, calendar, filed);
    // Friday 1 January is Tahun Baru: Monday 4 January 07:30 WITA + 10 Menit
    expect(state.dueAt!.toISOString()).toBe('2027-01-03T23:40:00.000Z');
    expect(state).toMatchObject({ deadlinePending: true, deadlineNote: null });
    expect(calendar.isProvisionalBetween(filed, state.dueAt!)).toBe(true);
  });

  it('leaves the deadline unknown, with the reason, on a calendar that refuses years without a list', () => {
    const strict = createCalendar({ timeZone: 'Asia/Makassar', missingYears: 'error' });
    const { state } = startCase(compiled, strict, new Date('2026-12-31T08:30:00Z'));
    expect(state.dueAt).toBeNull();
    expect(state.deadlinePending).toBe(false);
    expect(state.deadlineNote).toContain('2027');
    // once the calendar can place 2027, the deadline is computed again from when the case arrived
    expect(recomputeDeadline(compiled, state, calendar)).toEqual({ dueAt: new Date('2027-01-03T23:40:00.000Z'), deadlinePending: true, deadlineNote: null });
  });

  it('recomputes only a pending deadline, never one that fired or a finished case', () => {
    const { state } = startCase(compiled, calendar, new Date('2026-02-09T23:45:00Z'));
    const fired = { ...state, deadlinePending: false };
    expect(recomputeDeadline(compiled, fired, calendar)).toEqual({ dueAt: state.dueAt, deadlinePending: false, deadlineNote: null });
    const done = { ...state, status: 'done' as const };
    expect(recomputeDeadline(compiled, done, calendar).dueAt).toBe(state.dueAt);
  });
});
