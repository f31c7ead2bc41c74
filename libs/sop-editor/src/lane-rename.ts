import { isMap, isScalar, isSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { checkNewId } from './ids';
import { LANE_KEYS, STEP_KEYS } from './key-order';
import type { CommandEffect, SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface LaneRenameParams {
  laneId: string;
  /** The new column header. */
  name?: string;
  /** A new id: every step in the lane and every `intake.revealTo` entry follows it. */
  newId?: string;
}

/**
 * Renames a lane: its header (`name`), its id, or both. A new id is carried to every step of the
 * lane (in all flows) and to `intake.revealTo`, each reported as an effect. Refuses an unknown
 * lane and an invalid or taken id.
 *
 * @example
 * laneRename({ laneId: 'kasi', name: 'Kasi Pelayanan Pengaduan' }).apply(state)
 */
export function laneRename(params: LaneRenameParams): SopCommand<LaneRenameParams> {
  return defineCommand(
    'lane.rename',
    params,
    (lang) => {
      const to = params.name ?? params.newId ?? '';
      return lang === 'en' ? `Rename lane "${params.laneId}" to "${to}"` : `Ganti nama lajur "${params.laneId}" menjadi "${to}"`;
    },
    (sop) => {
      const lane = sop.lane(params.laneId);
      if (params.name === undefined && params.newId === undefined) {
        throw new CommandError('invalid-change', {
          en: 'give the lane a new name or a new id',
          id: 'berikan nama baru atau id baru untuk lajur',
        });
      }
      const effects: CommandEffect[] = [];
      if (params.name !== undefined) sop.setKey(lane.map, 'name', params.name, LANE_KEYS);
      const newId = params.newId;
      if (newId !== undefined && newId !== lane.id) {
        checkNewId(newId, { en: 'lane', id: 'lajur' }, new Set(sop.lanes().map((l) => l.id)));
        sop.setKey(lane.map, 'id', newId, LANE_KEYS, { keepComment: true });
        for (const step of sop.steps()) {
          if (stringAt(step.map, 'lane') !== lane.id) continue;
          sop.setKey(step.map, 'lane', newId, STEP_KEYS, { keepComment: true });
          effects.push({ type: 'reference.renamed', pointer: `${step.pointer}/lane`, from: lane.id, to: newId });
        }
        // a lane only asked (coordination, ADR 0014) is named there too
        for (const step of sop.steps()) {
          const asked = step.map.get('coordination', true);
          if (!isSeq(asked)) continue;
          asked.items.forEach((item, i) => {
            if (!isMap(item) || stringAt(item, 'lane') !== lane.id) return;
            sop.setKey(item, 'lane', newId, ['lane', 'label'], { keepComment: true });
            effects.push({ type: 'reference.renamed', pointer: `${step.pointer}/coordination/${i}/lane`, from: lane.id, to: newId });
          });
        }
        const revealTo = sop.doc.getIn(['intake', 'revealTo'], true);
        if (isSeq(revealTo)) {
          revealTo.items.forEach((_, i) => {
            if (revealTo.get(i) !== lane.id) return;
            const item: unknown = revealTo.get(i, true);
            if (isScalar(item)) item.value = newId;
            else revealTo.set(i, newId);
            effects.push({ type: 'reference.renamed', pointer: `/intake/revealTo/${i}`, from: lane.id, to: newId });
          });
        }
      }
      return effects;
    },
  );
}
