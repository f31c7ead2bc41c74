import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { HttpException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { AccountsService } from './accounts/accounts.service';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AccountStatus } from './auth/account-status';
import type { Principal } from './auth/principal';
import { UsersRepository } from './auth/users.repository';
import { SystemClock } from './common/clock';
import { createLogger } from './common/logger';
import { readConfig } from './config';
import { Database } from './database/database';
import { HolidayCalendars } from './holidays/holiday-calendars';
import { HolidaysRepository } from './holidays/holidays.repository';
import { SopCatalog } from './sops/sop-catalog.service';

const USAGE = `Usage: npm run user:create -- --username <name> --regency <sop-id|*> [--lane <lane-id> …] [--author] [--reviewer] [--admin] --display-name "<name>"
The password is read from the environment variable NEW_USER_PASSWORD (at least 12 characters).

For the first administrator of a new installation: it opens the database itself (DATABASE_URL /
DATA_DIR, as the API), so on the embedded database stop the API first. Once an administrator exists,
manage accounts while the API runs: the /admin/pengguna page, or "npx sop users … --api <url>".
The same checks apply (lanes of the regency's SOP, rights), and the creation is in the audit log.`;

/** Creates an account through the same service as the administrators' API. */
async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        regency: { type: 'string' },
        lane: { type: 'string', multiple: true },
        author: { type: 'boolean' },
        reviewer: { type: 'boolean' },
        admin: { type: 'boolean' },
        'display-name': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const password = process.env.NEW_USER_PASSWORD ?? '';
  const problems = [
    !values.username && '--username is required',
    !values.regency && '--regency is required (an SOP id such as metro, or * for a platform-wide reviewer or administrator)',
    !values['display-name'] && '--display-name is required',
    password.length < 12 && 'NEW_USER_PASSWORD must be set to a password of at least 12 characters',
  ].filter(Boolean);
  if (problems.length) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const logger = createLogger('warn');
  const db = await Database.open(readConfig(), logger);
  try {
    const clock = new SystemClock();
    const audit = new AuditService(new AuditRepository(db), clock, logger);
    const calendars = new HolidayCalendars(new HolidaysRepository(db), logger);
    await calendars.refresh();
    const users = new UsersRepository(db);
    const accounts = new AccountsService(users, new SopCatalog(db, calendars, audit, logger, clock), audit, new AccountStatus(users), clock, null, {
      hash: (password, rounds) => bcrypt.hash(password, rounds ?? 10),
    });
    // the command line acts as the platform's own administrator, and says so in the audit log
    const operator: Principal = {
      userId: 'cli',
      username: `user:create (${process.env.USER ?? 'shell'})`,
      displayName: 'user:create',
      regency: '*',
      lanes: [],
      permissions: ['admin'],
    };
    try {
      const created = await accounts.create(operator, {
        username: values.username!,
        displayName: values['display-name']!,
        regency: values.regency!,
        lanes: values.lane ?? [],
        permissions: [...(values.author ? ['author'] : []), ...(values.reviewer ? ['reviewer'] : []), ...(values.admin ? ['admin'] : [])],
        password,
      });
      console.log(
        `created ${created.username} (${created.regency}; lanes: ${created.lanes.join(', ') || 'none'}; permissions: ${created.permissions.join(', ') || 'none'})`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      const body = e.getResponse() as { message?: string; errors?: { field: string; message: string }[] };
      console.error([body.message ?? e.message, ...(body.errors ?? []).map((f) => `  ${f.field}: ${f.message}`)].join('\n'));
      return 1;
    }
  } finally {
    await db.onApplicationShutdown();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
