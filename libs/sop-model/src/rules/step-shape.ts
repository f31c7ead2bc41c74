import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/** Each kind of step has the transitions its symbol allows; each flow has exactly one start. */
export const stepShape: SopRule = {
  id: 'step-shape',
  check({ graphs }) {
    const issues: UnlocatedIssue[] = [];
    for (const graph of graphs) {
      const starts = graph.flow.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'start');
      if (starts.length === 0) {
        issues.push(error('no-start', graph.flow.pointer, 'the flow has no step of kind start: mark the first step (the "Mulai" terminator) with kind: start'));
      }
      // several starts are several ways in: each names the intake channels it serves (rule start-channels);
      // a periodic procedure, or a second start without channels, is a mistake
      for (const { s, i } of starts.slice(1)) {
        if (graph.flow.id !== 'main') {
          issues.push(
            error(
              'several-starts',
              `${graph.flow.pointer}/${i}/kind`,
              `step "${s.id}" is a second start (the first is "${starts[0].s.id}"): a periodic procedure has one start; make this one a task`,
            ),
          );
        } else if (!starts.every(({ s: other }) => other.channels)) {
          issues.push(
            error(
              'several-starts',
              `${graph.flow.pointer}/${i}/kind`,
              `step "${s.id}" is a second start (the first is "${starts[0].s.id}"): a flow has one start unless every start lists the intake channels it serves; make this one a task, or give each start channels: [<channel ids>]`,
            ),
          );
        }
      }
      if (graph.ends.length === 0) {
        issues.push(error('no-end', graph.flow.pointer, 'the flow has no step of kind end: add the "Selesai" terminator as a step with kind: end'));
      }
      graph.flow.steps.forEach((step, i) => {
        const at = `${graph.flow.pointer}/${i}`;
        const outcomes = step.outcomes ?? [];
        switch (step.kind) {
          case 'start':
          case 'task':
            if (step.next === undefined) {
              issues.push(
                error(
                  'missing-next',
                  `${at}`,
                  `${step.kind} step "${step.id}" has no "next": write next: <id of the step that follows>${step.kind === 'task' ? ', make it a decision with outcomes, or make it kind: end if the case finishes here' : ''}`,
                ),
              );
            }
            if (outcomes.length > 0) {
              issues.push(
                error(
                  'outcomes-on-task',
                  `${at}/outcomes`,
                  `only a decision has outcomes: make "${step.id}" kind: decision, or replace its outcomes with next`,
                ),
              );
            }
            break;
          case 'decision':
            if (step.next !== undefined) {
              issues.push(
                error('next-on-decision', `${at}/next`, `decision "${step.id}" goes on through its outcomes, not "next": move "${step.next}" into an outcome`),
              );
            }
            if (outcomes.length < 2) {
              issues.push(
                error(
                  'too-few-outcomes',
                  `${at}${outcomes.length ? '/outcomes' : ''}`,
                  `decision "${step.id}" has ${outcomes.length} outcome${outcomes.length === 1 ? '' : 's'}: a decision needs at least two (e.g. valid / tidak valid); make it a task with next if there is no choice`,
                ),
              );
            }
            if (step.escalation || step.rejection) {
              issues.push(
                error(
                  'jump-on-decision',
                  `${at}/${step.escalation ? 'escalation' : 'rejection'}`,
                  `decision "${step.id}" escalates or rejects through an outcome: add an outcome with kind: ${step.escalation ? 'escalation' : 'rejection'} instead`,
                ),
              );
            }
            break;
          case 'end':
            for (const key of ['next', 'outcomes', 'escalation', 'rejection', 'onTimeout'] as const) {
              if (step[key] !== undefined) {
                issues.push(
                  error(
                    'transition-on-end',
                    `${at}/${key}`,
                    `end step "${step.id}" finishes the case, so it cannot have "${key}": remove it, or make the step a task`,
                  ),
                );
              }
            }
            break;
        }
        if (step.kind === 'start' && (step.escalation || step.rejection)) {
          issues.push(
            error(
              'jump-on-start',
              `${at}/${step.escalation ? 'escalation' : 'rejection'}`,
              `the start step "${step.id}" is the complaint being filed; escalation and rejection belong to the steps after it`,
            ),
          );
        }
      });
    }
    return issues;
  },
};
