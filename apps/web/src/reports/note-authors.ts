import { flowsOf, isCitizenLane, type SopDocument } from '@sop/model';

/** The steps the complainant works (in the citizen's lane: Pemohon / Pelapor), in every flow of the SOP. */
export function citizenStepIds(sop: Pick<SopDocument, 'lanes'> & Parameters<typeof flowsOf>[0]): Set<string> {
  const lanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
  return new Set(
    flowsOf(sop)
      .flatMap((f) => f.steps)
      .filter((s) => lanes.has(s.lane))
      .map((s) => s.id),
  );
}

/**
 * A category's notes split by whose words they are: the officers' (causes, solutions) and the
 * complainant's own (the note sent with their answer at a citizen step), which are not officers' notes.
 */
export function splitNotes<N extends { step: { id: string } }>(notes: readonly N[], citizenSteps: ReadonlySet<string>): { officers: N[]; complainants: N[] } {
  return {
    officers: notes.filter((n) => !citizenSteps.has(n.step.id)),
    complainants: notes.filter((n) => citizenSteps.has(n.step.id)),
  };
}
