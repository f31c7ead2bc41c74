import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { SopCommand } from './sop-command';

export interface LaneMoveParams {
  laneId: string;
  /** The lane's column after the move (0 is the leftmost). */
  toIndex: number;
}

/**
 * Moves a Pelaksana column left or right (reorders `lanes`). Refuses an index outside the lanes.
 *
 * @example
 * laneMove({ laneId: 'kepala-dinas', toIndex: 0 }).apply(state)
 */
export function laneMove(params: LaneMoveParams): SopCommand<LaneMoveParams> {
  return defineCommand(
    'lane.move',
    params,
    (lang) =>
      lang === 'en' ? `Move lane "${params.laneId}" to column ${params.toIndex + 1}` : `Pindahkan lajur "${params.laneId}" ke kolom ${params.toIndex + 1}`,
    (sop) => {
      const lane = sop.lane(params.laneId);
      const count = lane.seq.items.length;
      if (!Number.isInteger(params.toIndex) || params.toIndex < 0 || params.toIndex >= count) {
        throw new CommandError('index-out-of-range', {
          en: `column ${params.toIndex} is outside the lanes: give an index from 0 to ${count - 1}`,
          id: `kolom ${params.toIndex} di luar daftar lajur: berikan indeks 0 sampai ${count - 1}`,
        });
      }
      if (params.toIndex !== lane.index) sop.moveItem(lane.seq, lane.index, params.toIndex);
    },
  );
}
