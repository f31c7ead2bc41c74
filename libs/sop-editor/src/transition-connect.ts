import { isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { checkNewId, slugify, uniqueId } from './ids';
import { JUMP_KEYS, OUTCOME_KEYS, STEP_KEYS } from './key-order';
import type { CommandEffect, SopCommand } from './sop-command';
import { stringAt, spacingOf } from './sop-yaml';

export interface TransitionConnectParams {
  from: string;
  to: string;
  /** Required when `from` is a decision: the outcome the new arrow stands for. */
  outcome?: { id?: string; label: string; kind?: 'escalation' | 'rejection' | 'referral' };
  /** For a start or task: connect its escalation or rejection instead of its `next`. */
  jump?: { kind: 'escalation' | 'rejection'; label?: string | null };
}

/**
 * Connects two steps, as drawing an arrow does.
 *
 * - From a decision: adds an outcome `{ id, label, to }` (and `kind` when given). The label is
 *   required, since the diagram has to say which way is which: without one the command refuses
 *   with a message the UI can show while asking for it. The outcome id comes from the label
 *   unless given.
 * - From any other step: sets its `next` (an existing `next` is replaced and reported as
 *   retargeted), or with `jump` its `escalation` or `rejection`.
 *
 * Connections the SOP rules forbid but that can be written (from an end step, to a step of
 * another flow) are made, and the validator reports them where they are; the command refuses
 * only what cannot be written: unknown steps, a decision outcome without label, an outcome from
 * a non-decision, an escalation jump from a decision, a taken outcome id.
 *
 * @example
 * transitionConnect({ from: 'kadis-periksa', to: 'penyelesaian' }).apply(state)
 * transitionConnect({ from: 'petugas-periksa', to: 'kasi-periksa', outcome: { label: 'Perlu Kasi', kind: 'escalation' } }).apply(state)
 */
export function transitionConnect(params: TransitionConnectParams): SopCommand<TransitionConnectParams> {
  const { from, to } = params;
  return defineCommand(
    'transition.connect',
    params,
    (lang) => {
      const how = params.outcome ? ` ("${params.outcome.label}")` : params.jump ? ` (${params.jump.kind})` : '';
      return lang === 'en' ? `Connect "${from}" to "${to}"${how}` : `Sambungkan "${from}" ke "${to}"${how}`;
    },
    (sop) => {
      const step = sop.step(from);
      sop.step(to);
      const kind = stringAt(step.map, 'kind');
      const effects: CommandEffect[] = [];
      if (kind === 'decision') {
        if (params.jump) {
          throw new CommandError('jump-on-decision', {
            en: `decision "${from}" escalates or rejects through an outcome: connect with an outcome of kind ${params.jump.kind} instead`,
            id: `keputusan "${from}" meneruskan atau menolak melalui hasilnya: sambungkan dengan hasil berjenis ${params.jump.kind}`,
          });
        }
        const asked = params.outcome;
        const label = asked?.label?.trim();
        if (!asked || !label) {
          throw new CommandError('label-required', {
            en: `"${from}" is a decision: name the outcome that leads to "${to}" (e.g. valid / tidak valid), so the diagram can say which way is which`,
            id: `"${from}" adalah keputusan: beri nama hasil yang menuju "${to}" (mis. valid / tidak valid), agar diagram menunjukkan arah masing-masing`,
          });
        }
        const current: unknown = step.map.get('outcomes', true);
        const seq = isSeq(current) ? current : new YAMLSeq(sop.doc.schema);
        if (seq !== current) sop.setKey(step.map, 'outcomes', seq, STEP_KEYS);
        const taken = new Set(seq.items.flatMap((o) => (isMap(o) ? [stringAt(o, 'id') ?? ''] : [])));
        let id: string;
        if (asked.id !== undefined) {
          checkNewId(asked.id, { en: `outcome of decision "${from}"`, id: `hasil keputusan "${from}"` }, taken);
          id = asked.id;
        } else {
          id = uniqueId(slugify(label) || 'hasil', taken);
        }
        const first = seq.items[0];
        const outcome = new YAMLMap(sop.doc.schema);
        outcome.flow = first === undefined || (isMap(first) && first.flow === true);
        sop.setKey(outcome, 'id', id, OUTCOME_KEYS);
        sop.setKey(outcome, 'label', label, OUTCOME_KEYS);
        sop.setKey(outcome, 'to', to, OUTCOME_KEYS);
        if (asked.kind) sop.setKey(outcome, 'kind', asked.kind, OUTCOME_KEYS);
        sop.insertItem(seq, seq.items.length, outcome, spacingOf(seq) ?? false);
        effects.push({ type: 'outcome.created', stepId: from, outcomeId: id });
        return effects;
      }
      if (params.outcome) {
        throw new CommandError('outcome-needs-decision', {
          en: `"${from}" is a ${kind ?? 'step'}, and only a decision has outcomes: make it kind decision first, or connect it without an outcome`,
          id: `"${from}" berjenis ${kind ?? 'langkah'}, dan hanya keputusan yang memiliki hasil: jadikan dulu berjenis decision, atau sambungkan tanpa hasil`,
        });
      }
      const existing = sop.transitionsOf(step).find((h) => h.transition.kind === (params.jump?.kind ?? 'next'));
      if (existing && existing.transition.to !== to) {
        effects.push({ type: 'transition.retargeted', transition: existing.transition, newTo: to });
      }
      if (params.jump) {
        const current: unknown = step.map.get(params.jump.kind, true);
        const jump = isMap(current) ? current : new YAMLMap(sop.doc.schema);
        if (jump !== current) {
          jump.flow = true;
          sop.setKey(step.map, params.jump.kind, jump, STEP_KEYS);
        }
        sop.setKey(jump, 'to', to, JUMP_KEYS);
        if (params.jump.label !== undefined) sop.setKey(jump, 'label', params.jump.label, JUMP_KEYS);
      } else {
        sop.setKey(step.map, 'next', to, STEP_KEYS);
      }
      return effects;
    },
  );
}
