import { useState } from 'react';
import {
  coordinationAdd,
  coordinationRemove,
  decisionRouteBy,
  outcomeUpdate,
  sopUpdate,
  stepChangeLane,
  stepRename,
  stepUpdate,
  transitionConnect,
  transitionDisconnect,
  transitionReconnect,
  transitionRelabel,
  type EditResult,
  type SopCommand,
  type StepChanges,
} from '@sop/editor';
import type { FormField, SopFlow, Step, StepKind, TimeoutRule } from '@sop/model';
import { MESSAGES, useI18n } from '../i18n';
import { FieldGroup, SelectField, TextField, type Choice } from './fields';
import { kindKey, laneName, STEP_KINDS, stepChoices, stepPointer } from './step-names';
import { ProvenanceField } from './ProvenanceField';

import type { RunCommand } from './run-command';

/** A text as a SourceText: blank is null (the schema's "blank in the source"). */
const sourceText = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Kelengkapan, one per line: none is null, one is a text, more a list. */
function textList(text: string): string | string[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length === 0 ? null : lines.length === 1 ? lines[0] : lines;
}

const listText = (value: unknown): string => (Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '');

/**
 * Every field of the selected step: identity (id, number, kind, lane, label), the row's texts and
 * Mutu Baku, its arrows (next, a decision's outcomes, escalation and rejection), what happens when
 * its Waktu passes, and its message template. Each change is one named command.
 */
export function PropertiesPanel({
  step,
  flow,
  lanes,
  templates,
  choiceFields = [],
  run,
  onRenamed,
}: {
  step: Step;
  flow: SopFlow;
  lanes: { id: string; name: string; role?: string }[];
  templates: { id: string; name: string }[];
  /** The form's choice fields: a decision may be routed by one (ADR 0014). */
  choiceFields?: FormField[];
  run: RunCommand;
  onRenamed(newId: string): void;
}) {
  const { t } = useI18n();
  const stepId = step.id;
  const update = (changes: StepChanges) => run(stepUpdate({ stepId, changes }));
  const none: Choice = { value: '', label: t('editNone') };
  const targets = stepChoices(flow.steps);
  const kinds: Choice[] = STEP_KINDS.map((k) => ({ value: k, label: `${t(kindKey(k))} (${k})` }));
  const laneChoices: Choice[] = lanes.map((l) => ({ value: l.id, label: laneName(l.name) }));
  const pointer = stepPointer(flow, stepId);
  const showNext = step.kind !== 'decision' || step.next !== undefined;
  const showOutcomes = step.kind === 'decision' || (step.outcomes?.length ?? 0) > 0;
  const showJumps = step.kind === 'task' || step.escalation !== undefined || step.rejection !== undefined;
  const acts = step.kind === 'task' || step.kind === 'decision';
  const citizenLanes = new Set(lanes.filter((l) => l.role === 'pemohon').map((l) => l.id));
  // a change of action keeps the rule's provenance (a platform decision stays marked as one)
  const setTimeout = (action: string, outcome?: string) =>
    update({
      onTimeout: action
        ? ({
            action: action as TimeoutRule['action'],
            ...(action === 'choose' ? { outcome: outcome ?? step.outcomes?.[0]?.id ?? '' } : {}),
            ...(step.onTimeout?.provenance ? { provenance: step.onTimeout.provenance } : {}),
          } as TimeoutRule)
        : undefined,
    });
  const timeoutChoices: Choice[] = [
    { value: '', label: t('editOnTimeoutDefault') },
    { value: 'flag', label: t('editOnTimeoutFlag') },
    { value: 'escalate', label: t('editOnTimeoutEscalate') },
    // complete fits a task, choose a decision (ADR 0010); one that no longer fits stays listed
    ...(step.kind === 'task' || step.onTimeout?.action === 'complete' ? [{ value: 'complete', label: t('editOnTimeoutComplete') }] : []),
    ...(step.kind === 'decision' || step.onTimeout?.action === 'choose' ? [{ value: 'choose', label: t('editOnTimeoutChoose') }] : []),
  ];

  return (
    <div className="edit-props" data-testid="properties-panel" data-step-id={stepId}>
      <p className="edit-props-id">
        <code>{stepId}</code> · {t(kindKey(step.kind))}
        <span className="muted"> — {t('editCommitHint')}</span>
      </p>
      <FieldGroup title={t('editGroupStep')}>
        <TextField
          label={t('editStepId')}
          testId="prop-id"
          value={stepId}
          onCommit={(newId) => {
            if (run(stepRename({ stepId, newId: newId.trim() }))) onRenamed(newId.trim());
          }}
        />
        <TextField label={t('editNumber')} testId="prop-number" value={step.number ?? ''} onCommit={(v) => update({ number: sourceText(v) })} />
        <SelectField label={t('editKind')} testId="prop-kind" value={step.kind} choices={kinds} onChange={(v) => update({ kind: v as StepKind })} />
        <SelectField
          label={t('editLane')}
          testId="prop-lane"
          value={step.lane}
          choices={laneChoices}
          onChange={(lane) => run(stepChangeLane({ stepId, lane }))}
        />
        <TextField label={t('editLabel')} testId="prop-label" value={step.label ?? ''} onCommit={(v) => update({ label: sourceText(v) })} wide />
        <TextField
          label={t('editActivity')}
          testId="prop-activity"
          value={step.activity ?? ''}
          multiline
          onCommit={(v) => update({ activity: sourceText(v) })}
          wide
        />
        {pointer && <ProvenanceField pointer={`${pointer}/provenance`} value={step.provenance} run={run} testId="prop-provenance" />}
      </FieldGroup>
      <FieldGroup title={t('editGroupMutu')}>
        <TextField
          label={t('editKelengkapanHint')}
          testId="prop-kelengkapan"
          value={listText(step.kelengkapan)}
          multiline
          rows={3}
          onCommit={(v) => update({ kelengkapan: textList(v) })}
          wide
        />
        <TextField
          label={t('headerWaktu')}
          testId="prop-waktu"
          value={step.waktu ?? ''}
          placeholder={t('editWaktuExample')}
          onCommit={(v) => update({ waktu: sourceText(v) })}
        />
        <TextField label={t('headerOutput')} testId="prop-output" value={step.output ?? ''} onCommit={(v) => update({ output: sourceText(v) })} wide />
        <TextField
          label={t('headerKeterangan')}
          testId="prop-keterangan"
          value={step.keterangan ?? ''}
          multiline
          onCommit={(v) => update({ keterangan: sourceText(v) })}
          wide
        />
        <SelectField
          label={t('editOnTimeout')}
          testId="prop-onTimeout"
          value={step.onTimeout?.action ?? ''}
          choices={timeoutChoices}
          onChange={(v) => setTimeout(v)}
        />
        {step.onTimeout?.action === 'choose' && (
          <SelectField
            label={t('editOnTimeoutOutcome')}
            testId="prop-onTimeout-outcome"
            value={step.onTimeout.outcome ?? ''}
            choices={(step.outcomes ?? []).map((o) => ({ value: o.id, label: `${o.label} (${o.id})` }))}
            onChange={(v) => setTimeout('choose', v)}
          />
        )}
        {pointer && step.onTimeout && (
          <fieldset className="edit-field-wide edit-timeout-provenance">
            <legend>{t('editTimeoutProvenance')}</legend>
            <ProvenanceField pointer={`${pointer}/onTimeout/provenance`} value={step.onTimeout.provenance} run={run} testId="prop-onTimeout-provenance" />
          </fieldset>
        )}
        <SelectField
          label={t('editTemplate')}
          testId="prop-template"
          value={step.template ?? ''}
          choices={[none, ...templates.map((tp) => ({ value: tp.id, label: `${tp.name} (${tp.id})` }))]}
          onChange={(v) => update({ template: v || undefined })}
        />
      </FieldGroup>
      {acts && (
        <FieldGroup title={t('editGroupConstructs')} testId="prop-constructs">
          {!citizenLanes.has(step.lane) && (
            <Coordination step={step} pointer={pointer} lanes={lanes.filter((l) => l.id !== step.lane && !citizenLanes.has(l.id))} run={run} />
          )}
          {!citizenLanes.has(step.lane) && <Schedule step={step} update={update} />}
          {step.kind === 'decision' && (
            <label className="edit-field edit-field-wide">
              <span>{t('editRouteBy')}</span>
              <select
                data-testid="prop-routeBy"
                value={step.routeBy?.field ?? ''}
                onChange={(e) => run(decisionRouteBy({ stepId, field: e.target.value || null }))}
              >
                <option value="">{t('editRouteByNone')}</option>
                {step.routeBy && !choiceFields.some((f) => f.id === step.routeBy!.field) && <option value={step.routeBy.field}>{step.routeBy.field}</option>}
                {choiceFields.map((f) => (
                  <option key={f.id} value={f.id}>
                    {`${f.label} (${f.id})`}
                  </option>
                ))}
              </select>
              <small className="edit-field-hint">{choiceFields.length ? t('editRouteByHint') : t('editRouteByNoFields')}</small>
            </label>
          )}
        </FieldGroup>
      )}
      <FieldGroup title={t('editGroupFlow')} testId="prop-transitions">
        {showNext && (
          <SelectField
            label={t('editNext')}
            testId="prop-next"
            value={step.next ?? ''}
            choices={[none, ...targets]}
            wide
            onChange={(to) => run(to ? transitionConnect({ from: stepId, to }) : transitionDisconnect({ from: stepId, to: step.next!, kind: 'next' }))}
          />
        )}
        {showOutcomes && (
          <Outcomes
            step={step}
            pointer={pointer}
            targets={targets}
            run={run}
            routeField={step.routeBy ? choiceFields.find((f) => f.id === step.routeBy!.field) : undefined}
          />
        )}
        {showJumps &&
          (['escalation', 'rejection'] as const).map((kind) => {
            const jump = step[kind];
            return (
              <div key={kind} className="edit-jump edit-field-wide" data-testid={`prop-${kind}`}>
                <SelectField
                  label={t(kind === 'escalation' ? 'editEscalation' : 'editRejection')}
                  testId={`prop-${kind}-to`}
                  value={jump?.to ?? ''}
                  choices={[none, ...targets]}
                  onChange={(to) =>
                    run(to ? transitionConnect({ from: stepId, to, jump: { kind } }) : transitionDisconnect({ from: stepId, to: jump!.to, kind }))
                  }
                />
                {jump && (
                  <TextField
                    label={t('editArrowLabel')}
                    testId={`prop-${kind}-label`}
                    value={jump.label ?? ''}
                    onCommit={(label) => run(transitionRelabel({ from: stepId, jump: kind, label: sourceText(label) }))}
                  />
                )}
              </div>
            );
          })}
      </FieldGroup>
    </div>
  );
}

/** A decision's outcomes: label, target and kind of each; remove one; add one. */
function Outcomes({
  step,
  pointer,
  targets,
  run,
  routeField,
}: {
  step: Step;
  pointer: string | undefined;
  targets: Choice[];
  run: RunCommand;
  routeField?: FormField;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [to, setTo] = useState('');
  const from = step.id;
  const kinds: Choice[] = [
    { value: '', label: t('editOutcomeNormal') },
    { value: 'escalation', label: t('editOutcomeEscalation') },
    { value: 'rejection', label: t('editOutcomeRejection') },
    { value: 'referral', label: t('editOutcomeReferral') },
  ];
  const add = () => {
    if (!label.trim() || !to) return;
    if (run(transitionConnect({ from, to, outcome: { label: label.trim() } }))) {
      setLabel('');
      setTo('');
    }
  };
  return (
    <fieldset className="edit-outcomes edit-field-wide" data-testid="prop-outcomes">
      <legend>{t('editOutcomes')}</legend>
      {(step.outcomes ?? []).map((o, j) => (
        <div key={`${j}:${o.id}`} className="edit-outcome" data-testid="prop-outcome" data-outcome-id={o.id}>
          <TextField
            label={t('editOutcomeLabel')}
            testId="prop-outcome-label"
            value={o.label}
            onCommit={(v) => run(transitionRelabel({ from, outcome: o.id, label: v }))}
          />
          <SelectField
            label={t('editOutcomeTo')}
            testId="prop-outcome-to"
            value={o.to}
            choices={targets}
            onChange={(newTo) => run(transitionReconnect({ from, to: o.to, newTo, outcome: o.id }))}
          />
          <SelectField
            label={t('editOutcomeKind')}
            testId="prop-outcome-kind"
            value={o.kind ?? ''}
            choices={kinds}
            onChange={(v) => pointer && run(sopUpdate({ pointer: `${pointer}/outcomes/${j}/kind`, value: v || undefined }))}
          />
          {pointer && <ProvenanceField pointer={`${pointer}/outcomes/${j}/provenance`} value={o.provenance} run={run} testId="prop-outcome-provenance" />}
          <button
            type="button"
            className="edit-icon-button"
            data-testid="prop-outcome-remove"
            title={t('editOutcomeRemove')}
            aria-label={t('editOutcomeRemove')}
            onClick={() => run(transitionDisconnect({ from, to: o.to, outcome: o.id }))}
          >
            ×
          </button>
          <div className="edit-outcome-extra">
            <TextField
              label={t('editOutcomeDocument')}
              testId="prop-outcome-document"
              wide
              value={o.document ?? ''}
              onCommit={(v) => run(outcomeUpdate({ stepId: from, outcome: o.id, changes: { document: v } }))}
            />
            {step.routeBy && (
              <fieldset className="edit-outcome-when" data-testid="prop-outcome-when">
                <legend>{t('editOutcomeWhen')}</legend>
                {[...new Set([...(routeField?.options ?? []), ...(o.when ?? [])])].map((value) => {
                  const checked = (o.when ?? []).includes(value);
                  return (
                    <label key={value} className="edit-check">
                      <input
                        type="checkbox"
                        data-testid="prop-outcome-when-value"
                        data-value={value}
                        checked={checked}
                        onChange={() =>
                          run(
                            outcomeUpdate({
                              stepId: from,
                              outcome: o.id,
                              changes: { when: checked ? (o.when ?? []).filter((w) => w !== value) : [...(o.when ?? []), value] },
                            }),
                          )
                        }
                      />
                      {value}
                    </label>
                  );
                })}
              </fieldset>
            )}
          </div>
        </div>
      ))}
      <div className="edit-outcome edit-outcome-new">
        <label className="edit-field">
          <span>{t('editOutcomeNew')}</span>
          <input data-testid="prop-outcome-new-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="edit-field">
          <span>{t('editOutcomeTo')}</span>
          <select data-testid="prop-outcome-new-to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('editChoose')}</option>
            {targets.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" data-testid="prop-outcome-add" disabled={!label.trim() || !to} onClick={add}>
          {t('editOutcomeAdd')}
        </button>
      </div>
    </fieldset>
  );
}

/** The lanes a step asks (ADR 0014): each with its label and a remove button; add one of the SOP's other lanes. */
function Coordination({ step, pointer, lanes, run }: { step: Step; pointer: string | undefined; lanes: { id: string; name: string }[]; run: RunCommand }) {
  const { t } = useI18n();
  const asked = step.coordination ?? [];
  const free = lanes.filter((l) => !asked.some((c) => c.lane === l.id));
  const [lane, setLane] = useState('');
  const name = (id: string) => lanes.find((l) => l.id === id)?.name ?? id;
  const label = { id: MESSAGES.id.editCoordinationLabel, en: MESSAGES.en.editCoordinationLabel };
  const add = () => {
    const chosen = lane || free[0]?.id;
    if (chosen && run(coordinationAdd({ stepId: step.id, lane: chosen, label: t('editCoordinationDefault', { lane: laneName(name(chosen)) }) }))) setLane('');
  };
  return (
    <fieldset className="edit-coordination edit-field-wide" data-testid="prop-coordination">
      <legend>{t('editCoordination')}</legend>
      <small className="edit-field-hint">{t('editCoordinationHint')}</small>
      {asked.length === 0 && <p className="muted edit-list-empty">{t('editCoordinationNone')}</p>}
      {asked.map((c, i) => (
        <div key={`${i}:${c.lane}`} className="edit-coordination-item" data-testid="prop-coordination-item" data-lane={c.lane}>
          <strong>{laneName(name(c.lane))}</strong>
          {pointer && (
            <TextField
              label={t('editCoordinationLabel')}
              testId="prop-coordination-label"
              value={c.label ?? ''}
              onCommit={(v) => run(sopUpdate({ pointer: `${pointer}/coordination/${i}/label`, value: v.trim() || undefined, label }))}
            />
          )}
          <button
            type="button"
            className="edit-icon-button"
            data-testid="prop-coordination-remove"
            title={t('editCoordinationRemove')}
            aria-label={t('editCoordinationRemove')}
            onClick={() => run(coordinationRemove({ stepId: step.id, lane: c.lane }))}
          >
            ×
          </button>
        </div>
      ))}
      {free.length > 0 && (
        <div className="edit-coordination-new">
          <label className="edit-field">
            <span>{t('editCoordinationNew')}</span>
            <select data-testid="prop-coordination-new-lane" value={lane || free[0].id} onChange={(e) => setLane(e.target.value)}>
              {free.map((l) => (
                <option key={l.id} value={l.id}>
                  {laneName(l.name)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" data-testid="prop-coordination-add" onClick={add}>
            {t('editCoordinationAdd')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Whether the step may wait for a date the officer sets, and the schedule's name (ADR 0014). */
function Schedule({ step, update }: { step: Step; update: (changes: StepChanges) => EditResult | undefined }) {
  const { t } = useI18n();
  return (
    <div className="edit-schedule edit-field-wide" data-testid="prop-schedule-group">
      <label className="edit-check">
        <input
          type="checkbox"
          data-testid="prop-schedule"
          checked={!!step.schedule}
          onChange={() => update({ schedule: step.schedule ? undefined : { label: t('editScheduleDefault') } })}
        />
        {t('editSchedule')}
      </label>
      {step.schedule && (
        <TextField
          label={t('editScheduleLabel')}
          testId="prop-schedule-label"
          value={step.schedule.label ?? ''}
          wide
          onCommit={(v) => update({ schedule: { label: sourceText(v) } })}
        />
      )}
    </div>
  );
}
