import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSopCalendar } from '@sop/case-engine';
import { compileSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import { act, advanceClock, answer, consultLane, DAY, fromLocalInput, scheduleUntil, startSimulation } from './simulation';

// The simulator runs coordination, a scheduled wait and a citizen's silence through the case engine
// (ADR 0010, 0014), on the virtual clock.
const read = (name: string) => validateSop(readFileSync(join(__dirname, `../../../../libs/sop-model/src/__fixtures__/valid/${name}.yaml`), 'utf8')).sop!;
const contoh = read('coordination-and-units');
const flow = compileSop(contoh, { id: 'contoh' });
const calendar = createSopCalendar(contoh);
const tz = 'Asia/Jakarta';
// Monday 7 December 2026, 09:00 WIB
const start = fromLocalInput('2026-12-07T09:00', tz)!;

function atBidang() {
  const sim = startSimulation(flow, calendar, start);
  return act(flow, calendar, sim, { type: 'CHOOSE', outcome: 'ke-bidang' });
}

describe('coordination in the simulator', () => {
  it('asks the Helpdesk and gets its answer, two kartu kendali lines, the case staying at its step', () => {
    const asked = consultLane(flow, calendar, atBidang(), 'helpdesk');
    expect(asked.state.consulting).toEqual({ lane: 'helpdesk', since: start });
    const answered = answer(flow, calendar, { ...asked, clock: new Date(start.getTime() + 2 * 3600_000) });
    expect(answered.state.step).toBe('bidang-tindak');
    expect(answered.state.consulting).toBeNull();
    expect(answered.kartu.slice(-2).map((e) => [e.event, e.fromLane, e.toLane])).toEqual([
      ['CONSULT', 'bidang', 'helpdesk'],
      ['ANSWER', 'helpdesk', 'bidang'],
    ]);
    expect(() => consultLane(flow, calendar, asked, 'helpdesk')).toThrow(/was asked already/);
  });
});

describe('a scheduled wait in the simulator', () => {
  it('waits until the date, and moving the clock past it resumes the case once with the Waktu counted again', () => {
    const until = fromLocalInput('2026-12-10T00:00', tz)!;
    const waiting = scheduleUntil(flow, calendar, atBidang(), until);
    expect(waiting.state.waitingUntil).toEqual(until);
    expect(waiting.state.dueAt).toEqual(until);
    const before = advanceClock(flow, calendar, waiting, new Date(until.getTime() - 60_000));
    expect(before.kartu.map((e) => e.event)).toEqual(['START', 'CHOOSE', 'SCHEDULE']);
    const after = advanceClock(flow, calendar, waiting, new Date(until.getTime() + DAY));
    expect(after.kartu.map((e) => e.event)).toEqual(['START', 'CHOOSE', 'SCHEDULE', 'RESUME']);
    expect(after.kartu[3].handedOverAt).toEqual(until);
    expect(after.state.waitingUntil).toBeNull();
    expect(after.state.stepEnteredAt).toEqual(until);
    // three working days from the date: not yet expired
    expect(after.state.dueAt!.getTime()).toBeGreaterThan(until.getTime() + DAY);
    expect(() => scheduleUntil(flow, calendar, atBidang(), start)).toThrow(/must be in the future/);
  });
});

describe('a citizen’s silence in the simulator', () => {
  it('takes the outcome the SOP names when the citizen’s time passes, never overdue', () => {
    const sop = read('citizen-confirms');
    const citizenFlow = compileSop(sop, { id: 'citizen' });
    const cal = createSopCalendar(sop);
    let sim = startSimulation(citizenFlow, cal, start);
    sim = act(citizenFlow, cal, sim, { type: 'COMPLETE' });
    expect(sim.state.step).toBe('konfirmasi');
    sim = advanceClock(citizenFlow, cal, sim, new Date(start.getTime() + 30 * DAY));
    const expiry = sim.kartu.find((e) => e.event === 'EXPIRE')!;
    expect([expiry.fromStep, expiry.outcome, expiry.toStep, expiry.overLimit]).toEqual(['konfirmasi', 'puas', 'selesai', false]);
    expect(sim.state.status).toBe('done');
  });
});
