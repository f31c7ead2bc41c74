// bpmn-moddle ships no declaration of its class: ours are beside the sources
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
import { Document, isScalar, isNode } from 'yaml';
import {
  commonRoleNamed,
  LANE_ROLES,
  validateSop,
  type Lane,
  type LaneRole,
  type Outcome,
  type SopDocument,
  type SopValidation,
  type Step,
  type TimeoutRule,
} from '@sop/model';
import { waktuOfIso } from './iso-duration';
import { must } from './must';
import { EXPORTER, SOP_NAMESPACE } from './namespace';

/** What the person importing supplies that a BPMN file never holds (the SOP's identity and time zone). */
export interface BpmnImportOptions {
  government?: string;
  regency?: string;
  office?: string;
  timeZone?: SopDocument['calendar']['timeZone'];
}

/** A note about the import: a value inferred (not written in the BPMN file) or an element not mapped. */
export interface BpmnImportNote {
  kind: 'inferred' | 'not mapped';
  /** The BPMN element concerned (its id), or `definitions`. */
  element: string;
  message: string;
}

export interface BpmnImport {
  /** The draft SOP as YAML, with `# inferred:` and `# not mapped:` comments where the notes apply. */
  yaml: string;
  notes: BpmnImportNote[];
  /** The draft checked by the SOP loader and validator: its errors are what remains to fill in. */
  validation: SopValidation;
}

/** A BPMN file that cannot be read at all (not XML, not BPMN 2.0, no process). */
export class BpmnReadError extends Error {}

// The parts of the BPMN meta-model this import reads (bpmn-moddle's element instances).
interface El {
  $type: string;
  $attrs: Record<string, string>;
  id?: string;
  name?: string;
  documentation?: { text?: string }[];
}
interface FlowNode extends El {
  incoming?: SequenceFlow[];
  outgoing?: SequenceFlow[];
}
interface SequenceFlow extends El {
  sourceRef: FlowNode;
  targetRef: FlowNode;
  conditionExpression?: { body?: string };
}
interface BoundaryEvent extends FlowNode {
  attachedToRef?: FlowNode;
  cancelActivity?: boolean;
  eventDefinitions?: (El & { timeDuration?: { body?: string }; timeDate?: unknown; timeCycle?: unknown })[];
}
interface BpmnLane extends El {
  flowNodeRef?: FlowNode[];
  childLaneSet?: { lanes?: BpmnLane[] };
}
interface Process extends El {
  flowElements?: El[];
  laneSets?: { lanes?: BpmnLane[] }[];
  artifacts?: El[];
}
interface Association extends El {
  sourceRef?: El;
  targetRef?: El;
}
interface Definitions extends El {
  exporter?: string;
  rootElements?: El[];
}

const ACTIVITIES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
  'bpmn:Transaction',
  'bpmn:AdHocSubProcess',
]);
const GATEWAYS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:ComplexGateway', 'bpmn:EventBasedGateway']);
const PASS_THROUGH = new Set(['bpmn:IntermediateThrowEvent', 'bpmn:IntermediateCatchEvent']);
const TIME_ZONES = new Set(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
const ID = /^[a-z][a-z0-9-]*$/;

/** A valid SOP id from a name or a BPMN id: lower-case words joined by dashes, or null. */
function slug(text: string | undefined): string | null {
  if (!text) return null;
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s && ID.test(s) ? s : null;
}

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

// the type is what our export wrote there; a file edited by hand is checked by the SOP validator after
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

const docOf = (el: El) => {
  const text = (el.documentation ?? [])
    .map((d) => d.text ?? '')
    .join('\n')
    .trim();
  return text === '' ? null : text;
};

type Path = (string | number)[];
interface Mark {
  path: Path;
  kind: BpmnImportNote['kind'];
  text: string;
}

/**
 * A draft SOP from a BPMN 2.0 file: its lanes become lanes (roles recognised from their names),
 * start and end events, tasks and exclusive gateways become steps (a gateway right after a task makes
 * that task a decision with the gateway's named flows as outcomes), timer boundary events become the
 * Waktu and its onTimeout, escalation and error boundary events the escalation and rejection. Files we
 * exported carry our attributes (docs/bpmn.md) and come back with their flow whole (not the SOP-AP
 * sections, service standard or periodic procedures, which the export leaves out). Whatever the file does not say
 * stays unknown (null, with a `# not mapped:` comment); whatever is read from a guess is marked
 * `# inferred:`; the draft is checked by the SOP validator.
 *
 * @example
 * const { yaml, notes, validation } = await importBpmn(xml, { timeZone: 'Asia/Jakarta' });
 */
export async function importBpmn(xml: string, options: BpmnImportOptions = {}): Promise<BpmnImport> {
  const moddle = new BpmnModdle();
  let parsed;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (e) {
    throw new BpmnReadError(`not a BPMN 2.0 file: ${(e as Error).message.split('\n')[0]}`);
  }
  const definitions = parsed.rootElement as unknown as Definitions;
  if (definitions.$type !== 'bpmn:Definitions') throw new BpmnReadError(`not a BPMN 2.0 file: its root is ${definitions.$type}, not bpmn:definitions`);
  const notes: BpmnImportNote[] = [];
  const marks: Mark[] = [];
  const note = (kind: BpmnImportNote['kind'], element: El | string, message: string, path?: Path) => {
    notes.push({ kind, element: typeof element === 'string' ? element : (element.id ?? element.$type), message });
    if (path) marks.push({ path, kind, text: message });
  };
  for (const w of parsed.warnings.slice(0, 20))
    note('not mapped', 'definitions', `the file does not follow BPMN 2.0 here and this part is left out: ${w.message.split('\n')[0]}`);

  // our attributes, whatever prefix the file gives our namespace
  const prefix = Object.entries(definitions.$attrs)
    .find(([k, v]) => k.startsWith('xmlns:') && v === SOP_NAMESPACE)?.[0]
    .slice('xmlns:'.length);
  const ext = (el: El, name: string): string | undefined => (prefix ? el.$attrs[`${prefix}:${name}`] : undefined);
  const ours = definitions.exporter === EXPORTER && prefix !== undefined;

  const roots = definitions.rootElements ?? [];
  const processes = roots.filter((r): r is Process => r.$type === 'bpmn:Process');
  const participants = roots
    .filter((r) => r.$type === 'bpmn:Collaboration')
    .flatMap((c) => (c as El & { participants?: (El & { processRef?: Process })[] }).participants ?? []);
  const withFlow = (p: Process | undefined) => !!p && (p.flowElements ?? []).some((f) => f.$type !== 'bpmn:SequenceFlow');
  const participant = participants.find((p) => withFlow(p.processRef));
  const process = participant?.processRef ?? processes.find(withFlow);
  if (!process) throw new BpmnReadError('the file has no process with tasks or events: nothing to import');
  for (const p of [...participants.filter((p) => p !== participant).map((p) => p.processRef ?? p), ...processes.filter((p) => p !== process)]) {
    if (p.$type !== 'bpmn:Process' || withFlow(p))
      note('not mapped', p, `${p.name ? `"${p.name}"` : 'another participant'} is not imported: an SOP is one office's process (import its own file for it)`);
  }

  // ---- lanes
  const laneIds = new Set<string>();
  const lanes: Lane[] = [];
  const laneOfNode = new Map<El, string>();
  const leafLanes = (list: BpmnLane[] | undefined, nested: boolean): BpmnLane[] =>
    (list ?? []).flatMap((l) => {
      const children = l.childLaneSet?.lanes ?? [];
      if (children.length) {
        note('inferred', l, `lane "${l.name ?? l.id}" is divided into lanes: each of its inner lanes is a lane of the SOP`);
        return leafLanes(children, true);
      }
      return [Object.assign(l, { nested })];
    });
  const bpmnLanes = leafLanes(process.laneSets?.[0]?.lanes, false);
  if ((process.laneSets?.length ?? 0) > 1) note('not mapped', process, 'only the first lane set of the process is read');
  for (const [i, l] of bpmnLanes.entries()) {
    const path: Path = ['lanes', i];
    const own = ext(l, 'id');
    const fromBpmnId = /^Lane_([a-z][a-z0-9-]*)$/.exec(l.id ?? '')?.[1];
    const id = unique(own && ID.test(own) ? own : (fromBpmnId ?? slug(l.name) ?? `lane-${i + 1}`), laneIds);
    const name = ext(l, 'name') ?? l.name ?? null;
    const lane: Lane = { id, name: name ?? id, role: 'other' };
    if (name === null) note('not mapped', l, 'the lane has no name: its id stands for it; write the Pelaksana as the source names it', [...path, 'name']);
    const role = ext(l, 'role');
    if (role && (LANE_ROLES as readonly string[]).includes(role)) lane.role = role as LaneRole;
    else {
      const named = name ? commonRoleNamed(name) : undefined;
      if (named) {
        lane.role = named;
        note('inferred', l, `the role ${named} is recognised from the lane's name`, [...path, 'role']);
      } else {
        lane.role = 'other';
        lane.roleDescription = name ?? id;
        note('inferred', l, "no common role is recognised in the lane's name: role other, described by the name", [...path, 'role']);
      }
    }
    const description = ext(l, 'roleDescription');
    if (description && lane.role === 'other') lane.roleDescription = description;
    const unitField = ext(l, 'unitField');
    const units = parseJson<Lane['units']>(ext(l, 'units'));
    if (unitField) lane.unitField = unitField;
    if (units) lane.units = units;
    lanes.push(lane);
    for (const n of l.flowNodeRef ?? []) laneOfNode.set(n, id);
  }

  // ---- nodes and flows
  const elements = process.flowElements ?? [];
  const flows = elements.filter((e): e is SequenceFlow => e.$type === 'bpmn:SequenceFlow');
  const boundaries = elements.filter((e): e is BoundaryEvent => e.$type === 'bpmn:BoundaryEvent');
  const outgoing = new Map<El, SequenceFlow[]>();
  const incoming = new Map<El, SequenceFlow[]>();
  for (const f of flows) {
    outgoing.set(f.sourceRef, [...(outgoing.get(f.sourceRef) ?? []), f]);
    incoming.set(f.targetRef, [...(incoming.get(f.targetRef) ?? []), f]);
  }
  const outOf = (n: El) => outgoing.get(n) ?? [];
  const inOf = (n: El) => incoming.get(n) ?? [];

  // nodes that become no step: a flow through them goes on to what follows
  const dissolved = new Set<El>();
  for (const n of elements) {
    if (PASS_THROUGH.has(n.$type) && outOf(n).length === 1) {
      dissolved.add(n);
      const defs = (n as BoundaryEvent).eventDefinitions ?? [];
      note(
        'not mapped',
        n,
        `the ${n.$type === 'bpmn:IntermediateCatchEvent' ? 'intermediate event' : 'event'} ${n.name ? `"${n.name}" ` : ''}${defs.length ? `(${defs.map((d) => d.$type.replace('bpmn:', '')).join(', ')}) ` : ''}is not a step of an SOP: the flow goes straight on`,
      );
    } else if (GATEWAYS.has(n.$type) && outOf(n).length === 1) {
      dissolved.add(n);
      if (inOf(n).length > 1) note('inferred', n, 'a joining gateway: the flows into it go straight on to what follows');
      else note('inferred', n, 'a gateway with one way out: the flow goes straight on');
    }
  }
  const resolve = (n: FlowNode, seen = new Set<El>()): FlowNode => {
    if (!dissolved.has(n) || seen.has(n)) return n;
    seen.add(n);
    return resolve(outOf(n)[0].targetRef, seen);
  };

  // a gateway right after a task (its only way out) makes the task a decision
  const mergedGateway = new Map<El, El>();
  const absorbed = new Set<El>();
  for (const g of elements) {
    if (!GATEWAYS.has(g.$type) || dissolved.has(g) || outOf(g).length < 2 || inOf(g).length !== 1) continue;
    const before = inOf(g)[0].sourceRef;
    if (ACTIVITIES.has(before.$type) && outOf(before).length === 1) {
      mergedGateway.set(before, g);
      absorbed.add(g);
    }
  }

  const stepNodes = elements.filter(
    (e) =>
      !dissolved.has(e) &&
      !absorbed.has(e) &&
      (e.$type === 'bpmn:StartEvent' || e.$type === 'bpmn:EndEvent' || ACTIVITIES.has(e.$type) || GATEWAYS.has(e.$type) || PASS_THROUGH.has(e.$type)),
  );
  for (const e of elements) {
    if (e.$type === 'bpmn:SequenceFlow' || e.$type === 'bpmn:BoundaryEvent' || stepNodes.includes(e) || dissolved.has(e) || absorbed.has(e)) continue;
    note('not mapped', e, `${e.$type.replace('bpmn:', '')} ${e.name ? `"${e.name}" ` : ''}has no place in an SOP and is left out`);
  }

  // order: ours in the file's order (the rows); others along the flow from the starts, then the rest
  let ordered = stepNodes;
  if (!ours) {
    const seen = new Set<El>();
    const queue = stepNodes.filter((n) => n.$type === 'bpmn:StartEvent');
    const order: El[] = [];
    while (queue.length) {
      const n = queue.shift();
      if (!n || seen.has(n)) continue;
      seen.add(n);
      order.push(n);
      const gw = mergedGateway.get(n);
      for (const f of [...outOf(gw ?? n), ...boundaries.filter((b) => b.attachedToRef === n).flatMap(outOf)]) queue.push(resolve(f.targetRef));
    }
    ordered = [...order.filter((n) => stepNodes.includes(n)), ...stepNodes.filter((n) => !seen.has(n))];
  }

  // ids
  const stepIds = new Set<string>();
  const idOf = new Map<El, string>();
  for (const n of ordered) {
    const own = ext(n, 'id');
    const fromBpmnId = /^(?:Step|Gateway)_([a-z][a-z0-9-]*)$/.exec(n.id ?? '')?.[1];
    const base = own && ID.test(own) ? own : (fromBpmnId ?? slug(n.name) ?? slug(n.id) ?? 'langkah');
    idOf.set(n, unique(base, stepIds));
  }
  const hadLanes = lanes.length > 0;
  if (!hadLanes) {
    const name = participant?.name ?? process.name ?? null;
    const named = name ? commonRoleNamed(name) : undefined;
    lanes.push(
      named
        ? { id: 'pelaksana', name: name ?? 'Pelaksana', role: named }
        : { id: 'pelaksana', name: name ?? 'Pelaksana', role: 'other', roleDescription: name ?? 'Pelaksana' },
    );
    note('inferred', process, 'the process has no lanes: one lane "pelaksana" holds every step; divide it by Pelaksana as the source does', ['lanes', 0]);
  }

  const steps: Step[] = [];
  const stepIndex = new Map<El, number>();
  const target = (f: SequenceFlow) => idOf.get(resolve(f.targetRef));
  for (const n of ordered) {
    const i = steps.length;
    const path: Path = ['steps', i];
    const gw = mergedGateway.get(n);
    const outs = outOf(gw ?? n);
    const kind: Step['kind'] =
      n.$type === 'bpmn:StartEvent' ? 'start' : n.$type === 'bpmn:EndEvent' ? 'end' : gw || GATEWAYS.has(n.$type) || outs.length > 1 ? 'decision' : 'task';
    const ownKind = ext(n, 'kind');
    let lane = laneOfNode.get(n);
    if (!lane) {
      lane = lanes[0].id;
      if (hadLanes) note('inferred', n, `the element is in no lane: put in lane ${lane}`, [...path, 'lane']);
    }
    const step: Step = { id: must(idOf.get(n), 'a step id'), number: ext(n, 'number') ?? null, kind, lane, activity: null };
    if (ext(n, 'id') === undefined && i === 0)
      note('not mapped', 'definitions', 'BPMN has no step numbers (the No column): number is null for each step; write them as printed');
    const channels = parseJson<string[]>(ext(n, 'channels'));
    if (channels && kind === 'start') step.channels = channels;
    const label = ext(n, 'label');
    if (ext(n, 'id') !== undefined) step.label = label ?? null;
    else step.label = n.name ?? null;
    const documentation = docOf(n);
    if (documentation !== null) step.activity = documentation;
    else if (ext(n, 'id') === undefined && n.name && kind !== 'start' && kind !== 'end') {
      step.activity = n.name;
      note('inferred', n, "the Uraian Kegiatan is the element's name (it has no documentation)", [...path, 'activity']);
    }
    if (ownKind && ownKind !== kind) note('inferred', n, `marked ${ownKind} in our attributes, read as ${kind} from its flows`, [...path, 'kind']);
    if (n.$type !== 'bpmn:UserTask' && ACTIVITIES.has(n.$type))
      note('inferred', n, `a ${n.$type.replace('bpmn:', '')} is taken as a step worked by its lane`, [...path, 'kind']);
    if (GATEWAYS.has(n.$type)) {
      note('inferred', n, 'a gateway with no task before it: a decision of its lane', [...path, 'kind']);
      if (n.$type !== 'bpmn:ExclusiveGateway')
        note('not mapped', n, `a ${n.$type.replace('bpmn:', '')} may take several ways at once; an SOP decision takes one`, [...path, 'outcomes']);
    }
    if (PASS_THROUGH.has(n.$type)) note('inferred', n, 'an intermediate event where the flow divides: taken as a decision', [...path, 'kind']);
    // Mutu Baku
    if (kind === 'task' || kind === 'decision' || ext(n, 'id') !== undefined) {
      const kelengkapan = ext(n, 'kelengkapan');
      step.kelengkapan = kelengkapan !== undefined ? (parseJson<string | string[]>(kelengkapan) ?? kelengkapan) : null;
      step.waktu = ext(n, 'waktu') ?? null;
      step.output = ext(n, 'output') ?? null;
      const keterangan = ext(n, 'keterangan');
      if (keterangan !== undefined) step.keterangan = keterangan;
      if (ext(n, 'id') === undefined && (kind === 'task' || kind === 'decision')) {
        marks.push({ path: [...path, 'kelengkapan'], kind: 'not mapped', text: 'BPMN has no Kelengkapan: unknown, fill in from the source' });
        marks.push({ path: [...path, 'output'], kind: 'not mapped', text: 'BPMN has no Output: unknown, fill in from the source' });
      }
    }
    const provenance = parseJson<Step['provenance']>(ext(n, 'provenance'));
    if (provenance) step.provenance = provenance;
    const template = ext(n, 'template');
    if (template) step.template = template;
    const schedule = parseJson<Step['schedule']>(ext(n, 'schedule'));
    if (schedule) step.schedule = schedule;
    // ways out
    if (kind === 'decision') {
      const outcomeIds = new Set<string>();
      const routeBy = gw ? ext(gw, 'routeBy') : ext(n, 'routeBy');
      if (routeBy) step.routeBy = { field: routeBy };
      step.outcomes = outs.map((f, k): Outcome => {
        const to = target(f) ?? '';
        const own = ext(f, 'outcome');
        const id = unique(own && ID.test(own) ? own : (slug(f.name) ?? `jalan-${k + 1}`), outcomeIds);
        const outcome: Outcome = { id, label: f.name ?? '', to };
        const opath: Path = [...path, 'outcomes', k];
        if (!f.name) {
          const toNode = resolve(f.targetRef);
          outcome.label = toNode.name ?? to;
          outcome.provenance = { status: 'inferred', note: 'the BPMN flow has no name: labelled by the step it leads to' };
          note('inferred', f, 'the flow has no name: the outcome is labelled by the step it leads to', [...opath, 'label']);
        }
        const ownKindOf = ext(f, 'kind');
        if (ownKindOf === 'escalation' || ownKindOf === 'rejection' || ownKindOf === 'referral') outcome.kind = ownKindOf;
        else if (!ours && f.name && /\b(di)?tolak|\breject/i.test(f.name)) {
          outcome.kind = 'rejection';
          note('inferred', f, `"${f.name}" is taken as a rejection`, [...opath, 'kind']);
        }
        const when = parseJson<string[]>(ext(f, 'when'));
        if (when) outcome.when = when;
        const document = ext(f, 'document');
        if (document !== undefined) outcome.document = document;
        const prov = parseJson<Outcome['provenance']>(ext(f, 'provenance'));
        if (prov) outcome.provenance = prov;
        if (f.conditionExpression?.body)
          note('not mapped', f, `the condition "${f.conditionExpression.body.slice(0, 80)}" is not kept: the officer chooses the outcome`, [...opath, 'label']);
        if (!to) note('not mapped', f, 'the flow leads nowhere an SOP step is', [...opath, 'to']);
        return outcome;
      });
      if (!outs.length) note('not mapped', n, 'the decision has no way out', path);
    } else if (kind !== 'end') {
      const next = outs.length === 1 ? target(outs[0]) : undefined;
      if (next) step.next = next;
      else note('not mapped', n, 'the element has no way out: write where the case goes next', path);
    } else if (outs.length) note('not mapped', n, 'an end event with a way out: the flow after it is left out', path);
    steps.push(step);
    stepIndex.set(n, i);
  }

  // boundary events: the time limit and what its passing does; escalation and rejection
  for (const b of boundaries) {
    const host = b.attachedToRef;
    const i = host ? stepIndex.get(host) : undefined;
    if (host === undefined || i === undefined) {
      note('not mapped', b, 'a boundary event on no imported step is left out');
      continue;
    }
    const step = steps[i];
    const path: Path = ['steps', i];
    const def = b.eventDefinitions?.[0];
    const to = outOf(b)[0] ? target(outOf(b)[0]) : undefined;
    if (def?.$type === 'bpmn:TimerEventDefinition') {
      const iso = def.timeDuration?.body;
      const own = ext(b, 'waktu');
      const waktu = own ?? (iso ? waktuOfIso(iso) : null);
      if (!waktu) {
        note('not mapped', b, `the timer ${iso ? `"${iso}"` : '(a date or a cycle)'} is not a duration an SOP can write: Waktu is unknown`, [...path, 'waktu']);
        continue;
      }
      if (step.waktu && step.waktu !== waktu) note('not mapped', b, `a second time limit (${waktu}) on the step is left out`);
      else {
        step.waktu = waktu;
        if (!own)
          note('inferred', b, `Waktu ${waktu} from the timer's ${iso}: BPMN counts calendar time; write "hari kerja" if the office counts working days`, [
            ...path,
            'waktu',
          ]);
      }
      // our own steps say their rule themselves (below); a non-interrupting timer only marks the case overdue: the default
      if (ext(host, 'id') !== undefined || b.cancelActivity === false || !to) continue; // the case stays and is marked overdue: the default
      const outcome = step.outcomes?.find((o) => o.to === to);
      if (outcome) step.onTimeout = { action: 'choose', outcome: outcome.id };
      else if (to === step.next) step.onTimeout = { action: 'complete' };
      else {
        step.onTimeout = { action: 'escalate' };
        if (!step.escalation && !step.outcomes?.some((o) => o.kind === 'escalation')) step.escalation = { to, label: b.name ?? null };
      }
      note(
        'inferred',
        b,
        `when the time passes the case ${step.onTimeout.action === 'choose' ? `takes the outcome ${step.onTimeout.outcome}` : step.onTimeout.action === 'complete' ? 'goes on to the next step' : `is escalated to ${to}`} (the timer's flow)`,
        [...path, 'onTimeout'],
      );
    } else if (def?.$type === 'bpmn:EscalationEventDefinition' || def?.$type === 'bpmn:ErrorEventDefinition') {
      const which = def.$type === 'bpmn:EscalationEventDefinition' ? 'escalation' : 'rejection';
      if (!to) {
        note('not mapped', b, `the ${which} event leads nowhere`);
        continue;
      }
      const jump: NonNullable<Step['escalation']> = { to, label: b.name ?? null };
      const prov = parseJson<Outcome['provenance']>(ext(b, 'provenance'));
      if (prov) jump.provenance = prov;
      step[which] = jump;
      if (ext(b, 'kind') === undefined)
        note('inferred', b, `${which === 'escalation' ? 'an escalation' : 'an error'} event on the step: its ${which}`, [...path, which]);
    } else {
      note(
        'not mapped',
        b,
        `a ${def ? def.$type.replace('bpmn:', '').replace('EventDefinition', '') : 'plain'} boundary event has no place in an SOP and is left out`,
      );
    }
  }
  // timeout rules written by us on the step itself (flag, or a rule with its provenance)
  for (const n of ordered) {
    const i = must(stepIndex.get(n), 'a step index');
    const rule = parseJson<TimeoutRule>(ext(n, 'onTimeout'));
    const step = steps[i];
    if (rule && !step.onTimeout && (rule.action !== 'flag' || rule.provenance)) step.onTimeout = rule;
    if (step.waktu === null && ext(n, 'id') === undefined && (step.kind === 'task' || step.kind === 'decision'))
      marks.push({ path: ['steps', i, 'waktu'], kind: 'not mapped', text: 'no timer on the task: the Waktu is unknown, fill in from the source' });
  }

  // coordination: our annotations in the asked lane; other annotations are not mapped
  for (const a of process.artifacts ?? []) {
    if (a.$type !== 'bpmn:Association') continue;
    const assoc = a as Association;
    const annotation = assoc.targetRef;
    const lane = annotation ? ext(annotation, 'coordinationLane') : undefined;
    const i = assoc.sourceRef ? stepIndex.get(assoc.sourceRef) : undefined;
    if (annotation && lane && i !== undefined) {
      const label = ext(annotation, 'coordinationLabel');
      steps[i].coordination = [...(steps[i].coordination ?? []), label ? { lane, label } : { lane }];
    }
  }
  for (const a of process.artifacts ?? []) {
    if (a.$type === 'bpmn:TextAnnotation' && ext(a, 'coordinationLane') === undefined) {
      const text = (a as El & { text?: string }).text ?? '';
      note('not mapped', a, `the annotation "${text.slice(0, 60)}" is not kept`);
    }
  }

  // ---- the document
  const identity = parseJson<SopDocument['identity']>(ext(process, 'identity'));
  const calendar = parseJson<SopDocument['calendar']>(ext(process, 'calendar'));
  const intake = parseJson<SopDocument['intake']>(ext(process, 'intake'));
  const templates = parseJson<SopDocument['templates']>(ext(process, 'templates'));
  const title = identity?.title ?? process.name ?? participant?.name ?? null;
  const draft: Record<string, unknown> = {
    schemaVersion: 1,
    identity: {
      government: options.government ?? identity?.government ?? null,
      regency: options.regency ?? identity?.regency ?? null,
      office: options.office ?? identity?.office ?? null,
      title,
      ...(identity ? Object.fromEntries(Object.entries(identity).filter(([k]) => !['government', 'regency', 'office', 'title'].includes(k))) : {}),
    },
    calendar: { ...(calendar ?? {}), timeZone: options.timeZone ?? calendar?.timeZone ?? null },
    sections: { dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatanPerlengkapan: [], peringatan: [], pencatatanPendataan: [] },
    lanes,
    ...(intake ? { intake } : {}),
    steps,
    ...(templates ? { templates } : {}),
  };
  for (const key of ['government', 'regency', 'office'] as const) {
    if ((draft.identity as Record<string, unknown>)[key] === null)
      marks.push({ path: ['identity', key], kind: 'not mapped', text: `BPMN does not name the ${key}: required, fill in (or import with --${key})` });
  }
  if (title === null) marks.push({ path: ['identity', 'title'], kind: 'not mapped', text: 'the process has no name: required, fill in the SOP title' });
  if (!options.timeZone && !calendar)
    marks.push({
      path: ['calendar', 'timeZone'],
      kind: 'not mapped',
      text: 'BPMN has no time zone: required, Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)',
    });
  if (options.timeZone && !TIME_ZONES.has(options.timeZone))
    throw new BpmnReadError(`time zone "${options.timeZone}" is not one of ${[...TIME_ZONES].join(', ')}`);
  marks.push({ path: ['sections'], kind: 'not mapped', text: 'BPMN has no SOP-AP sections (Dasar Hukum, Kualifikasi Pelaksana, …): fill in from the source' });

  const yaml = toYaml(draft, marks, ours);
  const validation = validateSop(yaml);
  return { yaml, notes, validation };
}

function toYaml(draft: Record<string, unknown>, marks: Mark[], ours: boolean): string {
  const doc = new Document(draft);
  const byNode = new Map<object, Mark[]>();
  for (const m of marks) {
    let node = doc.getIn(m.path, true);
    let path = m.path;
    // a value left out (an absent property) is marked on its step
    while (!isNode(node) && path.length > 1) {
      path = path.slice(0, -1);
      node = doc.getIn(path, true);
    }
    if (!isNode(node)) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), m]);
  }
  for (const [node, list] of byNode) {
    const text = list.map((m) => ` ${m.kind}: ${m.text}`);
    const n = node as { comment?: string | null; commentBefore?: string | null };
    if (isScalar(node)) n.comment = text.join(';');
    else n.commentBefore = text.join('\n');
  }
  const header = [
    ' yaml-language-server: $schema=../schemas/sop.schema.json',
    ours
      ? ' Drafted by "sop import --from bpmn" from a BPMN file exported by this platform.'
      : ' Drafted by "sop import --from bpmn" from a BPMN file. Lines marked "inferred:" are read from a guess, "not mapped:" are',
    ...(ours ? [] : [' not in the BPMN file: check both against the printed SOP. Null means unknown: fill it in, never guess.']),
  ];
  doc.commentBefore = header.join('\n');
  return doc.toString({ lineWidth: 0 });
}
