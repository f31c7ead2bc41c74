import { sopUpdate } from '@sop/editor';
import type { Provenance } from '@sop/model';
import { MESSAGES, useI18n } from '../i18n';
import { SelectField, TextField } from './fields';
import type { RunCommand } from './run-command';

/**
 * Whether a step, an outcome or a timeout rule is printed in the source, inferred (not printed: a
 * decision of the platform, with a note saying why) or incomplete (printed but damaged). Writes
 * `provenance: { status, note }` at `pointer`, or removes it when printed.
 */
export function ProvenanceField({ pointer, value, run, testId }: { pointer: string; value: Provenance | undefined; run: RunCommand; testId: string }) {
  const { t } = useI18n();
  const label = { id: MESSAGES.id.editProvenance, en: MESSAGES.en.editProvenance };
  const set = (next: Provenance | undefined) => run(sopUpdate({ pointer, value: next, label }));
  return (
    <div className="edit-provenance" data-testid={testId}>
      <SelectField
        label={t('editProvenance')}
        testId={`${testId}-status`}
        value={value?.status ?? ''}
        choices={[
          { value: '', label: t('editProvenancePrinted') },
          { value: 'inferred', label: t('editProvenanceInferred') },
          { value: 'incomplete', label: t('editProvenanceIncomplete') },
        ]}
        // an inferred mark needs its reason: a blank note says so until the author writes one
        onChange={(status) =>
          set(
            status
              ? {
                  status: status as Provenance['status'],
                  ...(value?.note ? { note: value.note } : status === 'inferred' ? { note: t('editProvenanceNoteTodo') } : {}),
                }
              : undefined,
          )
        }
      />
      {value && (
        <TextField
          label={t(value.status === 'inferred' ? 'editProvenanceWhy' : 'editProvenanceLost')}
          testId={`${testId}-note`}
          value={value.note ?? ''}
          wide
          onCommit={(note) => set({ status: value.status, ...(note.trim() ? { note: note.trim() } : {}) })}
        />
      )}
    </div>
  );
}
