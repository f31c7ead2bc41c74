// bpmn-moddle ships no declaration of its class: ours are beside the sources
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { buildSopGraph, escalationOf, type Lane, type SopDocument, type Step } from '@sop/model/graph';
import { layoutSwimlanes, shorten, type Point, type Side, type SwimlaneLayout, type SwimlaneNode } from '@sop/swimlane-layout';
import { timerOf } from './iso-duration';
import { must } from './must';
import { EXPORTER, EXPORTER_VERSION, SOP_NAMESPACE, SOP_PREFIX } from './namespace';

export interface BpmnExportOptions {
  /** The SOP's id (its file name, or its id on the server): the ids of the process and participant. */
  id: string;
}

export interface BpmnExport {
  xml: string;
  /** What the file does not carry (periodic procedures, the SOP-AP sections), for the person exporting. */
  notes: string[];
}

/** The suffix of the layout-only step that stands for a decision's gateway (never a valid SOP id). */
const GATEWAY = '#gateway';
/** The participant's name band (bpmn-js draws a vertical pool's name in its top 30 pixels) and a lane's. */
const BAND = 30;
const EVENT = 36;
const GATEWAY_SIZE = 50;
/** Characters of a lane's name that fit the lane's 30-pixel name band (two lines of a 200-pixel column). */
const LANE_NAME_MAX = 56;
const CITIZEN_ROLE = 'pemohon';

const attr = (name: string) => `${SOP_PREFIX}:${name}`;
/** JSON with the keys of objects sorted: the same SOP gives the same file, however it was stored (a database's JSONB orders keys its own way). */
const json = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * The steps as the layout draws them for BPMN: a decision is a user task (the officer's work, which
 * carries the time limit) followed by an exclusive gateway in the next row (the choice, with the
 * named outcomes), so the drawing keeps our lanes, rows and routes.
 */
function layoutSteps(steps: Step[]): Step[] {
  return steps.flatMap((s): Step[] => {
    if (s.kind !== 'decision') return [s];
    const { outcomes, routeBy, ...rest } = s;
    const task: Step = { ...rest, kind: 'task', number: null, next: s.id + GATEWAY };
    const gateway: Step = { id: s.id + GATEWAY, number: s.number, kind: 'decision', lane: s.lane, label: null, activity: null, outcomes, routeBy };
    return [task, gateway];
  });
}

const bpmnId = {
  step: (id: string) => `Step_${id}`,
  gateway: (id: string) => `Gateway_${id}`,
  lane: (id: string) => `Lane_${id}`,
};

/** Moves the end of an edge from our symbol's border to the smaller BPMN symbol's (a circle, a 50-pixel diamond), along the edge's last segment. */
function onSmallerShape(point: Point, side: Side, centre: Point, half: number): Point {
  switch (side) {
    case 'top':
      return { x: point.x, y: centre.y - half };
    case 'bottom':
      return { x: point.x, y: centre.y + half };
    case 'left':
      return { x: centre.x - half, y: point.y };
    case 'right':
      return { x: centre.x + half, y: point.y };
  }
}

const outwardOf: Record<Side, Point> = { top: { x: 0, y: -1 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

interface Geometry {
  dx: number;
  dy: number;
  layout: SwimlaneLayout;
  nodes: Map<string, SwimlaneNode>;
}

/**
 * The SOP as a BPMN 2.0 collaboration: one participant (the office) whose process has a lane per
 * Pelaksana, start and end events, a user task per task step (performed by the lane's role), a user
 * task and an exclusive gateway per decision, timer boundary events for the time limits (ISO 8601,
 * with "hari kerja" in documentation and `sop:basis`), escalation and rejection flows, coordination
 * as annotations, and the diagram (BPMNDI) from our swimlane layout: vertical lanes as on paper.
 * What BPMN has no place for is in attributes of our namespace (docs/bpmn.md).
 *
 * @example
 * const { xml } = await exportBpmn(sop, { id: 'metro' });
 */
export async function exportBpmn(sop: SopDocument, options: BpmnExportOptions): Promise<BpmnExport> {
  const moddle = new BpmnModdle();
  const create = (type: string, props: Record<string, unknown> = {}, ext: Record<string, string | undefined> = {}): ModdleElement => {
    const el = moddle.create(type, props);
    for (const [k, v] of Object.entries(ext)) if (v !== undefined) el.$attrs[attr(k)] = v;
    return el;
  };
  const doc = (text: string | null | undefined) => (text != null && text.trim() !== '' ? [create('bpmn:Documentation', { text })] : []);

  const sopId = options.id;
  const graph = buildSopGraph({ id: 'main', pointer: '/steps', steps: sop.steps });
  const layout = layoutSwimlanes({ ...sop, periodic: undefined, steps: layoutSteps(sop.steps) }, { showMutuBaku: false, showActivity: false });
  const firstLane = layout.lanes[0];
  const geo: Geometry = { dx: -firstLane.x, dy: 2 * BAND + 8 - layout.headerHeight, layout, nodes: new Map(layout.nodes.map((n) => [n.id, n])) };
  const at = (p: Point): Point => ({ x: Math.round(p.x + geo.dx), y: Math.round(p.y + geo.dy) });
  const laneById = new Map(sop.lanes.map((l) => [l.id, l]));
  const stepById = new Map(sop.steps.map((s) => [s.id, s]));
  const citizenLanes = new Set(sop.lanes.filter((l) => l.role === CITIZEN_ROLE).map((l) => l.id));

  const flowElements: ModdleElement[] = [];
  const artifacts: ModdleElement[] = [];
  const shapes: ModdleElement[] = [];
  const edges: ModdleElement[] = [];
  const byId = new Map<string, ModdleElement>();
  const laneNodes = new Map<string, ModdleElement[]>(sop.lanes.map((l) => [l.id, []]));
  /** The BPMN box of each step's symbol (the gateway's under `<id>#gateway`). */
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();

  const shape = (
    element: ModdleElement,
    bounds: { x: number; y: number; width: number; height: number },
    extra: Record<string, unknown> = {},
    label?: { x: number; y: number; width: number; height: number },
  ) => {
    const id = `${(element as unknown as { id: string }).id}_di`;
    const props: Record<string, unknown> = { id, bpmnElement: element, bounds: create('dc:Bounds', { ...bounds }), ...extra };
    if (label) props.label = create('bpmndi:BPMNLabel', { bounds: create('dc:Bounds', label) });
    shapes.push(create('bpmndi:BPMNShape', props));
  };
  const edge = (element: ModdleElement, points: Point[], label?: { x: number; y: number; width: number; height: number }) => {
    const props: Record<string, unknown> = {
      id: `${(element as unknown as { id: string }).id}_di`,
      bpmnElement: element,
      waypoint: points.map((p) => create('dc:Point', { x: p.x, y: p.y })),
    };
    if (label) props.label = create('bpmndi:BPMNLabel', { bounds: create('dc:Bounds', label) });
    edges.push(create('bpmndi:BPMNEdge', props));
  };
  const labelBox = (text: string, centre: Point) => {
    const width = Math.min(120, Math.max(24, Math.round(text.length * 6.2) + 6));
    const lines = Math.ceil((text.length * 6.2 + 6) / 120);
    const height = 14 * Math.max(1, lines);
    return { x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2), width, height };
  };

  // Steps, in the source's order: their order in the file is the order of the rows.
  for (const step of sop.steps) {
    const node = must(geo.nodes.get(step.id), `the layout of ${step.id}`);
    const topLeft = at(node);
    const box = { x: topLeft.x, y: topLeft.y, width: node.width, height: node.height };
    const common = {
      id: step.id,
      kind: step.kind,
      number: step.number ?? undefined,
      label: step.label ?? undefined,
      kelengkapan: step.kelengkapan != null ? json(step.kelengkapan) : undefined,
      waktu: step.waktu ?? undefined,
      output: step.output ?? undefined,
      keterangan: step.keterangan ?? undefined,
      provenance: step.provenance ? json(step.provenance) : undefined,
      template: step.template,
      schedule: step.schedule ? json(step.schedule) : undefined,
      onTimeout: step.onTimeout ? json(step.onTimeout) : undefined,
    };
    const name = node.label;
    let element: ModdleElement;
    if (step.kind === 'start' || step.kind === 'end') {
      element = create(
        step.kind === 'start' ? 'bpmn:StartEvent' : 'bpmn:EndEvent',
        { id: bpmnId.step(step.id), name, documentation: doc(step.activity) },
        { ...common, channels: step.channels ? json(step.channels) : undefined },
      );
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const circle = { x: Math.round(centre.x - EVENT / 2), y: Math.round(centre.y - EVENT / 2), width: EVENT, height: EVENT };
      boxes.set(step.id, circle);
      // the name above a start (its flow leaves below), below an end
      const label = labelBox(name, { x: centre.x, y: step.kind === 'start' ? circle.y - 12 : circle.y + EVENT + 12 });
      shape(element, circle, {}, label);
    } else {
      const lane = must(laneById.get(step.lane), `lane ${step.lane}`);
      const owner = create('bpmn:PotentialOwner', {
        name: lane.name,
        resourceAssignmentExpression: create('bpmn:ResourceAssignmentExpression', { expression: create('bpmn:FormalExpression', { body: lane.id }) }),
      });
      element = create(
        'bpmn:UserTask',
        { id: bpmnId.step(step.id), name, documentation: doc(step.activity), resources: [owner] },
        { ...common, citizen: citizenLanes.has(step.lane) ? 'true' : undefined, role: lane.role },
      );
      boxes.set(step.id, box);
      shape(element, box);
    }
    flowElements.push(element);
    byId.set(step.id, element);
    laneNodes.get(step.lane)?.push(element);
    if (step.kind === 'decision') {
      const gwNode = must(geo.nodes.get(step.id + GATEWAY), `the gateway of ${step.id}`);
      const gwTopLeft = at(gwNode);
      const centre = { x: gwTopLeft.x + gwNode.width / 2, y: gwTopLeft.y + gwNode.height / 2 };
      const gateway = create('bpmn:ExclusiveGateway', { id: bpmnId.gateway(step.id) }, { routeBy: step.routeBy?.field });
      const gwBox = { x: Math.round(centre.x - GATEWAY_SIZE / 2), y: Math.round(centre.y - GATEWAY_SIZE / 2), width: GATEWAY_SIZE, height: GATEWAY_SIZE };
      boxes.set(step.id + GATEWAY, gwBox);
      shape(gateway, gwBox, { isMarkerVisible: true });
      flowElements.push(gateway);
      byId.set(step.id + GATEWAY, gateway);
      laneNodes.get(step.lane)?.push(gateway);
    }
  }

  // Sequence flows, with the routes of our layout; ends moved onto the smaller BPMN symbols.
  const flows: ModdleElement[] = [];
  const flowIds = new Set<string>();
  const flowId = (base: string) => {
    let id = base;
    for (let n = 2; flowIds.has(id); n++) id = `${base}_${n}`;
    flowIds.add(id);
    return id;
  };
  const connect = (from: ModdleElement, to: ModdleElement, id: string, props: Record<string, unknown> = {}, ext: Record<string, string | undefined> = {}) => {
    const flow = create('bpmn:SequenceFlow', { id: flowId(id), sourceRef: from, targetRef: to, ...props }, ext);
    (from.get('outgoing') as ModdleElement[]).push(flow);
    (to.get('incoming') as ModdleElement[]).push(flow);
    flows.push(flow);
    return flow;
  };
  const fitEnds = (points: Point[], fromKey: string, toKey: string, sourceSide: Side, targetSide: Side): Point[] => {
    const out = points.map(at);
    const fix = (key: string, index: number, side: Side) => {
      const b = must(boxes.get(key), `the box of ${key}`);
      const node = must(geo.nodes.get(key), `the layout of ${key}`);
      if (node.kind === 'task') return;
      out[index] = onSmallerShape(out[index], side, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, b.width / 2);
    };
    fix(fromKey, 0, sourceSide);
    fix(toKey, out.length - 1, targetSide);
    return out;
  };

  const boundaryEvents: ModdleElement[] = [];
  let escalationDef: ModdleElement | undefined;
  let errorDef: ModdleElement | undefined;

  for (const e of layout.edges) {
    const stepId = e.from.endsWith(GATEWAY) ? e.from.slice(0, -GATEWAY.length) : e.from;
    const source = must(byId.get(e.from), `step ${e.from}`);
    const target = must(byId.get(e.to), `step ${e.to}`);
    const points = fitEnds(e.points, e.from, e.to, e.sourceSide, e.targetSide);
    const label = e.text ? labelBox(e.text, at(e.labelPoint ?? e.points[0])) : undefined;
    if (e.kind === 'next') {
      const flow = connect(source, target, e.to.endsWith(GATEWAY) ? `Flow_${stepId}_decide` : `Flow_${stepId}_next`);
      edge(flow, points);
    } else if (e.kind === 'outcome') {
      const step = must(stepById.get(stepId), `step ${stepId}`);
      const outcome = must(
        step.outcomes?.find((o) => o.id === e.outcome),
        `outcome ${e.outcome ?? ''} of ${stepId}`,
      );
      const flow = connect(
        source,
        target,
        `Flow_${stepId}_${outcome.id}`,
        { name: outcome.label },
        {
          outcome: outcome.id,
          kind: outcome.kind,
          when: outcome.when ? json(outcome.when) : undefined,
          document: outcome.document ?? undefined,
          provenance: outcome.provenance ? json(outcome.provenance) : undefined,
        },
      );
      edge(flow, points, label);
    } else {
      // a task's escalation or rejection: a boundary event where our edge leaves the task, and the flow from it
      const step = must(stepById.get(stepId), `step ${stepId}`);
      const jump = must(e.kind === 'escalation' ? step.escalation : step.rejection, `the ${e.kind} of ${stepId}`);
      if (e.kind === 'escalation') escalationDef ??= create('bpmn:Escalation', { id: 'Escalation_eskalasi', name: 'Eskalasi', escalationCode: 'eskalasi' });
      else errorDef ??= create('bpmn:Error', { id: 'Error_ditolak', name: 'Ditolak', errorCode: 'ditolak' });
      const definition =
        e.kind === 'escalation'
          ? create('bpmn:EscalationEventDefinition', { id: `EscalationDefinition_${stepId}`, escalationRef: escalationDef })
          : create('bpmn:ErrorEventDefinition', { id: `ErrorDefinition_${stepId}`, errorRef: errorDef });
      const event = create(
        'bpmn:BoundaryEvent',
        {
          id: `${e.kind === 'escalation' ? 'Escalation' : 'Rejection'}_${stepId}`,
          name: jump.label ?? undefined,
          attachedToRef: source,
          eventDefinitions: [definition],
        },
        { kind: e.kind, provenance: jump.provenance ? json(jump.provenance) : undefined },
      );
      boundaryEvents.push(event);
      const centre = points[0];
      const out = outwardOf[e.sourceSide];
      const start = { x: centre.x + out.x * (EVENT / 2), y: centre.y + out.y * (EVENT / 2) };
      const rest = points.slice(1);
      const firstLength = Math.abs(rest[0].x - centre.x) + Math.abs(rest[0].y - centre.y);
      shape(
        event,
        { x: centre.x - EVENT / 2, y: centre.y - EVENT / 2, width: EVENT, height: EVENT },
        {},
        jump.label ? labelBox(jump.label, { x: centre.x + 40, y: centre.y + 24 }) : undefined,
      );
      const flow = connect(event, target, `Flow_${stepId}_${e.kind}`, { name: jump.label ?? undefined }, { kind: e.kind });
      edge(flow, firstLength > EVENT / 2 ? [start, ...rest] : rest.length > 1 ? rest : [start, ...rest]);
    }
  }

  // Timers: a boundary event per known Waktu on a task (and a decision's task); interrupting when the
  // time passing moves the case (escalate, complete, choose), else non-interrupting (flag: marked overdue).
  for (const step of sop.steps) {
    if (step.kind !== 'task' && step.kind !== 'decision') continue;
    const timer = timerOf(step.waktu);
    if (!timer) continue;
    const host = must(byId.get(step.id), `step ${step.id}`);
    const hostBox = must(boxes.get(step.id), `the box of ${step.id}`);
    const rule = step.onTimeout;
    let targetId: string | undefined;
    let flowName: string | undefined;
    if (rule?.action === 'escalate') targetId = escalationOf(graph, step.id)?.to;
    else if (rule?.action === 'complete') targetId = step.next;
    else if (rule?.action === 'choose') {
      const outcome = step.outcomes?.find((o) => o.id === rule.outcome);
      targetId = outcome?.to;
      flowName = outcome?.label;
    }
    const interrupting = targetId !== undefined;
    const event = create(
      'bpmn:BoundaryEvent',
      {
        id: `Timer_${step.id}`,
        name: timer.waktu,
        attachedToRef: host,
        cancelActivity: interrupting,
        documentation: doc(timer.meaning),
        eventDefinitions: [
          create('bpmn:TimerEventDefinition', {
            id: `TimerDefinition_${step.id}`,
            timeDuration: create('bpmn:FormalExpression', { body: timer.iso }),
          }),
        ],
      },
      { waktu: timer.waktu, basis: timer.basis, onTimeout: rule?.action ?? 'flag' },
    );
    boundaryEvents.push(event);
    const centre = { x: hostBox.x + hostBox.width - 22, y: hostBox.y + hostBox.height };
    shape(
      event,
      { x: centre.x - EVENT / 2, y: centre.y - EVENT / 2, width: EVENT, height: EVENT },
      {},
      labelBox(timer.waktu, { x: centre.x + 40, y: centre.y + 12 }),
    );
    if (targetId === undefined) continue;
    const target = must(byId.get(targetId), `step ${targetId}`);
    const targetBox = must(boxes.get(targetId), `the box of ${targetId}`);
    const sourceLane = must(
      layout.lanes.find((l) => l.id === step.lane),
      `lane ${step.lane}`,
    );
    const targetLane = layout.lanes.find((l) => l.id === stepById.get(targetId)?.lane) ?? sourceLane;
    const gutter = Math.round((targetLane.index < sourceLane.index ? sourceLane.x + 8 : sourceLane.x + sourceLane.width - 8) + geo.dx);
    const ty = Math.round(targetBox.y + targetBox.height / 2);
    const enterX = gutter < targetBox.x ? targetBox.x : targetBox.x + targetBox.width;
    const down = centre.y + EVENT / 2 + 12;
    const flow = connect(event, target, `Flow_${step.id}_timeout`, { name: flowName }, { kind: 'timeout' });
    edge(flow, [
      { x: centre.x, y: centre.y + EVENT / 2 },
      { x: centre.x, y: down },
      { x: gutter, y: down },
      { x: gutter, y: ty },
      { x: enterX, y: ty },
    ]);
  }

  // Coordination: an annotation in the asked lane, joined to the asking step both ways (ask, answer).
  for (const c of layout.coordinations) {
    const annotation = create(
      'bpmn:TextAnnotation',
      { id: `Coordination_${c.step}_${c.lane}`, text: c.label ?? `Koordinasi: ${c.laneName}` },
      { coordinationLane: c.lane, coordinationLabel: c.label ?? undefined },
    );
    const topLeft = at(c.box);
    shape(annotation, { x: topLeft.x, y: topLeft.y, width: c.box.width, height: c.box.height });
    const association = create('bpmn:Association', {
      id: `Association_${c.step}_${c.lane}`,
      sourceRef: byId.get(c.step),
      targetRef: annotation,
      associationDirection: 'Both',
    });
    artifacts.push(annotation, association);
    edge(association, c.points.map(at));
  }

  // Lanes and the participant, in our columns.
  const height = layout.height + geo.dy + 16;
  const width = layout.lanes.reduce((w, l) => w + l.width, 0);
  const lanes = sop.lanes.map((l: Lane) => {
    const col = must(
      layout.lanes.find((c) => c.id === l.id),
      `lane ${l.id}`,
    );
    const lane = create(
      'bpmn:Lane',
      { id: bpmnId.lane(l.id), name: shorten(l.name, LANE_NAME_MAX), flowNodeRef: laneNodes.get(l.id) ?? [], documentation: doc(l.name) },
      {
        id: l.id,
        name: l.name,
        role: l.role,
        roleDescription: l.roleDescription,
        unitField: l.unitField,
        units: l.units ? json(l.units) : undefined,
      },
    );
    shape(lane, { x: col.x + geo.dx, y: BAND, width: col.width, height: height - BAND }, { isHorizontal: false });
    return lane;
  });
  const process = create(
    'bpmn:Process',
    {
      id: `Process_${sopId}`,
      name: sop.identity.title,
      isExecutable: false,
      laneSets: [create('bpmn:LaneSet', { id: `LaneSet_${sopId}`, lanes })],
      flowElements: [...flowElements, ...boundaryEvents, ...flows],
      artifacts,
    },
    {
      id: sopId,
      identity: json(sop.identity),
      calendar: json(sop.calendar),
      intake: sop.intake ? json(sop.intake) : undefined,
      templates: sop.templates ? json(sop.templates) : undefined,
    },
  );
  const participant = create('bpmn:Participant', { id: `Participant_${sopId}`, name: `${sop.identity.office} ${sop.identity.regency}`, processRef: process });
  const collaboration = create('bpmn:Collaboration', { id: `Collaboration_${sopId}`, participants: [participant] });
  const participantShape = create('bpmndi:BPMNShape', {
    id: `Participant_${sopId}_di`,
    bpmnElement: participant,
    isHorizontal: false,
    bounds: create('dc:Bounds', { x: 0, y: 0, width, height }),
  });
  const plane = create('bpmndi:BPMNPlane', { id: `Plane_${sopId}`, bpmnElement: collaboration, planeElement: [participantShape, ...shapes, ...edges] });
  const diagram = create('bpmndi:BPMNDiagram', { id: `Diagram_${sopId}`, name: sop.identity.flowchartTitle ?? sop.identity.title, plane });
  const definitions = create('bpmn:Definitions', {
    id: `Definitions_${sopId}`,
    targetNamespace: `${SOP_NAMESPACE}:sop:${sopId}`,
    exporter: EXPORTER,
    exporterVersion: EXPORTER_VERSION,
    rootElements: [collaboration, process, ...(escalationDef ? [escalationDef] : []), ...(errorDef ? [errorDef] : [])],
    diagrams: [diagram],
  });
  definitions.$attrs[`xmlns:${SOP_PREFIX}`] = SOP_NAMESPACE;
  const { xml } = await moddle.toXML(definitions, { format: true });

  const notes: string[] = [];
  for (const p of sop.periodic ?? [])
    notes.push(`the periodic procedure "${p.id}" (${p.name}) is not in the BPMN file: it runs on a schedule, not per complaint`);
  notes.push('the SOP-AP sections (Dasar Hukum, Kualifikasi Pelaksana, …), the service standard and the logbook are not in the BPMN file');
  return { xml, notes };
}
