import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_SECRET_FILE, ConfigError, DATA_KEY_FILE, readConfig } from './config';

/** The signing secret this code used to fall back to: anyone could sign a token with it. */
const OLD_CONSTANT = 'dev-only-secret-change-me';
const SECRET_40 = 'x'.repeat(40);
const DATA_KEY = 'ab'.repeat(32);

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'sop-config-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const kept = (dir = join(cwd, 'data')) => join(dir, AUTH_SECRET_FILE);

describe('the signing secret', () => {
  it('without AUTH_SECRET on the embedded database: a random one, generated on first start and kept in DATA_DIR/auth-secret (0600)', () => {
    const first = readConfig({}, cwd).authSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toBe(OLD_CONSTANT);
    expect(readFileSync(kept(), 'utf8').trim()).toBe(first);
    expect(statSync(kept()).mode & 0o777).toBe(0o600);
    // the next start reads it back; no file of a process's own is left behind
    expect(readConfig({}, cwd).authSecret).toBe(first);
    expect(readdirSync(join(cwd, 'data')).sort()).toEqual([AUTH_SECRET_FILE, DATA_KEY_FILE]);
    // another folder, another secret
    expect(readConfig({ DATA_DIR: 'other' }, cwd).authSecret).not.toBe(first);
  });

  it('with DATABASE_URL outside production: generated and kept in DATA_DIR too, shared by the processes of the machine', () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sop', DATA_DIR: 'shared' };
    const first = readConfig(env, cwd).authSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readConfig(env, cwd).authSecret).toBe(first);
    expect(readFileSync(kept(join(cwd, 'shared')), 'utf8').trim()).toBe(first);
  });

  it('AUTH_SECRET of 32 characters or more is used as it is, and nothing is written', () => {
    expect(readConfig({ AUTH_SECRET: SECRET_40, DATA_KEY }, cwd).authSecret).toBe(SECRET_40);
    expect(readConfig({ AUTH_SECRET: SECRET_40, DATA_KEY, NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sop' }, cwd).authSecret).toBe(SECRET_40);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it.each([
    ['production with DATABASE_URL', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sop' }],
    ['production on the embedded database', { NODE_ENV: 'production' }],
    ['production with an empty one', { NODE_ENV: 'production', AUTH_SECRET: '' }],
    ['production with a short one', { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sop', AUTH_SECRET: 'too-short-secret' }],
  ])('%s: refuses to start naming AUTH_SECRET, and writes no file', (_what, env) => {
    expect(() => readConfig(env, cwd)).toThrow(new ConfigError('NODE_ENV=production needs AUTH_SECRET set to a random secret of at least 32 characters'));
    expect(existsSync(kept())).toBe(false);
  });

  it.each([OLD_CONSTANT, 'abc', 'y'.repeat(31)])('refuses AUTH_SECRET=%s, shorter than 32 characters, in any environment', (secret) => {
    expect(() => readConfig({ AUTH_SECRET: secret }, cwd)).toThrow(/AUTH_SECRET is shorter than 32 characters/);
  });

  it('checks the other settings before it creates a file', () => {
    expect(() => readConfig({ PORT: 'abc' }, cwd)).toThrow(ConfigError);
    expect(existsSync(kept())).toBe(false);
  });

  it('refuses a kept file without a secret, naming it, rather than signing with an empty key', () => {
    mkdirSync(join(cwd, 'data'));
    writeFileSync(kept(), 'short\n');
    expect(() => readConfig({}, cwd)).toThrow(/auth-secret holds no signing secret of at least 32 characters: delete it/);
  });

  it('tightens a kept file that others could read', () => {
    const secret = readConfig({}, cwd).authSecret;
    chmodSync(kept(), 0o644);
    expect(readConfig({}, cwd).authSecret).toBe(secret);
    expect(statSync(kept()).mode & 0o777).toBe(0o600);
  });
});

describe('the data key (confidential form values at rest)', () => {
  const keyFile = () => join(cwd, 'data', DATA_KEY_FILE);

  it('without DATA_KEY outside production: 32 random bytes, generated on first start and kept in DATA_DIR/data-key (0600)', () => {
    const first = readConfig({}, cwd).dataKey;
    expect(first).toHaveLength(32);
    expect(readFileSync(keyFile(), 'utf8').trim()).toBe(first.toString('hex'));
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(readConfig({}, cwd).dataKey.equals(first)).toBe(true);
  });

  it('DATA_KEY of 64 hexadecimal characters is used as it is', () => {
    expect(readConfig({ DATA_KEY }, cwd).dataKey.toString('hex')).toBe(DATA_KEY);
    expect(existsSync(keyFile())).toBe(false);
  });

  it.each(['geheim', 'ab'.repeat(31), 'zz'.repeat(32)])('refuses DATA_KEY=%s, naming the form it needs', (key) => {
    expect(() => readConfig({ DATA_KEY: key }, cwd)).toThrow('DATA_KEY must be 64 hexadecimal characters');
  });

  it('is required with NODE_ENV=production, where every process must share it', () => {
    expect(() => readConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET_40 }, cwd)).toThrow(/NODE_ENV=production needs DATA_KEY/);
    expect(existsSync(keyFile())).toBe(false);
  });

  it('refuses a kept file that holds no key, rather than sealing with a wrong one', () => {
    mkdirSync(join(cwd, 'data'));
    writeFileSync(keyFile(), `${'q'.repeat(64)}\n`);
    expect(() => readConfig({}, cwd)).toThrow(/data-key does not hold 64 hexadecimal characters/);
  });
});

describe('WEBHOOK_ALLOW_LOCALHOST', () => {
  it('is off by default, on with true, refused in production and for anything else', () => {
    expect(readConfig({ DATA_KEY }, cwd).webhooks.allowLocalhost).toBe(false);
    expect(readConfig({ DATA_KEY, WEBHOOK_ALLOW_LOCALHOST: 'true' }, cwd).webhooks.allowLocalhost).toBe(true);
    expect(() => readConfig({ DATA_KEY, WEBHOOK_ALLOW_LOCALHOST: 'yes' }, cwd)).toThrow(/write true or false/);
    expect(() => readConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET_40, DATA_KEY, WEBHOOK_ALLOW_LOCALHOST: 'true' }, cwd)).toThrow(
      /refused when NODE_ENV=production/,
    );
  });
});
