import { memo } from 'react';
import { INDONESIAN_TIME_ZONES } from '@sop/business-time';
import { sopUpdate } from '@sop/editor';
import type { SopDocument } from '@sop/model';
import { MESSAGES, useI18n, type MessageKey } from '../i18n';
import { sameOwnFields } from './editor-model';
import { FieldGroup, ListField, SelectField, TextField } from './fields';
import type { EditorMessageKey } from './messages';
import type { RunCommand } from './run-command';

/**
 * How a blank field is written: `required` texts stay an empty text (the validator says it
 * must not be), `optional` ones are removed, `source` ones become null (blank in the source).
 */
type Blank = 'required' | 'optional' | 'source';

const IDENTITY: [path: string, label: EditorMessageKey, blank: Blank][] = [
  ['number', 'editSopNumber', 'source'],
  ['title', 'editSopTitleField', 'required'],
  ['government', 'editSopGovernment', 'required'],
  ['regency', 'editSopRegency', 'required'],
  ['province', 'editSopProvince', 'optional'],
  ['regionCode', 'editSopRegionCode', 'optional'],
  ['office', 'editSopOffice', 'required'],
  ['unit', 'editSopUnit', 'source'],
  ['flowchartTitle', 'editSopFlowchartTitle', 'source'],
];
const DATES: [string, EditorMessageKey][] = [
  ['pembuatan', 'editDatePembuatan'],
  ['revisi', 'editDateRevisi'],
  ['efektif', 'editDateEfektif'],
  ['pengesahan', 'editDatePengesahan'],
];
const APPROVED_BY: [string, EditorMessageKey][] = [
  ['name', 'editApprovedName'],
  ['title', 'editApprovedTitle'],
  ['rank', 'editApprovedRank'],
  ['nip', 'editApprovedNip'],
];
const SECTIONS: [string, EditorMessageKey][] = [
  ['dasarHukum', 'editSectionDasarHukum'],
  ['keterkaitan', 'editSectionKeterkaitan'],
  ['peringatan', 'editSectionPeringatan'],
  ['kualifikasiPelaksana', 'editSectionKualifikasi'],
  ['peralatanPerlengkapan', 'editSectionPeralatan'],
  ['pencatatanPendataan', 'editSectionPencatatan'],
];
const SERVICE: [string, MessageKey][] = [
  ['biaya', 'docBiaya'],
  ['dasarBiaya', 'docDasarBiaya'],
  ['waktuPenyelesaian', 'docWaktuPenyelesaian'],
  ['kondisiWaktu', 'docKondisiWaktu'],
  ['produk', 'docProduk'],
];
const TIME_ZONES = Object.entries(INDONESIAN_TIME_ZONES);

const valueOf = (text: string, blank: Blank): string | null | undefined => {
  const v = text.trim();
  if (v !== '') return v;
  return blank === 'required' ? '' : blank === 'optional' ? undefined : null;
};

const read = (o: unknown, key: string): string => {
  const v = o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
};

/** The SOP's own fields, shown when no step is selected: identity, dates, approval, calendar, SOP-AP sections. */
// drawn again only when what it shows changed: typing in a step's value leaves its 40 inputs alone
export const SopProperties = memo(
  function SopProperties({ doc, run }: { doc: SopDocument; run: RunCommand }) {
    const { t } = useI18n();
    // the undo menu names the field as the panel does, in both languages
    const set = (pointer: string, value: unknown, label?: MessageKey, suffix = '') =>
      run(sopUpdate({ pointer, value, ...(label ? { label: { id: `${MESSAGES.id[label]}${suffix}`, en: `${MESSAGES.en[label]}${suffix}` } } : {}) }));
    const identity = doc.identity as unknown as Record<string, unknown> | undefined;
    const sections = (doc.sections ?? {}) as unknown as Record<string, unknown>;
    return (
      <div className="edit-props" data-testid="sop-properties">
        <p className="edit-props-id muted">{t('editSopHint')}</p>
        <FieldGroup title={t('editGroupIdentity')}>
          {IDENTITY.map(([key, label, blank]) => (
            <TextField
              key={key}
              label={t(label)}
              testId={`sop-${key}`}
              value={read(identity, key)}
              wide={key === 'title' || key === 'office'}
              onCommit={(v) => set(`/identity/${key}`, valueOf(v, blank), label)}
            />
          ))}
          <SelectField
            label={t('editTimeZone')}
            testId="sop-timeZone"
            value={doc.calendar?.timeZone ?? ''}
            choices={TIME_ZONES.map(([tz, abbr]) => ({ value: tz, label: `${abbr} (${tz})` }))}
            onChange={(v) => set('/calendar/timeZone', v, 'editTimeZone')}
          />
        </FieldGroup>
        <FieldGroup title={t('editGroupDates')}>
          {DATES.map(([key, label]) => (
            <TextField
              key={key}
              label={t(label)}
              testId={`sop-dates-${key}`}
              value={read(identity?.dates, key)}
              onCommit={(v) => set(`/identity/dates/${key}`, valueOf(v, 'source'), label)}
            />
          ))}
        </FieldGroup>
        <FieldGroup title={t('editGroupApproved')}>
          {APPROVED_BY.map(([key, label]) => (
            <TextField
              key={key}
              label={t(label)}
              testId={`sop-approvedBy-${key}`}
              value={read(identity?.approvedBy, key)}
              wide={key === 'name' || key === 'title'}
              onCommit={(v) => set(`/identity/approvedBy/${key}`, valueOf(v, 'source'), label)}
            />
          ))}
        </FieldGroup>
        <FieldGroup title={t('editGroupSource')} testId="sop-source">
          <SelectField
            label={t('editSourceComplete')}
            testId="sop-source-complete"
            value={doc.source?.complete === false ? 'no' : 'yes'}
            choices={[
              { value: 'yes', label: t('editSourceCompleteYes') },
              { value: 'no', label: t('editSourceCompleteNo') },
            ]}
            // complete is the default: the block is removed rather than written complete: true
            onChange={(v) =>
              set('/source', v === 'no' ? { complete: false, ...(doc.source?.note ? { note: doc.source.note } : {}) } : undefined, 'editSourceComplete')
            }
          />
          {doc.source?.complete === false && (
            <TextField
              label={t('editSourceNote')}
              testId="sop-source-note"
              value={doc.source.note ?? ''}
              wide
              onCommit={(v) => set('/source/note', v.trim() || undefined, 'editSourceNote')}
            />
          )}
        </FieldGroup>
        <FieldGroup title={t('editGroupService')} testId="sop-service">
          <p className="muted edit-field-wide">{t('editServiceHint')}</p>
          {SERVICE.map(([key, label]) => (
            <TextField
              key={key}
              label={t(label)}
              testId={`sop-service-${key}`}
              value={read(doc.service, key)}
              wide={key === 'dasarBiaya' || key === 'kondisiWaktu'}
              onCommit={(v) => set(`/service/${key}`, v.trim() || undefined, label)}
            />
          ))}
          <ListField
            label={t('docPersyaratan')}
            testId="sop-service-persyaratan"
            items={
              Array.isArray(doc.service?.persyaratan) ? doc.service.persyaratan : typeof doc.service?.persyaratan === 'string' ? [doc.service.persyaratan] : []
            }
            onSet={(i, text) =>
              set(
                Array.isArray(doc.service?.persyaratan) ? `/service/persyaratan/${i}` : '/service/persyaratan',
                Array.isArray(doc.service?.persyaratan) ? text.trim() : text.trim(),
                'docPersyaratan',
                ` ${i + 1}`,
              )
            }
            onRemove={(i) =>
              set(
                Array.isArray(doc.service?.persyaratan) && doc.service.persyaratan.length > 1 ? `/service/persyaratan/${i}` : '/service/persyaratan',
                undefined,
                'docPersyaratan',
                ` ${i + 1}`,
              )
            }
            onAdd={(text) => {
              const current = doc.service?.persyaratan;
              set('/service/persyaratan', [...(Array.isArray(current) ? current : typeof current === 'string' ? [current] : []), text], 'docPersyaratan');
            }}
          />
        </FieldGroup>
        <FieldGroup title={t('editGroupSections')}>
          {SECTIONS.map(([key, label]) => {
            const raw = sections[key];
            const items = Array.isArray(raw) ? raw.map((i) => (typeof i === 'string' ? i : String(i))) : [];
            return (
              <ListField
                key={key}
                label={t(label)}
                testId={`sop-section-${key}`}
                items={items}
                onSet={(i, text) => set(`/sections/${key}/${i}`, text.trim(), label, ` ${i + 1}`)}
                onRemove={(i) => set(`/sections/${key}/${i}`, undefined, label, ` ${i + 1}`)}
                onAdd={(text) =>
                  set(Array.isArray(raw) ? `/sections/${key}/-` : `/sections/${key}`, Array.isArray(raw) ? text : [text], label, ` ${items.length + 1}`)
                }
              />
            );
          })}
        </FieldGroup>
      </div>
    );
  },
  (previous, next) => previous.run === next.run && sameOwnFields(previous.doc, next.doc),
);
