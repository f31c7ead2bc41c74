import { OTHER_ROLE } from '@sop/model';
import { YAMLMap } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { checkNewId, slugify, uniqueId } from './ids';
import { LANE_KEYS } from './key-order';
import { checkLaneRole, otherRoleDescription } from './lane-set-role';
import type { SopCommand } from './sop-command';

export interface LaneAddParams {
  /** The column header as written. */
  name: string;
  /** The common national role the lane plays (pemohon, petugas, kasi, helpdesk, ppid…), or `other`. */
  role: string;
  /** With role `other`: what the role is, in the SOP's own words; the lane's name when not given. */
  roleDescription?: string;
  /** The lane's id (its access role in the runtime); derived from the name when not given. */
  id?: string;
  /** Where the column goes (0 is the leftmost); at the end when not given. */
  index?: number;
}

/**
 * Adds a Pelaksana column. The validator warns about it until a step is placed in it. Refuses an
 * invalid or taken id, an index outside the lane list, a role not in the schema's list and a blank
 * description of role `other` (whose description is the lane's name when not given).
 *
 * @example
 * const { effects } = laneAdd({ name: 'Kasi Pelayanan', role: 'kasi' }).apply(state);
 * effects // [{ type: 'lane.created', laneId: 'kasi-pelayanan' }]
 */
export function laneAdd(params: LaneAddParams): SopCommand<LaneAddParams> {
  return defineCommand(
    'lane.add',
    params,
    (lang) => (lang === 'en' ? `Add lane "${params.name}"` : `Tambah lajur "${params.name}"`),
    (sop) => {
      const seq = sop.laneSeq(true);
      const taken = new Set(sop.lanes().map((l) => l.id));
      const index = params.index ?? seq.items.length;
      if (!Number.isInteger(index) || index < 0 || index > seq.items.length) {
        throw new CommandError('index-out-of-range', {
          en: `column ${index} is outside the lanes: give an index from 0 to ${seq.items.length}`,
          id: `kolom ${index} di luar daftar lajur: berikan indeks 0 sampai ${seq.items.length}`,
        });
      }
      checkLaneRole(params.role);
      const description = params.role === OTHER_ROLE ? otherRoleDescription(params.roleDescription, params.name) : undefined;
      let id: string;
      if (params.id !== undefined) {
        checkNewId(params.id, { en: 'lane', id: 'lajur' }, taken);
        id = params.id;
      } else {
        id = uniqueId(slugify(params.name, 3) || 'lajur', taken);
      }
      const lane = new YAMLMap(sop.doc.schema);
      sop.setKey(lane, 'id', id, LANE_KEYS);
      sop.setKey(lane, 'name', params.name, LANE_KEYS);
      sop.setKey(lane, 'role', params.role, LANE_KEYS);
      if (description !== undefined) sop.setKey(lane, 'roleDescription', description, LANE_KEYS);
      sop.insertItem(seq, index, lane);
      return [{ type: 'lane.created', laneId: id }];
    },
  );
}
