import type { Provenance, SopDocument } from './generated/sop-document';
import { flowsOf } from './sop-graph';

/** What a provenance mark sits on. */
export type SourceGapKind = 'step' | 'outcome' | 'escalation' | 'rejection' | 'timeout' | 'channel';

/** One value of an SOP marked as not printed in its source (inferred) or printed but damaged (incomplete). */
export interface SourceGap {
  kind: SourceGapKind;
  status: Provenance['status'];
  note: string | null;
  /** `main` or the periodic procedure's id; null for a channel. */
  flow: string | null;
  /** The step the mark is on or under; null for a channel. */
  step: string | null;
  /** The step's printed number, when it has one. */
  number: string | null;
  /** The outcome's or the channel's id, when the mark is on one. */
  id: string | null;
  /** What is marked, in the SOP's words: the outcome's label, the channel's label, the step's label or activity. */
  text: string | null;
  /** JSON pointer of the mark, e.g. `/steps/4/outcomes/0/provenance`. */
  pointer: string;
}

/**
 * True when the SOP says its source is cut off or damaged (`source: { complete: false }`): its gaps
 * are kept as gaps, it can be viewed and compared, and it does not run cases.
 *
 * @example
 * isSourceIncomplete(sop) // true for `source: { complete: false, note: "halaman 2 hilang" }`
 */
export function isSourceIncomplete(sop: Pick<SopDocument, 'source'>): boolean {
  return sop.source?.complete === false;
}

/**
 * Every step, outcome, escalation, rejection, timeout rule and channel of the SOP marked with a
 * `provenance` (inferred or incomplete), in the document's order. The swimlane draws such steps
 * dashed; `inspect` and `/compare` list them.
 *
 * @example
 * sourceGaps(metro).filter((g) => g.kind === 'timeout').map((g) => g.step) // ['kasi-periksa', 'kabid-periksa', 'sekretaris-periksa']
 */
export function sourceGaps(sop: SopDocument): SourceGap[] {
  const gaps: SourceGap[] = [];
  const add = (mark: Provenance | undefined, gap: Omit<SourceGap, 'status' | 'note'>) => {
    if (mark) gaps.push({ ...gap, status: mark.status, note: mark.note ?? null });
  };
  (sop.intake?.channels ?? []).forEach((c, i) =>
    add(c.provenance, { kind: 'channel', flow: null, step: null, number: null, id: c.id, text: c.label, pointer: `/intake/channels/${i}/provenance` }),
  );
  for (const flow of flowsOf(sop)) {
    flow.steps.forEach((s, i) => {
      const at = `${flow.pointer}/${i}`;
      const base = { flow: flow.id, step: s.id, number: s.number };
      add(s.provenance, { ...base, kind: 'step', id: null, text: s.label ?? s.activity ?? null, pointer: `${at}/provenance` });
      (s.outcomes ?? []).forEach((o, j) => add(o.provenance, { ...base, kind: 'outcome', id: o.id, text: o.label, pointer: `${at}/outcomes/${j}/provenance` }));
      add(s.escalation?.provenance, { ...base, kind: 'escalation', id: null, text: s.escalation?.label ?? null, pointer: `${at}/escalation/provenance` });
      add(s.rejection?.provenance, { ...base, kind: 'rejection', id: null, text: s.rejection?.label ?? null, pointer: `${at}/rejection/provenance` });
      add(s.onTimeout?.provenance, { ...base, kind: 'timeout', id: null, text: s.onTimeout?.action ?? null, pointer: `${at}/onTimeout/provenance` });
    });
  }
  return gaps;
}
