import { didYouMean, listNames } from '../did-you-mean';
import { KNOWN_ROLES, isKnownRole } from '../known-roles';
import { error, type SopRule } from './sop-rule';

/** Each lane plays one of the common roles the platform compares regencies by. */
export const rolesKnown: SopRule = {
  id: 'roles-known',
  check({ sop }) {
    const roles = Object.keys(KNOWN_ROLES);
    return sop.lanes.flatMap((lane, i) =>
      isKnownRole(lane.role)
        ? []
        : [error('unknown-role', `/lanes/${i}/role`, `role "${lane.role}" is not a known role${didYouMean(lane.role, roles)}; write one of: ${listNames(roles)}`)],
    );
  },
};
