import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { type Step } from '@sop/model';
import { BpmnReadError, exportBpmn, importBpmn, timerOf, waktuOfIso } from './index';
import { loadFixture, loadSeed, seedIds } from '../../sop-model/src/__fixtures__/seeds';

const SEEDS = seedIds();
const CONSTRUCTS = ['two-ways-in', 'citizen-confirms', 'coordination-and-units', 'referral'];
const camunda = readFileSync(join(__dirname, '__fixtures__/camunda-modeler.bpmn'), 'utf8');

const seed = loadSeed;
const construct = (id: string) => loadFixture(`valid/${id}.yaml`);

// The parsed file, walked loosely: what a BPMN reader sees.
interface Node {
  $type: string;
  $attrs: Record<string, string>;
  id: string;
  name?: string;
  [key: string]: unknown;
}
async function parse(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  const defs = rootElement as unknown as { rootElements: Node[]; diagrams: { plane: { planeElement: Node[] } }[] };
  const process = defs.rootElements.find((r) => r.$type === 'bpmn:Process') as Node & {
    flowElements: Node[];
    laneSets: { lanes: Node[] }[];
    artifacts?: Node[];
  };
  const collaboration = defs.rootElements.find((r) => r.$type === 'bpmn:Collaboration') as Node & { participants: Node[] };
  return { warnings, defs, process, collaboration, plane: defs.diagrams[0].plane.planeElement };
}

/** What a round trip must keep of each step. */
function essentials(step: Step) {
  const n = <T>(v: T | null | undefined) => v ?? null;
  return {
    id: step.id,
    kind: step.kind,
    lane: step.lane,
    number: n(step.number),
    label: n(step.label),
    activity: n(step.activity),
    kelengkapan: n(step.kelengkapan),
    waktu: n(step.waktu),
    output: n(step.output),
    next: n(step.next),
    outcomes: (step.outcomes ?? []).map((o) => ({ id: o.id, label: o.label, to: o.to, kind: n(o.kind), when: n(o.when), document: n(o.document) })),
    onTimeout: step.onTimeout && (step.onTimeout.action !== 'flag' || step.onTimeout.provenance) ? step.onTimeout : null,
    escalation: step.escalation ? { to: step.escalation.to, label: n(step.escalation.label) } : null,
    rejection: step.rejection ? { to: step.rejection.to, label: n(step.rejection.label) } : null,
    channels: n(step.channels),
    coordination: n(step.coordination),
    schedule: n(step.schedule),
    routeBy: n(step.routeBy),
  };
}

describe('exportBpmn', () => {
  it.each(SEEDS)(
    'writes %s as BPMN 2.0 that bpmn-moddle reads without a warning: one participant, a lane per Pelaksana, user tasks of their lane',
    async (id) => {
      const sop = seed(id);
      const { xml } = await exportBpmn(sop, { id });
      const { warnings, collaboration, process, plane } = await parse(xml);
      expect(warnings).toEqual([]);
      expect(collaboration.participants).toHaveLength(1);
      expect(process.laneSets[0].lanes.map((l) => l.$attrs['sop:id'])).toEqual(sop.lanes.map((l) => l.id));
      const tasks = process.flowElements.filter((e) => e.$type === 'bpmn:UserTask');
      expect(tasks.map((t) => t.$attrs['sop:id'])).toEqual(sop.steps.filter((s) => s.kind === 'task' || s.kind === 'decision').map((s) => s.id));
      for (const task of tasks) {
        const step = sop.steps.find((s) => s.id === task.$attrs['sop:id'])!;
        const owner = (task.resources as Node[])[0] as Node & { resourceAssignmentExpression: { expression: { body: string } } };
        expect(owner.$type).toBe('bpmn:PotentialOwner');
        expect(owner.resourceAssignmentExpression.expression.body).toBe(step.lane);
      }
      // every element is drawn: shapes for the nodes, lanes and participant, edges for the flows
      const drawn = new Set(plane.map((p) => (p.bpmnElement as Node).id));
      for (const e of [...process.flowElements, ...process.laneSets[0].lanes, ...(process.artifacts ?? [])]) expect(drawn).toContain(e.id);
      // vertical lanes, as our SOP-AP table has its Pelaksana columns
      const laneShapes = plane.filter((p) => (p.bpmnElement as Node).$type === 'bpmn:Lane');
      expect(laneShapes.every((s) => s.isHorizontal === false)).toBe(true);
    },
  );

  it('gives each known Waktu a timer boundary event with an ISO 8601 duration, and keeps "hari kerja" in documentation and sop:basis', async () => {
    const sop = seed('brebes');
    const { process } = await parse((await exportBpmn(sop, { id: 'brebes' })).xml);
    const timers = process.flowElements.filter((e) => e.$type === 'bpmn:BoundaryEvent' && e.id.startsWith('Timer_'));
    const timed = sop.steps.filter((s) => (s.kind === 'task' || s.kind === 'decision') && timerOf(s.waktu));
    expect(timers.map((t) => (t.attachedToRef as Node).$attrs['sop:id'])).toEqual(timed.map((s) => s.id));
    const working = timers.find((t) => t.$attrs['sop:waktu'] === '3 hari kerja')!;
    expect(working.$attrs['sop:basis']).toBe('working-days');
    const def = (working.eventDefinitions as Node[])[0] as Node & { timeDuration: { body: string } };
    expect(def.$type).toBe('bpmn:TimerEventDefinition');
    expect(def.timeDuration.body).toBe('P3D');
    expect((working.documentation as { text: string }[])[0].text).toMatch(/"hari kerja" counts 3 working days on the office calendar/);
    const pekanbaru = await parse((await exportBpmn(seed('pekanbaru'), { id: 'pekanbaru' })).xml);
    const minutes = pekanbaru.process.flowElements.find((t) => t.id.startsWith('Timer_') && /menit/i.test(t.$attrs['sop:waktu']))!;
    expect(((minutes.eventDefinitions as Node[])[0] as Node & { timeDuration: { body: string } }).timeDuration.body).toMatch(/^PT\d+M$/);
    expect(minutes.$attrs['sop:basis']).toBe('working-time');
  });

  it("draws Metro's decisions as a user task and an exclusive gateway with named flows, escalation marked, and a passed Waktu escalating", async () => {
    const { process } = await parse((await exportBpmn(seed('metro'), { id: 'metro' })).xml);
    const byId = new Map(process.flowElements.map((e) => [e.id, e]));
    const gateway = byId.get('Gateway_kasi-periksa')!;
    expect(gateway.$type).toBe('bpmn:ExclusiveGateway');
    const outs = process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow' && e.sourceRef === gateway);
    expect(outs.map((f) => [f.name, (f.targetRef as Node).id, f.$attrs['sop:kind']])).toEqual([
      ['Selesai', 'Step_penyelesaian', undefined],
      ['Tidak terselesaikan', 'Step_kabid-periksa', 'escalation'],
    ]);
    const rejection = process.flowElements.find((e) => e.id === 'Flow_petugas-periksa_ditolak')!;
    expect(rejection.$attrs['sop:kind']).toBe('rejection');
    const timer = byId.get('Timer_kasi-periksa')!;
    expect(timer.cancelActivity).toBe(true);
    const timeout = process.flowElements.find((e) => e.$type === 'bpmn:SequenceFlow' && e.sourceRef === timer)!;
    expect((timeout.targetRef as Node).id).toBe('Step_kabid-periksa');
    // the first row's timer only marks the case overdue: non-interrupting, no flow
    const flagged = byId.get('Timer_petugas-periksa')!;
    expect(flagged.cancelActivity).toBe(false);
    expect(process.flowElements.some((e) => e.$type === 'bpmn:SequenceFlow' && e.sourceRef === flagged)).toBe(false);
  });

  it("writes several starts with their channels, the citizen's steps, coordination as annotations and scheduled waits in our attributes", async () => {
    const starts = await parse((await exportBpmn(construct('two-ways-in'), { id: 'dua' })).xml);
    expect(starts.warnings).toEqual([]);
    const events = starts.process.flowElements.filter((e) => e.$type === 'bpmn:StartEvent');
    expect(events.map((e) => JSON.parse(e.$attrs['sop:channels']) as string[])).toEqual([['web', 'website', 'email', 'lapor'], ['tatap-muka']]);
    const citizen = await parse((await exportBpmn(construct('citizen-confirms'), { id: 'warga' })).xml);
    expect(citizen.warnings).toEqual([]);
    expect(citizen.process.flowElements.some((e) => e.$type === 'bpmn:UserTask' && e.$attrs['sop:citizen'] === 'true')).toBe(true);
    const coordination = await parse((await exportBpmn(construct('coordination-and-units'), { id: 'koordinasi' })).xml);
    expect(coordination.warnings).toEqual([]);
    const annotation = coordination.process.artifacts!.find((a) => a.$type === 'bpmn:TextAnnotation')!;
    expect(annotation.$attrs['sop:coordinationLane']).toBeDefined();
    expect(coordination.process.flowElements.some((e) => 'sop:schedule' in e.$attrs)).toBe(true);
  });
});

describe('importBpmn', () => {
  it.each([...SEEDS.map((id) => ['seed', id]), ...CONSTRUCTS.map((id) => ['construct', id])])(
    'keeps the lanes, steps, outcomes and time limits of %s %s through export and import, and the draft validates',
    async (kind, id) => {
      const sop = kind === 'seed' ? seed(id) : construct(id);
      const { xml } = await exportBpmn(sop, { id });
      const back = await importBpmn(xml);
      expect(back.validation.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const draft = back.validation.sop!;
      expect(draft.lanes.map((l) => ({ id: l.id, name: l.name, role: l.role }))).toEqual(sop.lanes.map((l) => ({ id: l.id, name: l.name, role: l.role })));
      expect(draft.steps.map(essentials)).toEqual(sop.steps.map(essentials));
      expect(draft.identity).toEqual(sop.identity);
      expect(draft.calendar).toEqual(sop.calendar);
      expect(back.notes).toEqual([]);
    },
  );

  const identity = {
    government: 'PEMERINTAH KABUPATEN CONTOH',
    regency: 'Kabupaten Contoh',
    office: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
    timeZone: 'Asia/Jakarta',
  } as const;

  it("drafts a valid SOP from a file drawn in Camunda Modeler: lanes, steps, the gateway's outcomes, the timer", async () => {
    const { validation, yaml } = await importBpmn(camunda, identity);
    expect(validation.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const sop = validation.sop!;
    expect(sop.lanes.map((l) => [l.id, l.role])).toEqual([
      ['petugas-front-office', 'other'],
      ['kepala-seksi', 'kasi'],
    ]);
    expect(sop.steps.map((s) => [s.id, s.kind, s.lane])).toEqual([
      ['pengaduan-masuk', 'start', 'petugas-front-office'],
      ['terima-dan-catat-pengaduan', 'task', 'petugas-front-office'],
      ['verifikasi-berkas', 'decision', 'petugas-front-office'],
      ['tindak-lanjut-pengaduan', 'task', 'kepala-seksi'],
      ['ditolak', 'end', 'petugas-front-office'],
      ['selesai', 'end', 'kepala-seksi'],
    ]);
    const verify = sop.steps[2];
    expect(verify.outcomes!.map((o) => [o.label, o.to, o.kind ?? null])).toEqual([
      ['Lengkap', 'tindak-lanjut-pengaduan', null],
      ['Ditolak', 'ditolak', 'rejection'],
    ]);
    expect(verify.waktu).toBe('3 hari');
    expect(verify.onTimeout).toEqual({ action: 'choose', outcome: 'lengkap' });
    // what BPMN does not say stays unknown, and says so
    expect(sop.steps[1].activity).toBe('Petugas menerima pengaduan dan mencatatnya di buku pengaduan');
    expect(sop.steps[1].output).toBeNull();
    expect(sop.steps[1].waktu).toBeNull();
    expect(sop.steps[1].number).toBeNull();
    expect(yaml).toMatch(/output: null # not mapped: BPMN has no Output/);
    expect(yaml).toMatch(/waktu: 3 hari # inferred: Waktu 3 hari from the timer's P3D/);
    expect(yaml).toMatch(/role: kasi # inferred: the role kasi is recognised from the lane's name/);
  });

  it('without the identity, names exactly what remains to fill, and lists what it could not map', async () => {
    const { validation, notes, yaml } = await importBpmn(camunda);
    expect(validation.issues.filter((i) => i.severity === 'error').map((i) => i.pointer)).toEqual([
      '/identity/government',
      '/identity/regency',
      '/identity/office',
      '/calendar/timeZone',
    ]);
    expect(yaml).toMatch(/government: null # not mapped: BPMN does not name the government/);
    expect(notes).toContainEqual({ kind: 'not mapped', element: 'TextAnnotation_0note', message: 'the annotation "Lihat Maklumat Pelayanan" is not kept' });
  });

  it('reads timers drawn elsewhere as our Waktu, never guessing hari kerja', () => {
    expect(waktuOfIso('PT5M')).toBe('5 menit');
    expect(waktuOfIso('PT1H30M')).toBe('90 menit');
    expect(waktuOfIso('PT2H')).toBe('2 jam');
    expect(waktuOfIso('P3D')).toBe('3 hari');
    expect(waktuOfIso('P1W')).toBe('1 minggu');
    expect(waktuOfIso('P1M')).toBe('1 bulan');
    expect(waktuOfIso('P1Y2M')).toBeNull();
    expect(waktuOfIso('R3/PT10M')).toBeNull();
    expect(waktuOfIso('${batas}')).toBeNull();
  });

  it('refuses what is not a BPMN file with a clear message', async () => {
    await expect(importBpmn('not xml at all <')).rejects.toThrow(BpmnReadError);
    await expect(importBpmn('<?xml version="1.0"?><html><body/></html>')).rejects.toThrow(/not a BPMN 2.0 file/);
    await expect(
      importBpmn(
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="p"/></bpmn:definitions>',
      ),
    ).rejects.toThrow('the file has no process with tasks or events: nothing to import');
  });
});
