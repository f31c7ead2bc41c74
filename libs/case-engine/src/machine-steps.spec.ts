import { compileSop, type SopEvent } from '@sop/compiler';
import { transition } from 'xstate';
import { allowedEventsOf, applyEvent, createSopCalendar, EventNotAllowedError, startCase, type CaseState } from './index';
import { loadSeed, seedIds } from '../../sop-model/src/__fixtures__/seeds';
import { seededRandom } from '../../sop-model/src/__fixtures__/random';

describe("the machine's answers are remembered: each event moves a case as XState itself moves it", () => {
  it.each(seedIds())('%s: random walks of accepted, expiring and refused events', (id) => {
    const sop = loadSeed(id);
    const compiled = compileSop(sop, { id });
    const calendar = createSopCalendar(sop);
    const next = seededRandom(id.length * 7919);
    let now = new Date('2026-11-23T02:00:00Z');
    let moves = 0;
    for (let walk = 0; walk < 30; walk++) {
      let { state } = startCase(compiled, calendar, now);
      for (let i = 0; i < 40 && state.status === 'open'; i++) {
        now = new Date(now.getTime() + 3_600_000);
        const offered: SopEvent[] = allowedEventsOf(compiled, state).map(
          (e) => (e.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: e.outcome } : { type: e.type }) as SopEvent,
        );
        const choices: SopEvent[] = [...offered, { type: 'EXPIRE' }, { type: 'CHOOSE', outcome: 'tidak-ada' }];
        const event = choices[Math.floor(next() * choices.length)];
        // what XState answers, asked directly
        const snapshot = compiled.machine.resolveState({ value: state.snapshot.value, context: state.snapshot.context });
        const accepted = snapshot.can(event) && !(event.type === 'EXPIRE' && !compiled.steps[state.step].onTimeout);
        let moved: { state: CaseState } | undefined;
        try {
          moved = applyEvent(compiled, calendar, state, event, now);
        } catch (e) {
          expect(e).toBeInstanceOf(EventNotAllowedError);
        }
        expect(moved !== undefined).toBe(accepted);
        if (!moved) continue;
        const [direct] = transition(compiled.machine, snapshot, event);
        expect(moved.state.snapshot).toEqual({ value: direct.value, context: direct.context });
        expect(moved.state.status === 'done').toBe(direct.status === 'done');
        state = moved.state;
        moves++;
      }
    }
    // the walks reached well past the first step
    expect(moves).toBeGreaterThan(60);
  });

  it('the context the cases share cannot be changed by one of them', () => {
    const sop = loadSeed('metro');
    const compiled = compileSop(sop, { id: 'metro' });
    const calendar = createSopCalendar(sop);
    let { state } = startCase(compiled, calendar, new Date('2026-11-23T02:00:00Z'));
    ({ state } = applyEvent(compiled, calendar, state, { type: 'CHOOSE', outcome: 'diterima' }, new Date('2026-11-23T03:00:00Z')));
    ({ state } = applyEvent(compiled, calendar, state, { type: 'ESCALATE' }, new Date('2026-11-23T04:00:00Z')));
    const expired = applyEvent(compiled, calendar, state, { type: 'EXPIRE' }, new Date('2026-11-25T02:00:00Z'));
    const again = applyEvent(compiled, calendar, state, { type: 'EXPIRE' }, new Date('2026-11-26T02:00:00Z'));
    expect(again.state.snapshot.context).toBe(expired.state.snapshot.context);
    expect(() => expired.state.snapshot.context.overdue.push('x')).toThrow(/not extensible|read.only|frozen/);
    expect(again.state.snapshot.context.overdue).toEqual(['kasi-periksa']);
    // a state the caller made (read from its database row) is left as it was given: not frozen, not shared
    const mine: CaseState = { ...state, snapshot: { value: state.snapshot.value, context: { overdue: [] } } };
    const moved = applyEvent(compiled, calendar, mine, { type: 'CHOOSE', outcome: 'selesai' }, new Date('2026-11-23T05:00:00Z'));
    expect(moved.state.snapshot.context).not.toBe(mine.snapshot.context);
    expect(Object.isFrozen(mine.snapshot.context)).toBe(false);
    expect(Object.isFrozen(mine.snapshot.context.overdue)).toBe(false);
  });
});
