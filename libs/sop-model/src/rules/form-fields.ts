import { error, warning, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/**
 * The kinds of file the platform recognises by their content (magic bytes), so the only ones a file
 * field may accept. The API's sniffer is `sniffFileType` in @sop/citizen-data (which depends on this
 * library, not the other way round); its spec checks that the two lists agree.
 */
const RECOGNISED_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'application/pdf'];

/**
 * A choice field lists its options; other fields have none. A file field's `accept` names kinds of
 * file the platform recognises; `accept` and `maxSizeMb` belong to file fields only. A file field is
 * always confidential (docs/adr/0013-attachments.md): `confidential: false` on one is ignored. (That
 * a file field is never the categoryField is the references rule's: the category must be a choice.)
 */
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
        issues.push(
          warning(
            'options-on-non-choice',
            `${at}/options`,
            `field "${field.id}" is of type ${field.type}, so its options are ignored: make it type: choice or remove options`,
          ),
        );
      }
      if (field.type === 'file') {
        (field.accept ?? []).forEach((type, j) => {
          if (!RECOGNISED_FILE_TYPES.includes(type)) {
            issues.push(
              error(
                'file-type-unrecognised',
                `${at}/accept/${j}`,
                `file field "${field.id}" accepts "${type}", a kind of file the platform cannot recognise by its content: use ${RECOGNISED_FILE_TYPES.join(', ')}`,
              ),
            );
          }
        });
        if (field.confidential === false) {
          issues.push(
            warning(
              'file-always-confidential',
              `${at}/confidential`,
              `file field "${field.id}" says confidential: false, but an attachment (a KTP, a letter) is always shown only to the lanes that may see the identity: remove confidential: false`,
            ),
          );
        }
      } else {
        if (field.accept) {
          issues.push(
            warning(
              'accept-on-non-file',
              `${at}/accept`,
              `field "${field.id}" is of type ${field.type}, so accept is ignored: make it type: file or remove accept`,
            ),
          );
        }
        if (field.maxSizeMb !== undefined) {
          issues.push(
            warning(
              'max-size-on-non-file',
              `${at}/maxSizeMb`,
              `field "${field.id}" is of type ${field.type}, so maxSizeMb is ignored: make it type: file or remove maxSizeMb`,
            ),
          );
        }
      }
    });
    return issues;
  },
};
