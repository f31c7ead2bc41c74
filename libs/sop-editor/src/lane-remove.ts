import { isMap, isSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { CommandEffect, SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface LaneRemoveParams {
  laneId: string;
}

/**
 * Removes a Pelaksana column. Refuses while steps are in it, naming them (move or delete them
 * first). The lane's entry in `intake.revealTo` goes with it, reported as an effect.
 *
 * @example
 * laneRemove({ laneId: 'sekretaris' }).apply(state)
 * // CommandError: lane "sekretaris" still holds step "sekretaris-periksa": move it to another lane or delete it first
 */
export function laneRemove(params: LaneRemoveParams): SopCommand<LaneRemoveParams> {
  return defineCommand(
    'lane.remove',
    params,
    (lang) => (lang === 'en' ? `Remove lane "${params.laneId}"` : `Hapus lajur "${params.laneId}"`),
    (sop) => {
      const lane = sop.lane(params.laneId);
      const users = sop.steps().filter((s) => stringAt(s.map, 'lane') === lane.id);
      if (users.length > 0) {
        const names = users.map((s) => `"${s.id}"`).join(', ');
        const one = users.length === 1;
        throw new CommandError('lane-in-use', {
          en: `lane "${lane.id}" still holds ${one ? 'step' : 'steps'} ${names}: move ${one ? 'it' : 'them'} to another lane or delete ${one ? 'it' : 'them'} first`,
          id: `lajur "${lane.id}" masih memuat langkah ${names}: pindahkan ke lajur lain atau hapus terlebih dahulu`,
        });
      }
      const effects: CommandEffect[] = [];
      // a lane only asked goes from the steps that ask it (an emptied list with it)
      for (const step of sop.steps()) {
        const asked = step.map.get('coordination', true);
        if (!isSeq(asked)) continue;
        for (let i = asked.items.length - 1; i >= 0; i--) {
          const item = asked.items[i];
          if (!isMap(item) || stringAt(item, 'lane') !== lane.id) continue;
          if (asked.items.length === 1) step.map.delete('coordination');
          else sop.removeItem(asked, i);
          effects.push({ type: 'reference.removed', pointer: `${step.pointer}/coordination/${i}`, value: lane.id });
        }
      }
      const revealTo = sop.doc.getIn(['intake', 'revealTo'], true);
      if (isSeq(revealTo)) {
        for (let i = revealTo.items.length - 1; i >= 0; i--) {
          if (revealTo.get(i) !== lane.id) continue;
          sop.removeItem(revealTo, i);
          effects.unshift({ type: 'reference.removed', pointer: `/intake/revealTo/${i}`, value: lane.id });
        }
      }
      sop.removeItem(lane.seq, lane.index);
      return effects;
    },
  );
}
