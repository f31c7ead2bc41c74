import { commonRoleNamed, isOtherRoleLane, ROLE_INFO } from '../known-roles';
import { warning, type SopRule } from './sop-rule';

/**
 * A lane's role as comparisons read it (the schema already holds `role` to the common national
 * roles, and requires `roleDescription` with `other`):
 * - `role: other` for a lane whose header or description is a name of a common role ("PPID",
 *   "Kepala Seksi") keeps it out of the comparison by that role: suggest the role;
 * - `roleDescription` beside a common role is read by nothing: say so.
 */
export const laneRoles: SopRule = {
  id: 'lane-roles',
  check({ sop }) {
    return sop.lanes.flatMap((lane, i) => {
      if (isOtherRoleLane(lane)) {
        const written = [lane.roleDescription, lane.name].find((text) => text !== undefined && commonRoleNamed(text));
        if (written === undefined) return [];
        const role = commonRoleNamed(written)!;
        return [
          warning(
            'other-role-is-common',
            `/lanes/${i}/role`,
            `lane "${lane.id}" is role: other, but "${written}" is the common role "${role}" (${ROLE_INFO[role].id}): write role: ${role}, so comparisons line it up with other regencies' ${ROLE_INFO[role].id}`,
          ),
        ];
      }
      if (lane.roleDescription === undefined) return [];
      return [
        warning(
          'role-description-ignored',
          `/lanes/${i}/roleDescription`,
          `lane "${lane.id}" plays the common role "${lane.role}", so its roleDescription is shown nowhere: remove it, or write role: other if no common role fits`,
        ),
      ];
    });
  },
};
