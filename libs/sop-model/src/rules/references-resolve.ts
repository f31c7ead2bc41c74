import { closestName, didYouMean, listNames } from '../did-you-mean';
import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/** The catalogue's parameters, with the closest name to what was written when one is close. */
function suggested(params: Record<string, string>, written: string, names: readonly string[]): Record<string, string> {
  const suggestion = closestName(written, names);
  return suggestion !== undefined ? { ...params, suggestion } : params;
}

/** Every lane, step, template and field a document names exists. Transitions stay inside their flow. */
export const referencesResolve: SopRule = {
  id: 'references-resolve',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const laneIds = sop.lanes.map((l) => l.id);
    const templateIds = (sop.templates ?? []).map((t) => t.id);
    for (const graph of graphs) {
      const stepIds = graph.flow.steps.map((s) => s.id);
      const where = graph.flow.id === 'main' ? 'the per-complaint flow' : `periodic procedure "${graph.flow.id}"`;
      graph.flow.steps.forEach((step, i) => {
        const pointer = `${graph.flow.pointer}/${i}`;
        if (!laneIds.includes(step.lane)) {
          issues.push(
            error(
              'unknown-lane',
              `${pointer}/lane`,
              `lane "${step.lane}" is not declared under "lanes"${didYouMean(step.lane, laneIds)}; lanes: ${listNames(laneIds)}`,
              suggested({ lanes: listNames(laneIds) }, step.lane, laneIds),
            ),
          );
        }
        if (step.template !== undefined && !templateIds.includes(step.template)) {
          const declared = templateIds.length
            ? `${didYouMean(step.template, templateIds)}; templates: ${listNames(templateIds)}`
            : ': no template is declared; add it under "templates" (id, name, text), or remove "template"';
          issues.push(
            error(
              'unknown-template',
              `${pointer}/template`,
              `template "${step.template}" is not declared under "templates"${declared}`,
              suggested({ templates: listNames(templateIds) }, step.template, templateIds),
            ),
          );
        }
      });
      for (const edge of graph.edges) {
        if (graph.stepById.has(edge.to)) continue;
        const elsewhere = graphs.find((g) => g !== graph && g.stepById.has(edge.to));
        const message = elsewhere
          ? `"${edge.to}" is a step of ${elsewhere.flow.id === 'main' ? 'the per-complaint flow' : `periodic procedure "${elsewhere.flow.id}"`}, not of ${where}: a transition stays inside its flow; point it at one of: ${listNames(stepIds)}`
          : `"${edge.to}" does not name a step of ${where}${didYouMean(edge.to, stepIds)}; steps: ${listNames(stepIds)}`;
        const params = elsewhere ? { steps: listNames(stepIds), otherFlow: elsewhere.flow.id } : suggested({ steps: listNames(stepIds) }, edge.to, stepIds);
        issues.push(error('unknown-step', edge.pointer, message, params));
      }
    }
    (sop.intake?.revealTo ?? []).forEach((lane, i) => {
      if (!laneIds.includes(lane)) {
        issues.push(
          error(
            'unknown-lane',
            `/intake/revealTo/${i}`,
            `lane "${lane}" is not declared under "lanes"${didYouMean(lane, laneIds)}; lanes: ${listNames(laneIds)}`,
            suggested({ lanes: listNames(laneIds) }, lane, laneIds),
          ),
        );
      }
    });
    const category = sop.intake?.categoryField;
    if (category !== undefined) {
      const fields = sop.intake?.form?.fields ?? [];
      const field = fields.find((f) => f.id === category);
      if (!field) {
        const fieldIds = fields.map((f) => f.id);
        const known = fieldIds.length
          ? `${didYouMean(category, fieldIds)}; fields: ${listNames(fieldIds)}`
          : ': the intake has no form; add intake.form with the field, or remove categoryField';
        issues.push(
          error(
            'unknown-field',
            '/intake/categoryField',
            `categoryField "${category}" is not a field of intake.form${known}`,
            suggested({ fields: listNames(fieldIds) }, category, fieldIds),
          ),
        );
      } else if (field.type !== 'choice') {
        const choices = fields.filter((f) => f.type === 'choice').map((f) => f.id);
        const instead = choices.length
          ? `name one of the choice fields (${listNames(choices)}) or make "${category}" type: choice`
          : `make "${category}" type: choice with its options, or remove categoryField`;
        issues.push(
          error(
            'category-not-choice',
            '/intake/categoryField',
            `categoryField "${category}" must name a field of type choice (it is ${field.type}), so complaints can be counted by category: ${instead}`,
          ),
        );
      }
    }
    return issues;
  },
};
