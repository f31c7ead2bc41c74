import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

function duplicates(kind: string, items: { id: string }[] | undefined, pointer: string, issues: UnlocatedIssue[]): void {
  const first = new Map<string, number>();
  (items ?? []).forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, i);
    else
      issues.push(
        error(
          'duplicate-id',
          `${pointer}/${i}/id`,
          `${kind} id "${item.id}" is already used by ${kind} ${earlier + 1} (${pointer}/${earlier}): give each ${kind} its own id`,
          { earlier: `${pointer.slice(1).replace(/\//g, '.')}[${earlier}]` },
        ),
      );
  });
}

/** Ids must be unique: lanes, steps (across all flows), outcomes of a step, channels, fields, templates, periodic procedures, logbook columns. */
export const uniqueIds: SopRule = {
  id: 'unique-ids',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    duplicates('lane', sop.lanes, '/lanes', issues);
    duplicates('channel', sop.intake?.channels, '/intake/channels', issues);
    duplicates('field', sop.intake?.form?.fields, '/intake/form/fields', issues);
    duplicates('template', sop.templates, '/templates', issues);
    duplicates('periodic procedure', sop.periodic, '/periodic', issues);
    duplicates('logbook column', sop.logbook?.columns, '/logbook/columns', issues);
    const stepOwner = new Map<string, string>();
    for (const graph of graphs) {
      graph.flow.steps.forEach((step, i) => {
        const pointer = `${graph.flow.pointer}/${i}`;
        const earlier = stepOwner.get(step.id);
        if (earlier)
          issues.push(
            error('duplicate-id', `${pointer}/id`, `step id "${step.id}" is already used by the step at ${earlier}: give each step its own id`, {
              earlier: earlier
                .slice(1)
                .replace(/\/(\d+)/g, '[$1]')
                .replace(/\//g, '.'),
            }),
          );
        else stepOwner.set(step.id, pointer);
        duplicates('outcome', step.outcomes, `${pointer}/outcomes`, issues);
      });
    }
    return issues;
  },
};
