import { join } from 'node:path';
import { getSimplePaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { compileSop, createSopMachine, type CompiledFlow, type SopEvent } from './index';
import { expectGoldenJson } from '../../sop-model/src/__fixtures__/golden';
import { loadFixture, loadSeed, seedSops } from '../../sop-model/src/__fixtures__/seeds';

/** Every event a flow's states can take, with each decision outcome spelled out. */
function eventsOf(flow: CompiledFlow): SopEvent[] {
  const events: SopEvent[] = [{ type: 'COMPLETE' }, { type: 'ESCALATE' }, { type: 'REJECT' }, { type: 'EXPIRE' }];
  const outcomes = new Set(Object.values(flow.steps).flatMap((s) => s.events.filter((e) => e.outcome).map((e) => e.outcome!)));
  for (const outcome of outcomes) events.push({ type: 'CHOOSE', outcome });
  return events;
}

function pathsToFinal(flow: CompiledFlow) {
  return getSimplePaths(flow.machine, {
    events: eventsOf(flow),
    serializeState: (s) => JSON.stringify([s.value, [...(s.context as { overdue: string[] }).overdue].sort()]),
  }).filter((p) => p.state.status === 'done');
}

const sops = seedSops();

describe.each(sops)('compiled SOP %s', (id, sop) => {
  const compiled = compileSop(sop, { id });

  it(`is the machine checked in as __golden__/${id}.machine.json (UPDATE_GOLDEN=1 rewrites it)`, () => {
    const periodic = Object.fromEntries(Object.entries(compiled.periodic).map(([key, flow]) => [key, { id: flow.id, config: flow.config }]));
    expectGoldenJson(join(__dirname, `../__golden__/${id}.machine.json`), { sopId: compiled.sopId, id: compiled.id, config: compiled.config, periodic });
  });
  const flows: [string, CompiledFlow][] = [['main', compiled], ...Object.entries(compiled.periodic)];

  it('has a state per step keyed by step id, with lane, time limit and output in meta', () => {
    for (const [, flow] of flows) {
      const stepIds = (flow === compiled ? sop.steps : sop.periodic!.find((p) => `${id}:${p.id}` === flow.id)!.steps).map((s) => s.id);
      expect(Object.keys(flow.config.states).sort()).toEqual([...stepIds].sort());
      for (const step of sop.steps.filter((s) => s.id in flow.config.states)) {
        const meta = flow.config.states[step.id].meta;
        expect(meta.lane).toBe(step.lane);
        expect(meta.waktu).toBe(step.waktu ?? null);
        expect(meta.output).toBe(step.output ?? null);
        expect(flow.config.states[step.id].type === 'final').toBe(step.kind === 'end');
      }
    }
  });

  it.each(flows.map(([name, flow]) => [name, flow] as const))('reaches every end of flow %s, and replaying each path lands there', (_name, flow) => {
    const paths = pathsToFinal(flow);
    const ends = Object.values(flow.steps)
      .filter((s) => s.kind === 'end')
      .map((s) => s.stepId)
      .sort();
    expect([...new Set(paths.map((p) => String(p.state.value)))].sort()).toEqual(ends);
    for (const path of paths) {
      const actor = createActor(flow.machine).start();
      for (const step of path.steps) actor.send(step.event as SopEvent);
      expect(actor.getSnapshot().status).toBe('done');
      expect(actor.getSnapshot().value).toBe(path.state.value);
    }
  });

  it('resumes from a snapshot taken mid-case after a JSON round trip', () => {
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'COMPLETE' });
    const middle = actor.getSnapshot().value as string;
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(createSopMachine(JSON.parse(JSON.stringify(compiled.config))), { snapshot: persisted }).start();
    expect(restored.getSnapshot().value).toBe(middle);
    const next = compiled.steps[middle].events[0];
    restored.send(next.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: next.outcome! } : { type: next.type });
    expect(restored.getSnapshot().value).toBe(next.target);
  });
});

describe('Metro escalation ladder', () => {
  const metro = loadSeed('metro');
  const compiled = compileSop(metro, { id: 'metro' });

  it('climbs from the technical team to the Kepala Dinas and ends in Selesai', () => {
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'COMPLETE' });
    actor.send({ type: 'CHOOSE', outcome: 'diterima' });
    const visited = [actor.getSnapshot().value];
    for (let i = 0; i < 4; i++) {
      actor.send({ type: 'ESCALATE' });
      visited.push(actor.getSnapshot().value);
    }
    expect(visited).toEqual(['tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa', 'kadis-periksa']);
    actor.send({ type: 'COMPLETE' });
    expect(actor.getSnapshot().value).toBe('penyelesaian');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('on EXPIRE marks the Kasi step overdue and hands the complaint to the Kabid', () => {
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'COMPLETE' });
    actor.send({ type: 'CHOOSE', outcome: 'diterima' });
    actor.send({ type: 'ESCALATE' });
    actor.send({ type: 'EXPIRE' });
    expect(actor.getSnapshot().value).toBe('kabid-periksa');
    expect(actor.getSnapshot().context.overdue).toEqual(['kasi-periksa']);
  });

  it('ignores an outcome the current decision does not have', () => {
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'COMPLETE' });
    actor.send({ type: 'CHOOSE', outcome: 'selesai' });
    expect(actor.getSnapshot().value).toBe('petugas-periksa');
  });

  it('keeps the Kepala Dinas step flagged, not moved, when its limit passes (top of the ladder)', () => {
    expect(compiled.steps['kadis-periksa'].onTimeout).toEqual({ action: 'flag', target: null });
    expect(compiled.steps['kasi-periksa'].timeLimit).toMatchObject({ amount: 1, unit: 'day' });
  });
});

describe('an SOP with open roles (libs/sop-model/src/__fixtures__/valid/open-roles.yaml)', () => {
  const compiled = compileSop(loadFixture('valid/open-roles.yaml'), { id: 'open-roles' });

  it("compiles, each step carrying its lane's role, and the SOP's words for a role of its own", () => {
    expect(compiled.steps['helpdesk-tangani']).toMatchObject({ lane: 'helpdesk', laneName: 'Helpdesk', role: 'helpdesk', roleDescription: null });
    expect(compiled.steps['ppid-jawab']).toMatchObject({ lane: 'ppid', role: 'ppid', roleDescription: null });
    expect(compiled.steps['pejabat-putuskan']).toMatchObject({ role: 'pejabat-berwenang' });
    expect(compiled.steps['inspektorat-tangani']).toMatchObject({
      lane: 'inspektorat',
      laneName: 'Inspektorat Daerah',
      role: 'other',
      roleDescription: 'Aparat pengawas internal pemerintah daerah yang menindaklanjuti pengaduan tentang perilaku pegawai',
    });
    expect(compiled.periodic['kajian-bulanan'].steps['kajian-risiko']).toMatchObject({
      role: 'other',
      roleDescription: 'Koordinator ISO sebagai pengelola risiko pelayanan',
    });
  });

  it('runs a request for information through the PPID to the answer', () => {
    const actor = createActor(compiled.machine).start();
    actor.send({ type: 'COMPLETE' });
    actor.send({ type: 'CHOOSE', outcome: 'informasi' });
    expect(actor.getSnapshot().value).toBe('ppid-jawab');
    actor.send({ type: 'COMPLETE' });
    actor.send({ type: 'COMPLETE' });
    expect(actor.getSnapshot().status).toBe('done');
  });
});
