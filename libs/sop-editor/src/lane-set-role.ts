import { isLaneRole, LANE_ROLES, OTHER_ROLE, suggestRole } from '@sop/model';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { LANE_KEYS } from './key-order';
import type { SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface LaneSetRoleParams {
  laneId: string;
  /** A common national role of the schema's list, or `other`. */
  role: string;
  /**
   * With `other`: what the role is, in the SOP's own words. When not given, the lane keeps the
   * description it has, or takes its header (`name`), the SOP's words for it, to refine later.
   */
  roleDescription?: string;
}

/** Refuses a role the schema does not list, suggesting the one meant. */
export function checkLaneRole(role: string): void {
  if (isLaneRole(role)) return;
  const hint = suggestRole(role);
  throw new CommandError('unknown-role', {
    en: `"${role}" is not a common national role${hint}: choose one of the list (${LANE_ROLES.join(', ')}), or "other" with a description in the SOP's words`,
    id: `"${role}" bukan peran umum nasional${hint.replace('did you mean', 'maksudnya')}: pilih dari daftar (${LANE_ROLES.join(', ')}), atau "other" dengan uraian dalam kata-kata SOP`,
  });
}

/** The description a lane of role other gets: the one given (not blank), or a fallback. */
export function otherRoleDescription(given: string | undefined, fallback: string): string {
  if (given === undefined) return fallback;
  const text = given.trim();
  if (!text) {
    throw new CommandError('description-required', {
      en: `a lane of role "other" says what the role is: write it as the SOP does`,
      id: `lajur dengan peran "other" menyebutkan perannya: tulis seperti dalam SOP`,
    });
  }
  return text;
}

/**
 * Sets the role a lane plays: a common national role, or `other` with the SOP's own description of
 * it, in one undoable step. Choosing a common role removes a `roleDescription` (only `other` reads
 * it); choosing `other` keeps the lane valid by giving it a description at once. Refuses an unknown
 * lane, a role not in the schema's list, and a blank description.
 *
 * @example
 * laneSetRole({ laneId: 'tim-pengaduan', role: 'tim-pengaduan' }).apply(state)
 * laneSetRole({ laneId: 'koordinator-iso', role: 'other', roleDescription: 'Koordinator ISO' }).apply(state)
 */
export function laneSetRole(params: LaneSetRoleParams): SopCommand<LaneSetRoleParams> {
  return defineCommand(
    'lane.setRole',
    params,
    (lang) => {
      const what = params.role === OTHER_ROLE && params.roleDescription !== undefined ? `${params.role}: ${params.roleDescription}` : params.role;
      return lang === 'en' ? `Set the role of lane "${params.laneId}" to ${what}` : `Ubah peran lajur "${params.laneId}" menjadi ${what}`;
    },
    (sop) => {
      const lane = sop.lane(params.laneId);
      checkLaneRole(params.role);
      sop.setKey(lane.map, 'role', params.role, LANE_KEYS);
      if (params.role === OTHER_ROLE) {
        const current = stringAt(lane.map, 'roleDescription');
        const description = otherRoleDescription(params.roleDescription, current ?? stringAt(lane.map, 'name') ?? lane.id);
        sop.setKey(lane.map, 'roleDescription', description, LANE_KEYS);
      } else if (lane.map.has('roleDescription')) {
        lane.map.delete('roleDescription');
      }
      return [];
    },
  );
}
