import { didYouMean, listNames } from '../did-you-mean';
import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

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
          issues.push(error('unknown-lane', `${pointer}/lane`, `lane "${step.lane}" is not declared under "lanes"${didYouMean(step.lane, laneIds)}; lanes: ${listNames(laneIds)}`));
        }
        if (step.template !== undefined && !templateIds.includes(step.template)) {
          issues.push(error('unknown-template', `${pointer}/template`, `template "${step.template}" is not declared under "templates"${didYouMean(step.template, templateIds)}`));
        }
      });
      for (const edge of graph.edges) {
        if (!graph.stepById.has(edge.to)) {
          issues.push(error('unknown-step', edge.pointer, `"${edge.to}" does not name a step of ${where}${didYouMean(edge.to, stepIds)}; steps: ${listNames(stepIds)}`));
        }
      }
    }
    (sop.intake?.revealTo ?? []).forEach((lane, i) => {
      if (!laneIds.includes(lane)) {
        issues.push(error('unknown-lane', `/intake/revealTo/${i}`, `lane "${lane}" is not declared under "lanes"${didYouMean(lane, laneIds)}; lanes: ${listNames(laneIds)}`));
      }
    });
    const category = sop.intake?.categoryField;
    if (category !== undefined) {
      const fields = sop.intake?.form?.fields ?? [];
      const field = fields.find((f) => f.id === category);
      if (!field) {
        issues.push(error('unknown-field', '/intake/categoryField', `categoryField "${category}" is not a field of intake.form${didYouMean(category, fields.map((f) => f.id))}`));
      } else if (field.type !== 'choice') {
        issues.push(error('category-not-choice', '/intake/categoryField', `categoryField "${category}" must name a field of type choice (it is ${field.type}), so complaints can be counted by category`));
      }
    }
    return issues;
  },
};
