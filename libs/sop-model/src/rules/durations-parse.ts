import { parseDuration } from '@sop/business-time';
import { warning, type SopRule } from './sop-rule';
import { escalationOf } from '../sop-graph';
import type { UnlocatedIssue } from '../sop-issue';
import { error } from './sop-rule';

/**
 * Every Waktu parses as a duration. An unparseable one stays unknown (no deadline) with a warning;
 * a timeout rule needs a known Waktu and, to escalate, somewhere to escalate to.
 */
export const durationsParse: SopRule = {
  id: 'durations-parse',
  check({ graphs }) {
    const issues: UnlocatedIssue[] = [];
    for (const graph of graphs) {
      graph.flow.steps.forEach((step, i) => {
        const at = `${graph.flow.pointer}/${i}`;
        const parsed = step.waktu == null ? null : parseDuration(step.waktu);
        if (parsed && !parsed.known) {
          issues.push(warning('unknown-duration', `${at}/waktu`, `${parsed.reason}; the step keeps "${step.waktu}" as written and has no deadline`));
        }
        if (step.onTimeout) {
          if (!parsed?.known) {
            issues.push(warning('timeout-without-limit', `${at}/onTimeout`, `onTimeout never fires: step "${step.id}" has no known Waktu; give it a waktu such as "1 hari", or remove onTimeout`));
          }
          if (step.onTimeout.action === 'escalate' && !escalationOf(graph, step.id)) {
            issues.push(error('timeout-nowhere-to-escalate', `${at}/onTimeout/action`, `step "${step.id}" escalates on timeout but has no escalation: add escalation: { to: <step one level up> } or an outcome with kind: escalation, or use action: flag`));
          }
        }
      });
    }
    return issues;
  },
};
