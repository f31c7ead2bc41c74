import { parseDuration } from '@sop/business-time';
import { isCitizenLane } from '../known-roles';
import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/** SP4N-LAPOR! closes a report as selesai when nobody answers the follow-up within this (DOMAIN.md, national limits). */
const LAPOR_CITIZEN_LIMIT = '10 hari kerja';

/**
 * A step in the citizen's lane (a task or decision of Pemohon / Pelapor / Masyarakat) is worked by
 * the complainant from the ticket page, or recorded by an officer on their behalf. A citizen may
 * never answer, so such a step needs a known time limit and a timeout rule that settles it:
 * `complete` (a task goes on), `choose` (a decision takes the named outcome) or `escalate`. Without
 * one the case would wait for ever.
 */
export const citizenSteps: SopRule = {
  id: 'citizen-steps',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const citizenLanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
    for (const graph of graphs) {
      // a flow without a start, or a step that leads nowhere, has a shape error to fix first
      if (!graph.start) continue;
      graph.flow.steps.forEach((step, i) => {
        if (!citizenLanes.has(step.lane) || (step.kind !== 'task' && step.kind !== 'decision') || !graph.outgoing(step.id).length) return;
        const at = `${graph.flow.pointer}/${i}`;
        const settle =
          step.kind === 'decision'
            ? `{ action: choose, outcome: ${step.onTimeout?.outcome ?? step.outcomes?.[0]?.id ?? '<outcome id>'} }`
            : '{ action: complete }';
        const parsed = step.waktu == null ? null : parseDuration(step.waktu);
        if (!parsed?.known) {
          // with its onTimeout written, only the Waktu is missing
          const needs =
            step.onTimeout && step.onTimeout.action !== 'flag' ? 'a known Waktu, which its onTimeout needs' : `a known Waktu and onTimeout: ${settle}`;
          issues.push(
            error(
              'citizen-step-without-limit',
              step.waktu == null ? at : `${at}/waktu`,
              `step "${step.id}" is the citizen's (lane "${step.lane}"), and the citizen may never answer: give it ${needs}; when the source prints no time, use the national one (LAPOR!: ${LAPOR_CITIZEN_LIMIT}) and mark it with an "# inferred:" comment`,
              step.onTimeout && step.onTimeout.action !== 'flag' ? { hasTimeout: 'yes' } : undefined,
            ),
          );
        }
        if (!step.onTimeout || step.onTimeout.action === 'flag') {
          issues.push(
            error(
              'citizen-step-without-timeout',
              step.onTimeout ? `${at}/onTimeout/action` : at,
              `step "${step.id}" is the citizen's (lane "${step.lane}"), and nobody else settles it when the citizen does not answer: say which way it goes when its time passes, e.g. onTimeout: ${settle}`,
            ),
          );
        }
      });
    }
    return issues;
  },
};
