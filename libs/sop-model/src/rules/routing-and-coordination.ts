import { didYouMean, listNames } from '../did-you-mean';
import { isCitizenLane } from '../known-roles';
import { error, warning, type SopRule } from './sop-rule';
import type { FormField, SopDocument } from '../generated/sop-document';
import type { UnlocatedIssue } from '../sop-issue';

/** The choice field `id` of the SOP's form, or an issue saying why it cannot route. */
function choiceField(sop: SopDocument, id: string, at: string, what: string): { field: FormField } | { issue: UnlocatedIssue } {
  const fields = sop.intake?.form?.fields ?? [];
  const field = fields.find((f) => f.id === id);
  if (!field) {
    const ids = fields.map((f) => f.id);
    return {
      issue: error(
        'route-field-unknown',
        at,
        `${what} "${id}" is not a field of intake.form${didYouMean(id, ids)}${ids.length ? `; fields: ${listNames(ids)}` : ': declare the form and its choice field first'}`,
      ),
    };
  }
  if (field.type !== 'choice' || !field.options?.length) {
    return {
      issue: error(
        'route-field-not-choice',
        at,
        `${what} "${id}" is a ${field.type} field: routing needs a choice field whose options it maps; make it type: choice with options`,
      ),
    };
  }
  return { field };
}

/** Checks the values mapped to targets (outcomes or units): known options, each mapped once. */
function mapValues(
  field: FormField,
  targets: { id: string; values: string[]; pointer: string }[],
  kind: string,
  issues: UnlocatedIssue[],
  unmappedAt: string | null,
): void {
  const options = field.options ?? [];
  const mappedTo = new Map<string, string>();
  for (const target of targets) {
    target.values.forEach((value, k) => {
      const at = `${target.pointer}/${k}`;
      if (!options.includes(value)) {
        issues.push(
          error('route-value-unknown', at, `"${value}" is not an option of field "${field.id}"${didYouMean(value, options)}; options: ${listNames(options)}`),
        );
        return;
      }
      const other = mappedTo.get(value);
      if (other !== undefined && other !== target.id) {
        issues.push(error('route-value-twice', at, `"${value}" already leads to ${kind} "${other}": a value goes one way; remove it from one of them`));
        return;
      }
      mappedTo.set(value, target.id);
    });
  }
  const unmapped = options.filter((o) => !mappedTo.has(o));
  if (unmapped.length && unmappedAt !== null) {
    issues.push(
      warning(
        'route-value-unmapped',
        unmappedAt,
        `option${unmapped.length > 1 ? 's' : ''} ${listNames(unmapped)} of field "${field.id}" lead${unmapped.length > 1 ? '' : 's'} to no ${kind}: such cases wait for an officer to choose`,
      ),
    );
  }
}

/**
 * Coordination, routing by a field and lane units (issue 10 §4, docs/adr/0014-coordination-routing-units.md):
 * - a step coordinates with other office lanes, each once, never its own or the citizen's;
 * - a decision with routeBy maps its outcomes' `when` to options of a choice field, each option once;
 *   `when` without routeBy is an error;
 * - a lane's units map options of its unitField (or intake.categoryField) to units, each option once
 *   (an option of no unit is for the whole lane: a case that never reaches the lane, or its Kabid);
 * - a scheduled wait is set by an officer: not on a start, an end or a citizen step.
 */
export const routingAndCoordination: SopRule = {
  id: 'routing-and-coordination',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const lanes = new Map(sop.lanes.map((l) => [l.id, l]));
    for (const graph of graphs) {
      graph.flow.steps.forEach((step, i) => {
        const at = `${graph.flow.pointer}/${i}`;
        const lane = lanes.get(step.lane);
        const citizenStep = lane !== undefined && isCitizenLane(lane);
        const seen = new Set<string>();
        (step.coordination ?? []).forEach((c, k) => {
          const cAt = `${at}/coordination/${k}/lane`;
          const asked = lanes.get(c.lane);
          if (step.kind !== 'task' && step.kind !== 'decision') {
            issues.push(
              error(
                'coordination-on-terminator',
                `${at}/coordination`,
                `step "${step.id}" is a ${step.kind}: only a task or a decision coordinates with other lanes`,
              ),
            );
          } else if (!asked) {
            issues.push(
              error(
                'coordination-unknown-lane',
                cAt,
                `lane "${c.lane}" is not a lane of this SOP${didYouMean(c.lane, [...lanes.keys()])}; lanes: ${listNames([...lanes.keys()])}`,
              ),
            );
          } else if (c.lane === step.lane) {
            issues.push(error('coordination-own-lane', cAt, `step "${step.id}" is in lane "${c.lane}" already: coordination asks another lane`));
          } else if (isCitizenLane(asked)) {
            issues.push(
              error(
                'coordination-citizen-lane',
                cAt,
                `lane "${c.lane}" is the citizen's: the office asks the complainant with a step in their lane, not with coordination`,
              ),
            );
          } else if (citizenStep) {
            issues.push(
              error(
                'coordination-from-citizen-step',
                cAt,
                `step "${step.id}" is the citizen's: the complainant does not coordinate with office lanes; put the coordination on an office step`,
              ),
            );
          } else if (seen.has(c.lane)) {
            issues.push(error('coordination-twice', cAt, `step "${step.id}" already coordinates with lane "${c.lane}": list each lane once`));
          }
          seen.add(c.lane);
        });
        if (step.schedule && (step.kind === 'start' || step.kind === 'end' || citizenStep)) {
          issues.push(
            error(
              'schedule-not-office-step',
              `${at}/schedule`,
              `step "${step.id}" cannot wait for a scheduled date: an officer sets the date, on a task or decision of an office lane`,
            ),
          );
        }
        const withWhen = (step.outcomes ?? []).map((o, k) => ({ o, k })).filter(({ o }) => o.when);
        if (step.routeBy) {
          if (step.kind !== 'decision') {
            issues.push(
              error(
                'route-by-not-decision',
                `${at}/routeBy`,
                `step "${step.id}" is a ${step.kind}: only a decision routes by a field, through its outcomes' when`,
              ),
            );
            return;
          }
          const found = choiceField(sop, step.routeBy.field, `${at}/routeBy/field`, 'routeBy field');
          if ('issue' in found) {
            issues.push(found.issue);
            return;
          }
          if (!withWhen.length) {
            issues.push(
              error(
                'route-by-without-when',
                `${at}/routeBy`,
                `decision "${step.id}" routes by "${step.routeBy.field}" but no outcome says when: give outcomes when: [<option as written>]`,
              ),
            );
            return;
          }
          mapValues(
            found.field,
            withWhen.map(({ o, k }) => ({ id: o.id, values: o.when!, pointer: `${at}/outcomes/${k}/when` })),
            'outcome',
            issues,
            `${at}/routeBy/field`,
          );
        } else {
          for (const { o, k } of withWhen) {
            issues.push(
              error(
                'when-without-route-by',
                `${at}/outcomes/${k}/when`,
                `outcome "${o.id}" says when, but decision "${step.id}" routes by no field: add routeBy: { field: <choice field> } to the step, or remove when`,
              ),
            );
          }
        }
      });
    }
    sop.lanes.forEach((lane, i) => {
      if (!lane.units && lane.unitField === undefined) return;
      const at = `/lanes/${i}`;
      if (!lane.units) {
        issues.push(
          error(
            'unit-field-without-units',
            `${at}/unitField`,
            `lane "${lane.id}" names a unitField but no units: list its units with the values that go to each, or remove unitField`,
          ),
        );
        return;
      }
      if (isCitizenLane(lane)) {
        issues.push(error('units-on-citizen-lane', `${at}/units`, `lane "${lane.id}" is the citizen's: only office lanes have units`));
        return;
      }
      const ids = new Set<string>();
      lane.units.forEach((u, k) => {
        if (ids.has(u.id))
          issues.push(error('duplicate-unit-id', `${at}/units/${k}/id`, `unit "${u.id}" is listed twice in lane "${lane.id}": give each unit its own id`));
        ids.add(u.id);
      });
      const fieldId = lane.unitField ?? sop.intake?.categoryField;
      if (!fieldId) {
        issues.push(
          error(
            'units-without-field',
            `${at}/units`,
            `lane "${lane.id}" has units but nothing picks one: set unitField: <choice field> on the lane, or intake.categoryField`,
          ),
        );
        return;
      }
      const found = choiceField(
        sop,
        fieldId,
        lane.unitField !== undefined ? `${at}/unitField` : `${at}/units`,
        lane.unitField !== undefined ? 'unitField' : 'intake.categoryField',
      );
      if ('issue' in found) {
        issues.push(found.issue);
        return;
      }
      mapValues(
        found.field,
        lane.units.map((u, k) => ({ id: u.id, values: u.values, pointer: `${at}/units/${k}/values` })),
        'unit',
        issues,
        null,
      );
    });
    return issues;
  },
};
