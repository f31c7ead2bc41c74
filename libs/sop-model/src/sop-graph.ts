import type { Provenance, SopDocument, Step } from './generated/sop-document';

/** A connected set of steps: the per-complaint flow, or one periodic procedure. */
export interface SopFlow {
  /** `main` for the per-complaint flow, else the periodic procedure's id. */
  id: string;
  /** JSON pointer of the flow's step list. */
  pointer: string;
  steps: Step[];
}

export type SopEdgeKind = 'next' | 'outcome' | 'escalation' | 'rejection';

/** A transition between two steps. */
export interface SopEdge {
  from: string;
  to: string;
  kind: SopEdgeKind;
  /** The decision outcome's id, for outcome edges. */
  outcome?: string;
  label?: string | null;
  /** True when following the edge hands the complaint one level up. */
  escalates: boolean;
  /** True when following the edge refuses or returns the complaint. */
  rejects: boolean;
  /** True when following the edge hands the complaint to the agency whose it is (an outcome of kind referral). */
  refers?: true;
  /** JSON pointer of the property that declares the edge (its `to` or `next`). */
  pointer: string;
  /** The outcome's or jump's provenance mark, when it is not printed in the source (or damaged). */
  provenance?: Provenance;
}

/** One graph of an SOP flow, from which validation, compilation, inspection and drawing derive. */
export interface SopGraph {
  flow: SopFlow;
  stepById: Map<string, { step: Step; index: number; pointer: string }>;
  edges: SopEdge[];
  /** The first start step (the only one, unless the flow has several ways in). */
  start: Step | undefined;
  /** Every start step, in declaration order: several when each serves its own intake channels. */
  starts: Step[];
  ends: Step[];
  outgoing(stepId: string): SopEdge[];
}

/** The per-complaint flow and every periodic procedure of an SOP. */
export function flowsOf(sop: SopDocument): SopFlow[] {
  return [
    { id: 'main', pointer: '/steps', steps: sop.steps },
    ...(sop.periodic ?? []).map((p, i) => ({ id: p.id, pointer: `/periodic/${i}/steps`, steps: p.steps })),
  ];
}

/** The transitions a step declares, in declaration order. */
export function edgesOf(step: Step, stepPointer: string): SopEdge[] {
  const edges: SopEdge[] = [];
  if (step.next !== undefined) {
    edges.push({ from: step.id, to: step.next, kind: 'next', escalates: false, rejects: false, pointer: `${stepPointer}/next` });
  }
  (step.outcomes ?? []).forEach((o, i) =>
    edges.push({
      from: step.id,
      to: o.to,
      kind: 'outcome',
      outcome: o.id,
      label: o.label,
      escalates: o.kind === 'escalation',
      rejects: o.kind === 'rejection',
      ...(o.kind === 'referral' ? { refers: true as const } : {}),
      pointer: `${stepPointer}/outcomes/${i}/to`,
      ...(o.provenance ? { provenance: o.provenance } : {}),
    }),
  );
  if (step.escalation) {
    edges.push({
      from: step.id,
      to: step.escalation.to,
      kind: 'escalation',
      label: step.escalation.label,
      escalates: true,
      rejects: false,
      pointer: `${stepPointer}/escalation/to`,
      ...(step.escalation.provenance ? { provenance: step.escalation.provenance } : {}),
    });
  }
  if (step.rejection) {
    edges.push({
      from: step.id,
      to: step.rejection.to,
      kind: 'rejection',
      label: step.rejection.label,
      escalates: false,
      rejects: true,
      pointer: `${stepPointer}/rejection/to`,
      ...(step.rejection.provenance ? { provenance: step.rejection.provenance } : {}),
    });
  }
  return edges;
}

/**
 * Builds the graph of one flow. Edges to unknown steps are kept (validation reports them).
 *
 * @example
 * const graph = buildSopGraph(flowsOf(sop)[0]);
 * graph.outgoing('kasi-periksa').map((e) => e.to) // ['penyelesaian', 'kabid-periksa']
 */
export function buildSopGraph(flow: SopFlow): SopGraph {
  const stepById = new Map<string, { step: Step; index: number; pointer: string }>();
  const edges: SopEdge[] = [];
  const byFrom = new Map<string, SopEdge[]>();
  flow.steps.forEach((step, index) => {
    const pointer = `${flow.pointer}/${index}`;
    if (!stepById.has(step.id)) stepById.set(step.id, { step, index, pointer });
    for (const edge of edgesOf(step, pointer)) {
      edges.push(edge);
      const out = byFrom.get(edge.from);
      if (out) out.push(edge);
      else byFrom.set(edge.from, [edge]);
    }
  });
  return {
    flow,
    stepById,
    edges,
    start: flow.steps.find((s) => s.kind === 'start'),
    starts: flow.steps.filter((s) => s.kind === 'start'),
    ends: flow.steps.filter((s) => s.kind === 'end'),
    outgoing: (id) => byFrom.get(id) ?? [],
  };
}

/** The escalation edge of a step: its `escalation`, or its outcome of kind escalation. */
export function escalationOf(graph: SopGraph, stepId: string): SopEdge | undefined {
  return graph.outgoing(stepId).find((e) => e.escalates);
}

/** The rejection edge of a step: its `rejection`, or its outcome of kind rejection. */
export function rejectionOf(graph: SopGraph, stepId: string): SopEdge | undefined {
  return graph.outgoing(stepId).find((e) => e.rejects);
}
