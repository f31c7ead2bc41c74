import bcrypt from 'bcryptjs';
import { PasswordCheckBusy, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  let hasher: PasswordHasher;
  afterEach(() => hasher?.close());

  it('hashes and checks bcrypt passwords on a worker thread, compatible with bcryptjs', async () => {
    hasher = new PasswordHasher({ workers: 1, queue: 4 });
    const hash = await hasher.hash('kata-sandi', 4);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(bcrypt.compareSync('kata-sandi', hash)).toBe(true);
    await expect(hasher.compare('kata-sandi', hash)).resolves.toBe(true);
    await expect(hasher.compare('salah', bcrypt.hashSync('kata-sandi', 4))).resolves.toBe(false);
  });

  it('lets `workers` checks run and `queue` wait, and refuses the next at once, saying when to try again', async () => {
    hasher = new PasswordHasher({ workers: 1, queue: 2 });
    const hash = bcrypt.hashSync('kata-sandi', 8);
    const accepted = [1, 2, 3].map(() => hasher.compare('kata-sandi', hash));
    expect(hasher.load).toEqual({ running: 1, waiting: 2 });
    expect(hasher.full).toBe(true);
    expect(() => hasher.assertCapacity()).toThrow(PasswordCheckBusy);
    const refused = await hasher.compare('kata-sandi', hash).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PasswordCheckBusy);
    expect((refused as PasswordCheckBusy).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(Promise.all(accepted)).resolves.toEqual([true, true, true]);
    expect(hasher.full).toBe(false);
    expect(() => hasher.assertCapacity()).not.toThrow();
  });

  it('reports a failed check and goes on with the next ones', async () => {
    hasher = new PasswordHasher({ workers: 1, queue: 4 });
    await expect(hasher.hash('kata-sandi', 'not-a-salt' as unknown as number)).rejects.toThrow(/salt/i);
    await expect(hasher.compare('kata-sandi', bcrypt.hashSync('kata-sandi', 4))).resolves.toBe(true);
  });
});
