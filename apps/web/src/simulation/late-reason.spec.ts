import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSopCalendar } from '@sop/case-engine';
import { compileSop } from '@sop/compiler';
import { validateSop } from '@sop/model';
import type { MessageKey, Translate } from '../i18n';
import { formatWorkingMinutes, lateReason, limitRule } from './format';
import { simulationMessagesEn, simulationMessagesId } from './messages';
import { advanceClock, DAY, startSimulation } from './simulation';

// The kartu kendali says why a line is late: "13 jam 30 menit / 1 hari" marked Terlambat reads as
// a mistake unless the reader learns that "1 hari" is a calendar day to the close of the next date.
const metro = validateSop(readFileSync(join(__dirname, '../../../../sops/metro.yaml'), 'utf8')).sop!;
const compiled = compileSop(metro, { id: 'metro' });
const calendar = createSopCalendar(metro);
const flow = compiled;

const UNITS: Record<string, string> = { unitDay: '{n} hari', unitHour: '{n} jam', unitMinute: '{n} menit' };
const UNITS_EN: Record<string, string> = { unitDay: '{n} day(s)', unitHour: '{n} hour(s)', unitMinute: '{n} minute(s)' };
const translator =
  (words: Record<string, string>): Translate =>
  (key: MessageKey, params = {}) =>
    (words[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
const t = translator({ ...simulationMessagesId, ...UNITS });
const en = translator({ ...simulationMessagesEn, ...UNITS_EN });

describe('why a kartu kendali line is late', () => {
  it('explains "1 hari" as a calendar day, gives the deadline and how far past it the line was written', () => {
    // Monday 23 November 2026, 09:00 WIB: received at the first step with a Waktu of "1 hari"
    const start = new Date('2026-11-23T02:00:00Z');
    let sim = startSimulation(flow, calendar, start);
    sim = advanceClock(flow, calendar, sim, new Date(start.getTime() + 3 * DAY));
    const late = sim.kartu.find((e) => e.overLimit)!;
    expect(late.event).toBe('EXPIRE');
    const meta = flow.steps[late.fromStep!];
    expect(meta.timeLimit).toMatchObject({ amount: 1, unit: 'day' });
    // the working time spent is more than a 7.5-hour working day, yet the line is late only by its deadline
    expect(formatWorkingMinutes(late.spentWorkingMinutes!, t)).toBe('13 jam 30 menit');
    const reason = lateReason(late, meta.timeLimit, calendar.timeZone, 'id', t)!;
    expect(reason).toContain('"1 hari" adalah waktu kalender, bukan jam kerja');
    expect(reason).toContain('Batas Sel, 24 Nov 2026, 16.00; tercatat Sel, 24 Nov 2026, 16.01 → terlambat 1 menit.');
    expect(lateReason(late, meta.timeLimit, calendar.timeZone, 'en', en)).toContain(
      'Deadline Tue, 24 Nov 2026, 16:00; recorded Tue, 24 Nov 2026, 16:01 → late by 1 minute(s).',
    );
  });

  it('says nothing for a line on time', () => {
    const start = new Date('2026-11-23T02:00:00Z');
    const sim = startSimulation(flow, calendar, start);
    expect(lateReason(sim.kartu[0], null, calendar.timeZone, 'id', t)).toBeNull();
  });

  it('counts late time on the wall clock, in days, hours and minutes', () => {
    const due = new Date('2026-11-24T09:00:00Z');
    const entry = { overLimit: true, dueAt: due, handedOverAt: new Date(due.getTime() + DAY + 2 * 3_600_000 + 5 * 60_000) };
    expect(lateReason(entry, null, 'Asia/Jakarta', 'id', t)).toBe(
      'Batas Sel, 24 Nov 2026, 16.00; tercatat Rab, 25 Nov 2026, 18.05 → terlambat 1 hari 2 jam 5 menit.',
    );
  });

  it('words each way of counting a Waktu (ADR 0001)', () => {
    expect(limitRule({ amount: 30, unit: 'minute', basis: 'working', text: '30 Menit' }, t)).toContain('dihitung dalam jam kerja kantor');
    expect(limitRule({ amount: 3, unit: 'workingDay', basis: 'working', text: '3 hari kerja' }, t)).toBe(
      '"3 hari kerja" dihitung sejak hari kerja berikutnya: batasnya akhir jam kerja hari kerja ke-3.',
    );
    expect(limitRule({ amount: 1, unit: 'month', basis: 'calendar', text: '1 Bulan' }, t)).toContain('waktu kalender');
  });
});
