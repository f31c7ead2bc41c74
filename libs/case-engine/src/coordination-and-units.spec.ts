import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSop, restoreCompiledSop, storeCompiledSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import {
  answerConsultation,
  applyEvent,
  consult,
  createSopCalendar,
  EventNotAllowedError,
  recomputeDeadline,
  resumeWait,
  scheduleWait,
  startCase,
  suggestedOutcome,
  unitFor,
  type CaseState,
} from './index';

const text = readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/valid/coordination-and-units.yaml'), 'utf8');
const { sop } = validateSop(text);
const compiled = compileSop(sop!, { id: 'contoh' });
const calendar = createSopCalendar(sop!);
const filed = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

/** A complaint about civil records, routed by the front office to the Bidang. */
function atBidang(): CaseState {
  const { state } = startCase(compiled, calendar, filed);
  return applyEvent(compiled, calendar, state, { type: 'CHOOSE', outcome: 'ke-bidang' }, new Date('2026-11-23T03:00:00Z')).state;
}

describe('routing by the field concerned, and units', () => {
  it("suggests the outcome the complaint's field leads to", () => {
    const meta = compiled.steps['petugas-teruskan'];
    expect(suggestedOutcome(meta, { bidang: 'Pencatatan Sipil' })).toBe('ke-bidang');
    expect(suggestedOutcome(meta, { bidang: 'Informasi Publik' })).toBe('ke-ppid');
    expect(suggestedOutcome(meta, { bidang: 'Lainnya' })).toBeNull();
    expect(suggestedOutcome(compiled.steps['bidang-tindak'], { bidang: 'Pencatatan Sipil' })).toBeNull();
  });

  it('picks the unit of the lane from the same field', () => {
    const meta = compiled.steps['bidang-tindak'];
    expect(unitFor(meta, { bidang: 'Pencatatan Sipil' })).toBe('capil');
    expect(unitFor(meta, { bidang: 'Pendaftaran Penduduk' })).toBe('dafduk');
    // a value of no unit is the whole lane's
    expect(unitFor(meta, { bidang: 'Informasi Publik' })).toBeNull();
    expect(unitFor(compiled.steps['ppid-jawab'], { bidang: 'Pencatatan Sipil' })).toBeNull();
  });

  it('records the document of the outcome on the kartu kendali line', () => {
    const { entry, state } = applyEvent(compiled, calendar, atBidang(), { type: 'CHOOSE', outcome: 'selesai' }, new Date('2026-11-24T03:00:00Z'));
    expect(entry).toMatchObject({ outcome: 'selesai', document: 'Berita acara penyelesaian pengaduan' });
    expect(state.status).toBe('done');
  });
});

describe('coordination', () => {
  it('asks the Helpdesk and takes the answer back, the case staying with the Bidang', () => {
    const asked = consult(compiled, calendar, atBidang(), 'helpdesk', new Date('2026-11-23T04:00:00Z'));
    expect(asked.state).toMatchObject({ step: 'bidang-tindak', lane: 'bidang', consulting: { lane: 'helpdesk' } });
    expect(asked.entry).toMatchObject({ event: 'CONSULT', fromStep: 'bidang-tindak', toStep: 'bidang-tindak', fromLane: 'bidang', toLane: 'helpdesk' });
    const answered = answerConsultation(compiled, calendar, asked.state, new Date('2026-11-23T06:00:00Z'));
    expect(answered.state.consulting).toBeNull();
    // asked at 11.00 WIB, answered at 13.00: one working hour, the midday break not counted
    expect(answered.entry).toMatchObject({ event: 'ANSWER', fromLane: 'helpdesk', toLane: 'bidang', spentWorkingMinutes: 60 });
  });

  it('refuses a lane the step does not coordinate with, a second question, and an answer nobody asked for', () => {
    expect(() => consult(compiled, calendar, atBidang(), 'ppid', filed)).toThrow(/coordinates with "helpdesk", not "ppid"/);
    const asked = consult(compiled, calendar, atBidang(), 'helpdesk', filed).state;
    expect(() => consult(compiled, calendar, asked, 'helpdesk', filed)).toThrow(EventNotAllowedError);
    expect(() => answerConsultation(compiled, calendar, atBidang(), filed)).toThrow(/nothing to answer/);
  });

  it('ends the coordination when the case moves on', () => {
    const asked = consult(compiled, calendar, atBidang(), 'helpdesk', filed).state;
    expect(applyEvent(compiled, calendar, asked, { type: 'CHOOSE', outcome: 'selesai' }, new Date('2026-11-24T03:00:00Z')).state.consulting).toBeNull();
  });
});

describe('a scheduled wait', () => {
  it("waits until the date set, then counts the step's Waktu again from there", () => {
    const at = atBidang();
    const until = new Date('2026-12-01T02:00:00Z'); // Tuesday 1 December, 09:00 WIB
    const waiting = scheduleWait(compiled, calendar, at, until, new Date('2026-11-23T05:00:00Z'));
    expect(waiting.state).toMatchObject({ waitingUntil: until, dueAt: until, deadlinePending: true });
    expect(waiting.entry).toMatchObject({ event: 'SCHEDULE', scheduledFor: until });
    // a holiday list loaded meanwhile does not move the officer's date
    expect(recomputeDeadline(compiled, waiting.state, calendar).dueAt).toEqual(until);
    const back = resumeWait(compiled, calendar, waiting.state, until);
    expect(back.entry).toMatchObject({ event: 'RESUME', dueAt: until });
    // 3 hari kerja from Tuesday 1 December: the close of Friday 4 December (16.30 WIB on a Friday)
    expect(back.state).toMatchObject({ waitingUntil: null, stepEnteredAt: until, dueAt: new Date('2026-12-04T09:30:00Z') });
  });

  it('refuses a date in the past and a step that schedules nothing', () => {
    expect(() => scheduleWait(compiled, calendar, atBidang(), filed, new Date('2026-11-24T00:00:00Z'))).toThrow(/in the future/);
    const { state } = startCase(compiled, calendar, filed);
    expect(() => scheduleWait(compiled, calendar, state, new Date('2026-12-01T00:00:00Z'), filed)).toThrow(/does not wait for a scheduled date/);
  });

  it('survives the machine being stored and restored', () => {
    const restored = restoreCompiledSop('contoh', JSON.parse(JSON.stringify(storeCompiledSop(compiled))));
    expect(unitFor(restored.steps['bidang-tindak'], { bidang: 'Pencatatan Sipil' })).toBe('capil');
    expect(restored.steps['bidang-tindak'].coordination).toEqual([{ lane: 'helpdesk', laneName: 'Helpdesk', label: 'Koordinasi dengan Helpdesk' }]);
  });
});
