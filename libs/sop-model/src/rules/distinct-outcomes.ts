import { isCitizenLane } from '../known-roles';
import { error, warning, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/**
 * The outcomes of a decision have distinct labels, so an operator can tell them apart. Two outcomes
 * that lead to the same step are likely a routing slip (a target copied from the line above): a warning.
 * Not on the complainant's own decision: a survey's answers (puas, kurang puas …) all close the case,
 * and the answer chosen is the record (the kartu kendali and the reports' outcome counts).
 */
export const distinctOutcomes: SopRule = {
  id: 'distinct-outcomes',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const citizenLanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
    for (const graph of graphs) {
      graph.flow.steps.forEach((step, i) => {
        const answered = citizenLanes.has(step.lane);
        const seen = new Map<string, number>();
        const targets = new Map<string, number>();
        (step.outcomes ?? []).forEach((o, j) => {
          const key = o.label.trim().toLowerCase().replace(/\s+/g, ' ');
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            issues.push(
              error(
                'duplicate-outcome',
                `${graph.flow.pointer}/${i}/outcomes/${j}/label`,
                `decision "${step.id}" already has an outcome labelled "${step.outcomes![earlier].label}": each outcome needs its own label (e.g. selesai / tidak terselesaikan)`,
              ),
            );
          } else seen.set(key, j);
          if (answered) return;
          const sameTarget = targets.get(o.to);
          if (sameTarget !== undefined) {
            issues.push(
              warning(
                'outcomes-same-target',
                `${graph.flow.pointer}/${i}/outcomes/${j}/to`,
                `outcomes "${step.outcomes![sameTarget].id}" and "${o.id}" of decision "${step.id}" both lead to "${o.to}": the choice is recorded but the path is the same; check the target`,
              ),
            );
          } else targets.set(o.to, j);
        });
      });
    }
    return issues;
  },
};
