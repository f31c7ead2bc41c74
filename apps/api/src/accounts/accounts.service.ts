import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { AUTHOR } from '@sop/api-contract';
import { isCitizenLane } from '@sop/model';
import type { AccountStatus } from '../auth/account-status';
import type { Principal } from '../auth/principal';
import type { UserRecord, UsersRepository } from '../auth/users.repository';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import { BadInputException, type FieldError } from '../common/errors';
import type { SopCatalog } from '../sops/sop-catalog.service';

/** Hashes a new password (the auth service's worker threads; bcryptjs on the caller's thread for the shell command). */
export interface PasswordHashing {
  hash(password: string, rounds?: number): Promise<string>;
}

/** Lifts a login lockout (the login throttle); null where the API has none. */
export interface LockoutControl {
  lift(username: string): Promise<boolean>;
}

/** An account as administrators see it: never its password hash. */
export function accountView(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    regency: u.regency,
    lanes: u.lanes,
    permissions: u.permissions,
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt,
    demo: u.demo,
    createdAt: u.createdAt,
  };
}

export const PLATFORM = '*';

/**
 * Accounts managed while the API runs: a platform administrator (permission `admin`, regency `*`)
 * manages every account; a regency's administrator the accounts of that regency. Lanes are checked
 * against the regency's latest SOP; every change is in the audit log.
 */
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly catalog: SopCatalog,
    private readonly audit: AuditService,
    private readonly status: AccountStatus,
    private readonly clock: Clock,
    private readonly lockouts: LockoutControl | null,
    private readonly passwords: PasswordHashing,
  ) {}

  /** The regency an administrator manages: null for a platform administrator (all). */
  scopeOf(admin: Principal): string | null {
    if (!admin.permissions.includes('admin')) throw new ForbiddenException(`managing accounts needs an administrator; you are ${admin.username}`);
    return admin.regency === PLATFORM ? null : admin.regency;
  }

  private assertManages(admin: Principal, regency: string): void {
    const scope = this.scopeOf(admin);
    if (scope !== null && scope !== regency) {
      throw new ForbiddenException(`you administer ${scope}; the account belongs to ${regency === PLATFORM ? 'the platform' : regency}`);
    }
  }

  private async account(admin: Principal, username: string): Promise<UserRecord> {
    const scope = this.scopeOf(admin);
    const user = await this.users.byUsername(username);
    // an administrator of another regency learns nothing of the account
    if (!user || (scope !== null && user.regency !== scope)) throw new NotFoundException(`no account "${username}"${scope ? ` in ${scope}` : ''}`);
    return user;
  }

  /** Checks lanes against the regency's latest SOP and permissions against who grants them. */
  private async checkRights(admin: Principal, regency: string, lanes: string[], permissions: string[]): Promise<void> {
    const errors: FieldError[] = [];
    if (regency === PLATFORM) {
      if (lanes.length)
        errors.push({
          field: 'lanes',
          message: 'a platform-wide account holds no lanes: lanes belong to one regency',
          messageId: 'akun seluruh platform tidak memegang lajur: lajur milik satu kabupaten/kota',
        });
      if (permissions.includes(AUTHOR) && this.scopeOf(admin) !== null)
        errors.push({
          field: 'permissions',
          message: 'only a platform administrator grants platform-wide rights',
          messageId: 'hanya administrator platform yang memberi hak seluruh platform',
        });
      if (permissions.includes('signer'))
        errors.push({
          field: 'permissions',
          message: "signer approves one regency's SOP versions (its Kepala Dinas): give it to an account of that regency",
          messageId: 'pengesah menyetujui versi SOP satu kabupaten/kota (Kepala Dinas-nya): berikan kepada akun kabupaten/kota itu',
        });
    } else {
      const published = await this.catalog.latest(regency);
      if (!published) {
        const known = (await this.catalog.allLatest()).map((p) => p.sopId);
        throw new BadInputException('unknown regency', [
          {
            field: 'regency',
            message: `"${regency}" is not a published SOP; published: ${known.join(', ')}`,
            messageId: `"${regency}" bukan SOP yang terbit; yang terbit: ${known.join(', ')}`,
          },
        ]);
      }
      const officeLanes = published.sop.lanes.filter((l) => !isCitizenLane(l));
      const laneIds = officeLanes.map((l) => l.id);
      // a lane with units is held whole (its Kabid) or for one unit, as "lane:unit" (ADR 0014)
      const unitIds = officeLanes.flatMap((l) => (l.units ?? []).map((u) => `${l.id}:${u.id}`));
      lanes.forEach((lane, i) => {
        if (unitIds.includes(lane)) return;
        if (lane.includes(':')) {
          const [laneId] = lane.split(':');
          const units = unitIds.filter((u) => u.startsWith(`${laneId}:`));
          errors.push({
            field: `lanes[${i}]`,
            message: units.length
              ? `"${lane}" is not a unit of lane "${laneId}"; its units: ${units.join(', ')}`
              : `lane "${laneId}" has no units: hold it whole as "${laneId}"`,
            messageId: units.length
              ? `"${lane}" bukan unit lajur "${laneId}"; unitnya: ${units.join(', ')}`
              : `lajur "${laneId}" tidak punya unit: pegang seluruhnya sebagai "${laneId}"`,
          });
          return;
        }
        if (!laneIds.includes(lane)) {
          const citizen = published.sop.lanes.some((l) => l.id === lane);
          errors.push({
            field: `lanes[${i}]`,
            message: citizen
              ? `"${lane}" is the citizen's lane: citizens act from the public pages, not with an account`
              : `"${lane}" is not a lane of ${published.sop.identity.regency}'s SOP; its lanes: ${[...laneIds, ...unitIds].join(', ')}`,
            messageId: citizen
              ? `"${lane}" adalah lajur warga: warga bertindak dari halaman publik, bukan dengan akun`
              : `"${lane}" bukan lajur SOP ${published.sop.identity.regency}; lajurnya: ${[...laneIds, ...unitIds].join(', ')}`,
          });
        }
      });
      if (permissions.includes('reviewer'))
        errors.push({
          field: 'permissions',
          message: 'reviewer reads every regency: give it to a platform-wide account (regency *)',
          messageId: 'peninjau membaca semua kabupaten/kota: berikan kepada akun seluruh platform (kabupaten/kota *)',
        });
    }
    if (new Set(lanes).size !== lanes.length)
      errors.push({ field: 'lanes', message: 'a lane is listed twice', messageId: 'ada lajur yang tercantum dua kali' });
    if (errors.length) throw new BadInputException('the account is not valid: see errors', errors);
  }

  async list(admin: Principal, regency: string | undefined, page: number, pageSize: number) {
    const scope = this.scopeOf(admin);
    if (scope !== null && regency !== undefined && regency !== scope)
      throw new ForbiddenException(`you administer ${scope}; you cannot list the accounts of ${regency}`);
    const { users, total } = await this.users.list(scope ?? regency ?? null, pageSize, (page - 1) * pageSize);
    return { items: users.map(accountView), page, pageSize, total };
  }

  async create(
    admin: Principal,
    input: { username: string; displayName: string; regency: string; lanes?: string[]; permissions?: string[]; password: string },
  ) {
    this.assertManages(admin, input.regency);
    const lanes = input.lanes ?? [];
    const permissions = [...new Set(input.permissions ?? [])];
    await this.checkRights(admin, input.regency, lanes, permissions);
    const created = await this.users.insert({
      username: input.username,
      displayName: input.displayName.trim(),
      regency: input.regency,
      lanes,
      permissions,
      passwordHash: await this.passwords.hash(input.password, 10),
      demo: false,
    });
    if (!created)
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `the username "${input.username}" is taken: choose another`,
        messageId: `nama pengguna "${input.username}" sudah dipakai: pilih yang lain`,
      });
    await this.audit.record(admin, 'user.create', created.regency, created.username, { lanes, permissions });
    return accountView(created);
  }

  async update(admin: Principal, username: string, change: { displayName?: string; lanes?: string[]; permissions?: string[]; disabled?: boolean }) {
    const user = await this.account(admin, username);
    if (user.id === admin.userId && (change.disabled === true || (change.permissions && !change.permissions.includes('admin')))) {
      throw new BadInputException('you cannot lock yourself out', [
        {
          field: change.disabled ? 'disabled' : 'permissions',
          message: 'another administrator must disable your account or take your admin right',
          messageId: 'administrator lain yang harus menonaktifkan akun Anda atau mencabut hak administrator Anda',
        },
      ]);
    }
    const lanes = change.lanes ?? user.lanes;
    const permissions = change.permissions ? [...new Set(change.permissions)] : user.permissions;
    if (change.lanes || change.permissions) await this.checkRights(admin, user.regency, lanes, permissions);
    const updated = await this.users.update(
      username,
      { displayName: change.displayName?.trim(), lanes: change.lanes, permissions: change.permissions ? permissions : undefined, disabled: change.disabled },
      this.clock.now(),
    );
    if (!updated) throw new NotFoundException(`no account "${username}"`);
    this.status.forget(updated.id);
    const action = change.disabled === true ? 'user.disable' : change.disabled === false ? 'user.enable' : 'user.update';
    const details: Record<string, unknown> = {};
    if (change.displayName !== undefined) details.displayName = updated.displayName;
    if (change.lanes) details.lanes = { from: user.lanes, to: updated.lanes };
    if (change.permissions) details.permissions = { from: user.permissions, to: updated.permissions };
    await this.audit.record(admin, action, updated.regency, updated.username, details);
    return accountView(updated);
  }

  async resetPassword(admin: Principal, username: string, password: string) {
    const user = await this.account(admin, username);
    const updated = await this.users.update(user.username, { passwordHash: await this.passwords.hash(password, 10) }, this.clock.now());
    if (!updated) throw new NotFoundException(`no account "${username}"`);
    this.status.forget(user.id);
    await this.audit.record(admin, 'user.password-reset', user.regency, user.username);
    return accountView(updated);
  }

  async unlock(admin: Principal, username: string) {
    const user = await this.account(admin, username);
    const lifted = this.lockouts ? await this.lockouts.lift(user.username) : false;
    await this.audit.record(admin, 'user.unlock', user.regency, user.username, { wasLocked: lifted });
    return { username: user.username, unlocked: lifted };
  }
}
