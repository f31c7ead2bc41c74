import { isCitizenLane } from '@sop/model';
import type { PublishedSop } from '../sops/sop-catalog.service';

/** The password of every seeded demo account (listed in the README; refused in production). */
export const DEMO_PASSWORD = 'demo-sop-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
}

/**
 * One demo account per regency and lane (citizen lanes excepted: citizens use the public pages),
 * an SOP author, an SOP signer (`<sop>.pengesah`) and an administrator per regency (`admin.<sop>`: its local holidays), one reviewer,
 * and one platform administrator (`admin`: the national holiday lists).
 *
 * Only for SOPs with a file in `sops/` (the seeds, and a regency that joins with a YAML file): a
 * regency created from the browser gets the accounts its administrator creates, never accounts with
 * the published demo password appearing at the next start (docs/adr/0012-new-regency-from-the-browser.md).
 */
export function demoUsersFor(sops: Pick<PublishedSop, 'sopId' | 'sop' | 'inSopsDirectory'>[]): DemoUser[] {
  const users: DemoUser[] = [];
  for (const p of sops) {
    if (!p.inSopsDirectory) continue;
    for (const lane of p.sop.lanes) {
      if (isCitizenLane(lane)) continue;
      users.push({
        username: `${p.sopId}.${lane.id}`,
        displayName: `${lane.name} (${p.sop.identity.regency})`,
        regency: p.sopId,
        lanes: [lane.id],
        permissions: [],
      });
      // a lane with units: one officer per unit, who sees that unit's cases only (ADR 0014)
      for (const unit of lane.units ?? []) {
        users.push({
          username: `${p.sopId}.${lane.id}.${unit.id}`,
          displayName: `${unit.name} (${p.sop.identity.regency})`,
          regency: p.sopId,
          lanes: [`${lane.id}:${unit.id}`],
          permissions: [],
        });
      }
    }
    users.push({
      username: `${p.sopId}.penyusun`,
      displayName: `Penyusun SOP (${p.sop.identity.regency})`,
      regency: p.sopId,
      lanes: [],
      permissions: ['author'],
    });
    // the SOP's signer (its Kepala Dinas signs the SOP): approves or rejects proposed versions (ADR 0025)
    users.push({
      username: `${p.sopId}.pengesah`,
      displayName: `Pengesah SOP: Kepala Dinas (${p.sop.identity.regency})`,
      regency: p.sopId,
      lanes: [],
      permissions: ['signer'],
    });
    users.push({ username: `admin.${p.sopId}`, displayName: `Administrator (${p.sop.identity.regency})`, regency: p.sopId, lanes: [], permissions: ['admin'] });
  }
  users.push({ username: 'reviewer', displayName: 'Reviewer SOP', regency: '*', lanes: [], permissions: ['reviewer'] });
  users.push({ username: 'admin', displayName: 'Administrator platform', regency: '*', lanes: [], permissions: ['admin'] });
  return users;
}
