import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileSop,
  intakeLaneFor,
  intakeLanesOf,
  OPEN311_CHANNEL,
  restoreCompiledSop,
  startFor,
  storeCompiledSop,
  type CompiledFlow,
  type SopEvent,
} from '@sop/compiler';
import { validateSop } from '@sop/model';
import { applyEvent, allowedEventsOf, createSopCalendar, startCase, type CaseState } from './index';
import { loadSeed } from '../../sop-model/src/__fixtures__/seeds';

const text = readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/valid/two-ways-in.yaml'), 'utf8');
const { sop } = validateSop(text);
const compiled = compileSop(sop!, { id: 'contoh' });
const calendar = createSopCalendar(sop!);
const filed = new Date('2026-11-23T02:00:00Z'); // Monday 09:00 WIB

/** Every step a case can reach from `state`, trying every event each step allows (and EXPIRE). */
function everyStepReachable(flow: CompiledFlow, first: CaseState): Set<string> {
  const seen = new Set([first.step]);
  const queue = [first];
  while (queue.length) {
    const state = queue.pop()!;
    const events: SopEvent[] = allowedEventsOf(flow, state).map(
      (e) => (e.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: e.outcome! } : { type: e.type }) as SopEvent,
    );
    if (flow.steps[state.step].onTimeout) events.push({ type: 'EXPIRE' });
    for (const event of events) {
      const next = applyEvent(flow, calendar, state, event, filed).state;
      if (!seen.has(next.step)) {
        seen.add(next.step);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('several ways in (two-ways-in.yaml)', () => {
  it('the machine has every start as a state; its initial is the first start', () => {
    expect(compiled.config.initial).toBe('aduan-online');
    expect(compiled.steps['aduan-langsung'].channels).toEqual(['tatap-muka']);
    expect(compiled.steps['aduan-online'].channels).toEqual(['web', 'website', 'email', 'lapor']);
  });

  it('picks the start of the channel; the public form goes to the start that lists web', () => {
    expect(['website', 'email', 'lapor', 'web', null].map((c) => startFor(compiled, c))).toEqual(Array(5).fill('aduan-online'));
    expect(startFor(compiled, 'tatap-muka')).toBe('aduan-langsung');
    expect(() => startFor(compiled, 'fax')).toThrow('channel "fax" is served by no start');
    expect(intakeLaneFor(compiled, 'lapor')).toBe('admin');
    expect(intakeLaneFor(compiled, 'tatap-muka')).toBe('fo');
    expect(intakeLanesOf(compiled)).toEqual(['admin', 'fo']);
  });

  it('an Open311 request begins where the public form does, at the desk of the web path', () => {
    expect(startFor(compiled, OPEN311_CHANNEL)).toBe('aduan-online');
    expect(intakeLaneFor(compiled, OPEN311_CHANNEL)).toBe('admin');
    const walkInFirst = compileSop(validateSop(text.replace('channels: [web, website, email, lapor]', 'channels: [website, email, lapor]')).sop!, {
      id: 'contoh',
    });
    // no start lists web: the public form and Open311 both begin at the first start
    expect(startFor(walkInFirst, OPEN311_CHANNEL)).toBe(startFor(walkInFirst, 'web'));
  });

  it('a case filed on LAPOR! opens at the online desk; one filed in the complaints room at the walk-in desk', () => {
    expect(startCase(compiled, calendar, filed, 'lapor')).toMatchObject({
      state: { step: 'admin-verifikasi', lane: 'admin' },
      entry: { event: 'START', fromStep: 'aduan-online' },
    });
    const walkIn = startCase(compiled, calendar, filed, 'tatap-muka');
    expect(walkIn).toMatchObject({
      state: { step: 'fo-catat', lane: 'fo', status: 'open' },
      entry: { event: 'START', fromStep: 'aduan-langsung', toStep: 'fo-catat' },
    });
  });

  it('no event ever moves a walk-in case into the online first steps, nor an online case to the walk-in desk', () => {
    expect([...everyStepReachable(compiled, startCase(compiled, calendar, filed, 'tatap-muka').state)].sort()).toEqual(['fo-catat', 'kasi-periksa', 'selesai']);
    expect([...everyStepReachable(compiled, startCase(compiled, calendar, filed, 'email').state)].sort()).toEqual([
      'admin-verifikasi',
      'kasi-periksa',
      'selesai',
    ]);
  });

  it('a stored machine keeps the channels of its starts', () => {
    const restored = restoreCompiledSop('contoh', JSON.parse(JSON.stringify(storeCompiledSop(compiled))));
    expect(startCase(restored, calendar, filed, 'tatap-muka').state.step).toBe('fo-catat');
  });

  it('a flow with one start serves every channel, as before', () => {
    const metro = compileSop(loadSeed('metro'), { id: 'metro' });
    expect(startFor(metro, 'surat')).toBe('laporan');
    expect(metro.steps.laporan.channels).toBeUndefined();
    expect(startCase(metro, createSopCalendar(loadSeed('metro')), filed, 'surat').state.step).toBe('petugas-periksa');
  });
});
