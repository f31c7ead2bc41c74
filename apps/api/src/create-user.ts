import 'reflect-metadata';
import { parseArgs } from 'node:util';
import bcrypt from 'bcryptjs';
import { UsersRepository } from './auth/users.repository';
import { createLogger } from './common/logger';
import { readConfig } from './config';
import { Database } from './database/database';

const USAGE = `Usage: npm run user:create -- --username <name> --regency <sop-id> [--lane <lane-id> …] [--author] [--reviewer] --display-name "<name>"
The password is read from the environment variable NEW_USER_PASSWORD (at least 12 characters).
Uses the same DATABASE_URL / DATA_DIR as the API (stop an API running on the embedded database first).`;

/** Creates an account: how a production office gets its users (demo accounts are never seeded there). */
async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { username: { type: 'string' }, regency: { type: 'string' }, lane: { type: 'string', multiple: true }, author: { type: 'boolean' }, reviewer: { type: 'boolean' }, 'display-name': { type: 'string' }, help: { type: 'boolean' } },
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
    !values.regency && '--regency is required (an SOP id such as metro, or * for a reviewer of all regencies)',
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
    const users = new UsersRepository(db);
    if (await users.findByUsername(values.username!)) {
      console.error(`a user "${values.username}" already exists`);
      return 1;
    }
    await users.insertIfMissing({
      username: values.username!,
      passwordHash: await bcrypt.hash(password, 10),
      displayName: values['display-name']!,
      regency: values.regency!,
      lanes: values.lane ?? [],
      permissions: [...(values.author ? ['author'] : []), ...(values.reviewer ? ['reviewer'] : [])],
      demo: false,
    });
    console.log(`created ${values.username} (${values.regency}; lanes: ${(values.lane ?? []).join(', ') || 'none'})`);
    return 0;
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
