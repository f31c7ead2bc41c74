import { parseDuration } from '@sop/business-time';
import { warning, type SopRule } from './sop-rule';
import { escalationOf } from '../sop-graph';
import type { UnlocatedIssue } from '../sop-issue';
import { error } from './sop-rule';
import { didYouMean, listNames } from '../did-you-mean';
import { isCitizenLane } from '../known-roles';

/**
 * Every Waktu parses as a duration. An unparseable one stays unknown (no deadline) with a warning
 * (a dash, which states no time, is as a null Waktu: no warning);
 * a timeout rule needs a known Waktu and, to escalate, somewhere to escalate to; `complete` fits a
 * task, `choose` a decision and one of its outcomes.
 */
export const durationsParse: SopRule = {
  id: 'durations-parse',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const citizenLanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
    for (const graph of graphs) {
      // the office's steps whose Waktu is written: when none reads, no case of the flow is ever late
      const written = graph.flow.steps
        .flatMap((s) => ((s.kind === 'task' || s.kind === 'decision') && !citizenLanes.has(s.lane) && s.waktu != null ? [parseDuration(s.waktu)] : []))
        .filter((r) => r.known || r.code !== 'not-written');
      if (written.length > 0 && written.every((r) => !r.known)) {
        issues.push(
          warning(
            'no-office-deadline',
            graph.flow.pointer,
            `no office step of this flow has a Waktu that reads as a time (${written.length} are written): its cases have no deadline and are never late; see the warning on each Waktu`,
            { n: written.length },
          ),
        );
      }
      graph.flow.steps.forEach((step, i) => {
        const at = `${graph.flow.pointer}/${i}`;
        const parsed = step.waktu == null ? null : parseDuration(step.waktu);
        // a dash states no time, as a null Waktu does: nothing to mend; nor on a terminator, where no
        // case waits (a start's or an end's Waktu is the source's words, never a deadline)
        if (parsed && !parsed.known && parsed.code !== 'not-written' && step.kind !== 'start' && step.kind !== 'end') {
          issues.push(
            warning('unknown-duration', `${at}/waktu`, `${parsed.reason}; the step keeps "${step.waktu}" as written and has no deadline`, {
              reason: parsed.code,
              ...parsed.params,
            }),
          );
        }
        if (step.onTimeout) {
          if (!parsed?.known) {
            issues.push(
              warning(
                'timeout-without-limit',
                `${at}/onTimeout`,
                `onTimeout never fires: step "${step.id}" has no known Waktu; give it a waktu such as "1 hari", or remove onTimeout`,
              ),
            );
          }
          const { action, outcome } = step.onTimeout;
          const escalations = graph.outgoing(step.id).filter((e) => e.escalates);
          if (action === 'escalate' && escalations.length > 1) {
            issues.push(
              error(
                'timeout-ambiguous-escalation',
                `${at}/onTimeout/action`,
                `decision "${step.id}" has ${escalations.length} outcomes of kind escalation (${escalations.map((e) => e.outcome ?? e.to).join(', ')}), so "escalate" does not say which one the time passing takes: write onTimeout: { action: choose, outcome: <one of them> }`,
                { outcomes: escalations.map((e) => e.outcome ?? e.to).join(', '), n: escalations.length },
              ),
            );
          }
          if (action === 'escalate' && !escalationOf(graph, step.id)) {
            issues.push(
              error(
                'timeout-nowhere-to-escalate',
                `${at}/onTimeout/action`,
                `step "${step.id}" escalates on timeout but has no escalation: add escalation: { to: <step one level up> } or an outcome with kind: escalation, or use action: flag`,
              ),
            );
          }
          if (action === 'choose' && step.kind !== 'decision') {
            issues.push(
              error(
                'timeout-choose-not-decision',
                `${at}/onTimeout/action`,
                `step "${step.id}" is a ${step.kind}, and only a decision has outcomes to choose on timeout: use action: complete (go on to its next step), escalate or flag`,
              ),
            );
          }
          if (action === 'complete' && step.kind !== 'task') {
            issues.push(
              error(
                'timeout-complete-not-task',
                `${at}/onTimeout/action`,
                `step "${step.id}" is a ${step.kind}: a decision settles on timeout with action: choose and the outcome it takes, e.g. { action: choose, outcome: ${step.outcomes?.[0]?.id ?? '<outcome id>'} }`,
              ),
            );
          }
          if (outcome !== undefined && action !== 'choose') {
            issues.push(
              error(
                'timeout-outcome-without-choose',
                `${at}/onTimeout/outcome`,
                `an outcome is only taken with action: choose; step "${step.id}" says action: ${action}: remove the outcome or say action: choose`,
              ),
            );
          }
          if (action === 'choose' && step.kind === 'decision' && outcome !== undefined && !(step.outcomes ?? []).some((o) => o.id === outcome)) {
            const ids = (step.outcomes ?? []).map((o) => o.id);
            issues.push(
              error(
                'timeout-unknown-outcome',
                `${at}/onTimeout/outcome`,
                `"${outcome}" is not an outcome of step "${step.id}"${didYouMean(outcome, ids)}; its outcomes: ${listNames(ids)}`,
              ),
            );
          }
        }
      });
    }
    return issues;
  },
};
