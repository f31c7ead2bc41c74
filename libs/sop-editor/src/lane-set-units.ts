import { YAMLSeq } from 'yaml';
import type { LaneUnit } from '@sop/model';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { checkNewId } from './ids';
import { LANE_KEYS } from './key-order';
import type { SopCommand } from './sop-command';

export interface LaneSetUnitsParams {
  laneId: string;
  /** The units the lane stands for (each Bidang or Seksi); an empty list removes them (and `unitField`). */
  units: LaneUnit[];
  /** The form field whose value picks the unit; undefined: the default, `intake.categoryField`. */
  unitField?: string;
}

/**
 * Sets the units one lane stands for and the field that picks among them (ADR 0014), as one
 * undoable step: the list is written whole, in flow style per unit. Refuses a unit with an invalid
 * or repeated id, no name, or no value, and a value in two units. The validator says, located,
 * when a value is not an option of the field or the field is not a choice field.
 *
 * @example
 * laneSetUnits({ laneId: 'bidang', units: [{ id: 'dafduk', name: 'Bidang Dafduk', values: ['Pendaftaran Penduduk'] }] }).apply(state)
 */
export function laneSetUnits(params: LaneSetUnitsParams): SopCommand<LaneSetUnitsParams> {
  return defineCommand(
    'lane.setUnits',
    params,
    (lang) =>
      lang === 'en'
        ? `Set the units of lane "${params.laneId}" (${params.units.map((u) => u.id).join(', ') || 'none'})`
        : `Ubah unit lajur "${params.laneId}" (${params.units.map((u) => u.id).join(', ') || 'tidak ada'})`,
    (sop) => {
      const lane = sop.lane(params.laneId);
      const ids = new Set<string>();
      const seen = new Map<string, string>();
      const units = params.units.map((u) => ({ id: u.id.trim(), name: u.name.trim(), values: [...new Set(u.values.map((v) => v.trim()).filter(Boolean))] }));
      for (const u of units) {
        checkNewId(u.id, { en: 'unit', id: 'unit' }, ids);
        ids.add(u.id);
        if (!u.name || u.values.length === 0) {
          throw new CommandError('invalid-change', {
            en: `unit "${u.id}" needs a name and at least one value of the field`,
            id: `unit "${u.id}" memerlukan nama dan sedikitnya satu nilai isian`,
          });
        }
        for (const v of u.values) {
          const other = seen.get(v);
          if (other) {
            throw new CommandError('invalid-change', {
              en: `"${v}" goes to unit "${other}" already: a value belongs to one unit`,
              id: `"${v}" sudah menuju unit "${other}": satu nilai hanya untuk satu unit`,
            });
          }
          seen.set(v, u.id);
        }
      }
      if (units.length === 0) {
        lane.map.delete('units');
        lane.map.delete('unitField');
        return;
      }
      const field = params.unitField?.trim();
      if (field) sop.setKey(lane.map, 'unitField', field, LANE_KEYS);
      else lane.map.delete('unitField');
      const seq = new YAMLSeq(sop.doc.schema);
      for (const u of units) seq.items.push(sop.node(u, true));
      sop.setKey(lane.map, 'units', seq, LANE_KEYS);
    },
  );
}
