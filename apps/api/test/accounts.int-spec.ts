import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, DEMO_PASSWORD, ROOT, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/** Runs a built command (node <script> …args); resolves with its exit code and output. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Accounts without downtime: administrators list, create, change, disable and reset accounts while
 * the API runs, within their regency; every administrative action, SOP publication, holiday load and
 * identity reveal is in an append-only audit log they can read and export.
 */

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
const PASSWORD = 'kata-sandi-yang-panjang-1';

async function login(username: string, password: string) {
  return client.request('POST', '/api/auth/login', { body: { username, password } });
}

async function withToken(token: string, method: string, path: string, body?: unknown) {
  return client.request(method, path, { headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body }) });
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: '2026-03-10T09:00:00+07:00' });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('listing accounts', () => {
  it('shows a regency administrator its own accounts only, a platform administrator all, and no one else anything', async () => {
    const metro = await client.request('GET', '/api/admin/users?pageSize=200', { as: 'admin.metro' });
    expect(metro.status).toBe(200);
    expect(new Set(metro.body.items.map((u: { regency: string }) => u.regency))).toEqual(new Set(['metro']));
    expect(metro.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['metro.petugas', 'metro.kasi', 'admin.metro']));
    expect(JSON.stringify(metro.body)).not.toMatch(/password|\$2[aby]\$/i);
    const all = await client.request('GET', '/api/admin/users?pageSize=200', { as: 'admin' });
    expect(all.body.total).toBeGreaterThan(metro.body.total);
    expect((await client.request('GET', '/api/admin/users?regency=buleleng', { as: 'admin.metro' })).status).toBe(403);
    for (const as of ['metro.petugas', 'metro.penyusun', 'reviewer']) expect((await client.request('GET', '/api/admin/users', { as })).status).toBe(403);
    expect((await client.request('GET', '/api/admin/users?pageSize=0', { as: 'admin' })).status).toBe(400);
  });
});

describe('creating an account', () => {
  it('checks lanes against the regency’s SOP and rights against the administrator', async () => {
    const base = { username: 'metro.budi', displayName: 'Budi Santoso', regency: 'metro', lanes: ['kasi'], password: PASSWORD };
    const cases: [unknown, number, string, RegExp][] = [
      [{ ...base, lanes: ['loket-9'] }, 400, 'lanes[0]', /not a lane of Kota Metro's SOP; its lanes: petugas, kasi/],
      [{ ...base, lanes: ['masyarakat'] }, 400, 'lanes[0]', /citizen's lane/],
      [{ ...base, permissions: ['reviewer'] }, 400, 'permissions', /platform-wide/],
      [{ ...base, password: 'pendek' }, 400, 'password', /at least 12/],
      [{ ...base, username: 'Budi Besar' }, 400, 'username', /lower-case/],
      [{ ...base, regency: 'atlantis' }, 403, '', /you administer metro/],
      [{ ...base, regency: '*', lanes: [] }, 403, '', /you administer metro/],
    ];
    for (const [body, status, field, message] of cases) {
      const res = await client.request('POST', '/api/admin/users', { as: 'admin.metro', body });
      expect({ status: res.status, body }).toMatchObject({ status, body });
      if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
      else expect(res.body.message).toMatch(message);
    }
    // a check of the request's shape is worded in Bahasa Indonesia too, and a missing field says so
    const shaped = await client.request('POST', '/api/admin/users', { as: 'admin.metro', body: { ...base, username: 'Budi Besar', displayName: undefined } });
    expect(shaped.status).toBe(400);
    expect(shaped.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'username', messageId: expect.stringMatching(/^nama pengguna terdiri atas 3 sampai 64 huruf kecil/) }),
        expect.objectContaining({ field: 'displayName', messageId: 'belum ada: nama tampilan harus berupa teks' }),
      ]),
    );
    const unknownRegency = await client.request('POST', '/api/admin/users', { as: 'admin', body: { ...base, regency: 'atlantis' } });
    expect(unknownRegency.status).toBe(400);
    expect(unknownRegency.body.errors[0]).toMatchObject({
      field: 'regency',
      message: expect.stringContaining('not a published SOP'),
      messageId: expect.stringMatching(/^"atlantis" bukan SOP yang terbit; yang terbit: /),
    });

    const created = await client.request('POST', '/api/admin/users', { as: 'admin.metro', body: base });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'metro.budi', regency: 'metro', lanes: ['kasi'], permissions: [], disabled: false, demo: false });
    const taken = await client.request('POST', '/api/admin/users', { as: 'admin', body: base });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ messageId: 'nama pengguna "metro.budi" sudah dipakai: pilih yang lain' });
    const session = await login('metro.budi', PASSWORD);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ regency: 'metro', lanes: ['kasi'] });
  });
});

describe('changing an account while it is signed in', () => {
  it('disabling ends its sessions at once and refuses its login like a wrong password; enabling lets it back', async () => {
    const token = (await login('metro.budi', PASSWORD)).body.token;
    expect((await withToken(token, 'GET', '/api/cases')).status).toBe(200);
    const disabled = await client.request('PATCH', '/api/admin/users/metro.budi', { as: 'admin.metro', body: { disabled: true } });
    expect(disabled.body).toMatchObject({ disabled: true });
    const refused = await withToken(token, 'GET', '/api/cases');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('disabled');
    expect(await login('metro.budi', PASSWORD)).toMatchObject({ status: 401, body: { message: 'wrong username or password' } });
    await client.request('PATCH', '/api/admin/users/metro.budi', { as: 'admin.metro', body: { disabled: false } });
    expect((await login('metro.budi', PASSWORD)).status).toBe(200);
  });

  it('a password reset or a change of lanes ends the sessions that carry the old rights', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds
    const token = (await login('metro.budi', PASSWORD)).body.token;
    await new Promise((r) => setTimeout(r, 1100));
    const lanes = await client.request('PATCH', '/api/admin/users/metro.budi', { as: 'admin.metro', body: { lanes: ['kasi', 'kabid'] } });
    expect(lanes.body.lanes).toEqual(['kasi', 'kabid']);
    expect((await withToken(token, 'GET', '/api/cases')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 1100));
    const again = await login('metro.budi', PASSWORD);
    expect(again.body.user.lanes).toEqual(['kasi', 'kabid']);
    await new Promise((r) => setTimeout(r, 1100));
    const reset = await client.request('PUT', '/api/admin/users/metro.budi/password', { as: 'admin.metro', body: { password: 'kata-sandi-baru-sekali' } });
    expect(reset.status).toBe(200);
    expect((await withToken(again.body.token, 'GET', '/api/cases')).status).toBe(401);
    expect((await login('metro.budi', PASSWORD)).status).toBe(401);
    expect((await login('metro.budi', 'kata-sandi-baru-sekali')).status).toBe(200);
  });

  it('refuses an administrator locking themself out, and another regency’s administrator sees no such account', async () => {
    const self = await client.request('PATCH', '/api/admin/users/admin.metro', { as: 'admin.metro', body: { disabled: true } });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].message).toContain('another administrator');
    expect((await client.request('PATCH', '/api/admin/users/metro.budi', { as: 'admin.buleleng', body: { disabled: true } })).status).toBe(404);
    expect((await client.request('PUT', '/api/admin/users/metro.budi/password', { as: 'admin.buleleng', body: { password: 'x'.repeat(12) } })).status).toBe(
      404,
    );
    expect((await client.request('PATCH', '/api/admin/users/nobody', { as: 'admin', body: { disabled: true } })).status).toBe(404);
    expect((await client.request('PATCH', '/api/admin/users/metro.budi', { as: 'admin', body: { disabled: 'yes' } })).status).toBe(400);
  });
});

describe('the command line', () => {
  it('sop users manages accounts on the running server through the same API', async () => {
    const asAdmin = { SOP_USERNAME: 'admin.metro', SOP_PASSWORD: DEMO_PASSWORD };
    const sop = (args: string[], env: Record<string, string> = {}) => run('apps/cli/bin/sop.js', ['users', ...args, '--api', api.url], { ...asAdmin, ...env });
    const created = await sop(['create', 'metro.sari', '--regency', 'metro', '--name', 'Sari (Kabid)', '--lane', 'kabid'], { NEW_USER_PASSWORD: PASSWORD });
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('metro.sari: created (metro; lanes: kabid)') });
    const wrongLane = await sop(['create', 'metro.tono', '--regency', 'metro', '--name', 'Tono', '--lane', 'loket'], { NEW_USER_PASSWORD: PASSWORD });
    expect(wrongLane).toMatchObject({ code: 1, stderr: expect.stringContaining('lanes[0]: "loket" is not a lane') });
    const list = await sop(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/metro\.sari\s+metro\s+kabid\s+-\s+active\s+Sari \(Kabid\)/);
    expect((await sop(['disable', 'metro.sari'])).stdout).toContain('metro.sari: disabled');
    expect((await login('metro.sari', PASSWORD)).status).toBe(401);
    expect((await sop(['enable', 'metro.sari'])).code).toBe(0);
    expect((await login('metro.sari', PASSWORD)).status).toBe(200);
    const other = await sop(['disable', 'buleleng.staf-kerjasama']);
    expect(other).toMatchObject({ code: 1, stderr: expect.stringContaining('404') });
    expect((await sop(['create', 'metro.x', '--regency', 'metro', '--name', 'X'])).code).toBe(2); // no NEW_USER_PASSWORD
  });
});

describe('publishing an SOP', () => {
  it('answers 409 when another version was published since the one the author edited', async () => {
    const current = await client.request('GET', '/api/sops/metro');
    const edited = `${current.body.yaml}\n# edited\n`;
    const stale = await client.request('POST', '/api/sops/metro/versions', {
      as: 'metro.penyusun',
      body: { yaml: edited, basedOnVersion: current.body.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: current.body.version, message: expect.stringContaining('nothing was published') });
    const ok = await client.request('POST', '/api/sops/metro/versions', {
      as: 'metro.penyusun',
      body: { yaml: edited, basedOnVersion: current.body.version, changeNote: 'catatan' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(current.body.version + 1);
  });
});

describe('the audit log', () => {
  it('records administrative actions, publications and reveals, without secrets, for the regency’s administrator', async () => {
    // a reveal of a complainant's identity by the intake lane
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
    const id = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
    expect((await client.request('POST', `/api/cases/${id}/reveal`, { as: 'metro.petugas' })).status).toBeLessThan(300);

    const log = await client.request('GET', '/api/admin/audit?limit=100', { as: 'admin.metro' });
    expect(log.status).toBe(200);
    const actions = log.body.items.map((l: { action: string; actor: string; target: string }) => `${l.actor} ${l.action} ${l.target}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'admin.metro user.create metro.budi',
        'admin.metro user.disable metro.budi',
        'admin.metro user.enable metro.budi',
        'admin.metro user.update metro.budi',
        expect.stringMatching(/^metro\.penyusun sop\.propose metro@\d+$/),
        `metro.petugas identity.reveal ${filed.body.ticket}`,
      ]),
    );
    const text = JSON.stringify(log.body);
    expect(actions.filter((a: string) => a === 'admin.metro user.password-reset metro.budi')).toHaveLength(1);
    for (const secret of [PASSWORD, 'kata-sandi-baru-sekali', SAMPLE_COMPLAINTS.metro.nama, '0812']) expect(text).not.toContain(secret);
    expect(new Set(log.body.items.map((l: { regency: string }) => l.regency))).toEqual(new Set(['metro']));
    // newest first, paged by id
    const page = await client.request('GET', '/api/admin/audit?limit=2', { as: 'admin.metro' });
    const next = await client.request('GET', `/api/admin/audit?limit=2&before=${page.body.next}`, { as: 'admin.metro' });
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(page.body.items[1].id));

    const csv = await client.request('GET', '/api/admin/audit?format=csv&action=user.create', { as: 'admin.metro' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toMatch(/^\uFEFF?id,at,actor,action,regency,target,details\r\n\d+,[^,]+,admin\.metro,user\.create,metro,metro\.(sari|budi),/);
    expect((await client.request('GET', '/api/admin/audit?regency=buleleng', { as: 'admin.metro' })).status).toBe(403);
    expect((await client.request('GET', '/api/admin/audit', { as: 'metro.kasi' })).status).toBe(403);
    expect((await client.request('GET', '/api/admin/audit?from=kemarin', { as: 'admin' })).status).toBe(400);
    // forms new Date reads as nothing, days and times that do not exist, and a period that ends before it starts
    for (const [query, field] of [
      ['from=20260101', 'from'],
      ['from=2026-W05', 'from'],
      ['to=2026-02-30', 'to'],
      ['to=2026-12-01T24:00Z', 'to'],
      ['from=2026-01-01&to=2025-01-01', 'to'],
    ]) {
      const res = await client.request('GET', `/api/admin/audit?${query}`, { as: 'admin' });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ field, messageId: expect.any(String) })]);
    }
    expect((await client.request('GET', '/api/admin/audit?from=2026-01-01&to=2026-12-31T23:59:59%2B07:00', { as: 'admin' })).status).toBe(200);
  });

  it('cannot be changed, even in the database; npm run user:create goes through the same checks and into the log', async () => {
    await api.stop();
    await expect(db.sql(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const create = (args: string[]) => run('apps/api/dist/create-user.js', args, { ...db.env, NEW_USER_PASSWORD: PASSWORD, LOG_LEVEL: 'error' });
    const refused = await create(['--username', 'metro.ani', '--regency', 'metro', '--lane', 'loket', '--display-name', 'Ani']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('lanes[0]: "loket" is not a lane') });
    const made = await create(['--username', 'admin.kedua', '--regency', '*', '--admin', '--display-name', 'Administrator kedua']);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining('created admin.kedua (*; lanes: none; permissions: admin)') });
    api = await startApi(db, { SOP_CLOCK_START: '2026-03-10T09:00:00+07:00' });
    client = new ApiClient(api.url);
    const session = await login('admin.kedua', PASSWORD);
    expect(session.body.user).toMatchObject({ regency: '*', permissions: ['admin'] });
    const log = await client.request('GET', '/api/admin/audit?action=user.create&regency=*', { headers: { authorization: `Bearer ${session.body.token}` } });
    expect(log.body.items[0]).toMatchObject({ action: 'user.create', target: 'admin.kedua', actor: expect.stringMatching(/^user:create/) });
    expect((await client.request('GET', '/api/admin/audit', { as: 'admin.metro' })).body.items.length).toBeGreaterThan(5);
  });
});
