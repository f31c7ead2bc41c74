import { error, warning, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/** A choice field lists its options; other fields have none. */
export const formFields: SopRule = {
  id: 'form-fields',
  check({ sop }) {
    const issues: UnlocatedIssue[] = [];
    (sop.intake?.form?.fields ?? []).forEach((field, i) => {
      const at = `/intake/form/fields/${i}`;
      if (field.type === 'choice' && !field.options?.length) {
        issues.push(error('choice-without-options', at, `choice field "${field.id}" has no options: list them as written on the form under options:`));
      }
      if (field.type !== 'choice' && field.options) {
        issues.push(warning('options-on-non-choice', `${at}/options`, `field "${field.id}" is of type ${field.type}, so its options are ignored: make it type: choice or remove options`));
      }
    });
    return issues;
  },
};
