import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSopData } from '@sop/model';
import { ApiClient, createTestDatabase, ROOT, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Publishing is a proposal (docs/adr/0025-version-approval.md): a version after the first needs a
 * change note and does not take effect until the SOP's signer approves it with a date; the version
 * in effect is found when asked, so another API process whose clock has reached the date agrees.
 */

// Tuesday 10 March 2026, 09:00 in Buleleng (WITA)
const START = '2026-03-10T09:00:00+08:00';
const AUTHOR = 'buleleng.penyusun';
const SIGNER = 'buleleng.pengesah';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

async function start(clockStart: string) {
  api = await startApi(db, { SOP_CLOCK_START: clockStart });
  client = new ApiClient(api.url);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await start(START);
});

afterAll(async () => {
  await api.stop();
  await db.drop();
});

const original = readFileSync(join(ROOT, 'sops/buleleng.yaml'), 'utf8');
const change = (minutes: number) => original.replace('    waktu: 10 Menit\n', `    waktu: ${minutes} Menit\n`);

const publish = (body: Record<string, unknown>, as = AUTHOR) => client.request('POST', '/api/sops/buleleng/versions', { as, body });
const approve = (version: number, effectiveDate: unknown, as = SIGNER) =>
  client.request('POST', `/api/sops/buleleng/versions/${version}/approve`, { as, body: { effectiveDate } });
const reject = (version: number, reason: unknown, as = SIGNER) =>
  client.request('POST', `/api/sops/buleleng/versions/${version}/reject`, { as, body: { reason } });
const inEffect = async () => (await client.request('GET', '/api/sops/buleleng')).body;
const versions = async () => (await client.request('GET', '/api/sops/buleleng/versions')).body.versions as Record<string, unknown>[];
const fileComplaint = async () => {
  const res = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(res.status).toBe(201);
  return res.body;
};
const audit = async (action: string) =>
  ((await client.request('GET', `/api/admin/audit?regency=buleleng&action=${action}`, { as: 'admin' })).body.items ?? []) as Record<string, unknown>[];

describe('the model of a version', () => {
  it("answers its keys in the YAML's order, which the editor's commands copy (ADR 0034, addendum 2)", async () => {
    for (const path of ['/api/sops/buleleng', '/api/sops/buleleng/head']) {
      const { body } = await client.request('GET', path);
      // the same reading as the validator's, key for key and in the same order (a jsonb column reorders them)
      expect(JSON.stringify(body.sop)).toBe(JSON.stringify(readSopData(body.yaml)));
      expect(body.sopOrder).toBe('yaml');
      const topLevel = [...(body.yaml as string).matchAll(/^([a-zA-Z]\w*):/gm)].map((m) => m[1]);
      expect(Object.keys(body.sop)).toEqual(topLevel);
    }
  });
});

describe('a change note for every version after the first', () => {
  it.each([[undefined], [''], ['   \n ']])('refuses a missing or blank note (%j) with 400 naming changeNote, and publishes nothing', async (changeNote) => {
    const res = await publish({ yaml: change(20), basedOnVersion: 1, ...(changeNote === undefined ? {} : { changeNote }) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'changeNote', message: expect.stringContaining('needs a change note') })]);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });
});

describe('a proposal and its signer', () => {
  it('publishes version 2 as a proposal: new cases stay on version 1, the head is version 2', async () => {
    const res = await publish({ yaml: change(20), changeNote: 'Waktu verifikasi 20 menit', basedOnVersion: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, created: true, status: 'proposed', inEffect: false });
    expect(res.body.versionStatus).toMatchObject({ inEffect: { version: 1 }, next: { version: 2, status: 'proposed' }, proposals: 1 });
    expect((await inEffect()).version).toBe(1);
    expect((await client.request('GET', '/api/sops/buleleng/head')).body.version).toBe(2);
    expect((await client.request('GET', '/api/sops')).body.sops.find((s: { id: string }) => s.id === 'buleleng').version).toBe(1);
    const filed = await fileComplaint();
    const kartu = await client.request('GET', `/api/public/complaints/${filed.ticket}`);
    expect(kartu.status).toBe(200);
    expect(JSON.stringify(kartu.body)).not.toContain('20 Menit');
    const [v2, v1] = await versions();
    expect(v2).toMatchObject({
      version: 2,
      status: 'proposed',
      publishedBy: AUTHOR,
      changeNote: 'Waktu verifikasi 20 menit',
      inEffect: false,
      effectiveDate: null,
    });
    expect(v1).toMatchObject({ version: 1, status: 'approved', inEffect: true });
    expect(await audit('sop.propose')).toEqual([expect.objectContaining({ actor: AUTHOR, target: 'buleleng@2' })]);
  });

  it('lets only the regency’s signer decide: authors, operators, other signers and the administrator get 403', async () => {
    for (const user of [AUTHOR, 'buleleng.kepala-dinas', 'metro.pengesah', 'admin', 'admin.buleleng']) {
      const res = await approve(2, '2026-03-10', user);
      expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'sop.approve-not-signer' });
      expect((await reject(2, 'tidak', user)).status).toBe(403);
    }
    expect((await client.request('POST', '/api/sops/buleleng/versions/2/approve', { body: { effectiveDate: '2026-03-10' } })).status).toBe(401);
    expect((await versions())[0].status).toBe('proposed');
  });

  it.each([
    [undefined, 'effectiveDate'],
    ['10-03-2026', 'YYYY-MM-DD'],
    ['2026-02-30', 'is not one'],
    ['2026-03-09', 'has passed'],
    [20260310, 'effectiveDate'],
  ])('refuses the effective date %j with 400 naming effectiveDate', async (date, words) => {
    const res = await approve(2, date);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(words);
    expect(JSON.stringify(res.body)).toContain('effectiveDate');
    expect((await versions())[0].status).toBe('proposed');
  });

  it('says a refused effective date in Bahasa Indonesia too (the proposals page shows it)', async () => {
    const passed = await approve(2, '2026-03-09');
    expect(passed.body.errors).toEqual([
      {
        field: 'effectiveDate',
        message: 'the effective date is today (2026-03-10, Asia/Makassar) or later; 2026-03-09 has passed',
        messageId: 'tanggal berlaku paling awal hari ini (2026-03-10, Asia/Makassar); 2026-03-09 sudah lewat',
      },
    ]);
    expect((await approve(2, '2026-02-30')).body.errors[0].messageId).toBe(
      'tanggal berlaku adalah tanggal kalender yang ditulis TTTT-BB-HH (mis. 2026-03-10); "2026-02-30" bukan tanggal',
    );
  });

  it('refuses a reject without a reason, and a version that does not exist', async () => {
    const blank = await reject(2, '  ');
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await approve(9, '2026-03-10')).status).toBe(404);
    expect((await approve(0, '2026-03-10')).status).toBe(400);
  });

  it('approves for a later date: nothing changes today; another process whose clock reached the date runs the new version, old cases stay on theirs', async () => {
    const filedBefore = await fileComplaint();
    const res = await approve(2, '2026-03-16');
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ version: 2, status: 'approved', decidedBy: SIGNER, effectiveDate: '2026-03-16', inEffect: false });
    // midnight of 16 March in Buleleng (WITA, UTC+8)
    expect(new Date(res.body.version.effectiveFrom).toISOString()).toBe('2026-03-15T16:00:00.000Z');
    expect(res.body.versionStatus).toMatchObject({ inEffect: { version: 1 }, next: { version: 2, status: 'approved', effectiveDate: '2026-03-16' } });
    expect((await inEffect()).version).toBe(1);
    expect(await audit('sop.approve')).toEqual([expect.objectContaining({ actor: SIGNER, target: 'buleleng@2' })]);

    // the same database read by a process on 16 March: no timer fired, the query finds version 2 in effect
    await api.stop();
    await start('2026-03-16T08:00:00+08:00');
    const now = await inEffect();
    expect(now.version).toBe(2);
    expect(now.versionStatus).toMatchObject({ inEffect: { version: 2, effectiveDate: '2026-03-16' }, next: null });
    const filedAfter = await fileComplaint();
    const cases = (await client.request('GET', '/api/cases?pageSize=100', { as: 'buleleng.staf-kerjasama' })).body.items as { ticket: string; id: string }[];
    const versionOf = async (ticket: string) => {
      const item = cases.find((c) => c.ticket === ticket);
      expect(item).toBeDefined();
      return (await client.request('GET', `/api/cases/${item!.id}`, { as: 'buleleng.staf-kerjasama' })).body.sop.version;
    };
    expect(await versionOf(filedBefore.ticket)).toBe(1);
    expect(await versionOf(filedAfter.ticket)).toBe(2);
  });

  it('takes effect at once when approved for today, and refuses to approve it twice', async () => {
    const proposed = await publish({ yaml: change(25), changeNote: 'Waktu verifikasi 25 menit', basedOnVersion: 2 });
    expect(proposed.body).toMatchObject({ version: 3, status: 'proposed' });
    const ok = await approve(3, '2026-03-16');
    expect(ok.status).toBe(201);
    expect(ok.body.version).toMatchObject({ inEffect: true });
    expect((await inEffect()).version).toBe(3);
    const again = await approve(3, '2026-03-17');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('sop.proposal-decided');
  });

  it('rejects with a reason: the proposal never takes effect, and the author edits on top of the version in effect again', async () => {
    const proposed = await publish({ yaml: change(40), changeNote: 'Waktu verifikasi 40 menit', basedOnVersion: 3 });
    expect(proposed.body).toMatchObject({ version: 4, status: 'proposed' });
    // editing on top of the version in effect while a proposal waits is stale: the head is the proposal
    expect((await publish({ yaml: change(35), changeNote: 'lain', basedOnVersion: 3 })).status).toBe(409);
    const res = await reject(4, 'Waktu terlalu lama untuk pemohon');
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ status: 'rejected', rejectReason: 'Waktu terlalu lama untuk pemohon', decidedBy: SIGNER });
    expect((await approve(4, '2026-03-16')).status).toBe(409);
    expect((await inEffect()).version).toBe(3);
    expect((await client.request('GET', '/api/sops/buleleng/head')).body.version).toBe(3);
    expect(await audit('sop.reject')).toEqual([
      expect.objectContaining({ actor: SIGNER, target: 'buleleng@4', details: expect.objectContaining({ reason: 'Waktu terlalu lama untuk pemohon' }) }),
    ]);
    const next = await publish({ yaml: change(35), changeNote: 'Waktu verifikasi 35 menit', basedOnVersion: 3 });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ version: 5, status: 'proposed' });
  });

  it('lets two signers approve at once: one wins, the other gets 409, and the proposal is approved once', async () => {
    const second = 'buleleng.pengesah-2';
    const created = await client.request('POST', '/api/admin/users', {
      as: 'admin',
      body: { username: second, displayName: 'Plt. Kepala Dinas', regency: 'buleleng', permissions: ['signer'], password: 'kata-sandi-pengesah-kedua-1' },
    });
    expect(created.status).toBe(201);
    const login = await client.request('POST', '/api/auth/login', { body: { username: second, password: 'kata-sandi-pengesah-kedua-1' } });
    const token = login.body.token as string;
    const [a, b] = await Promise.all([
      approve(5, '2026-03-16'),
      client.request('POST', '/api/sops/buleleng/versions/5/approve', { headers: { authorization: `Bearer ${token}` }, body: { effectiveDate: '2026-03-17' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [v5] = await versions();
    expect(v5).toMatchObject({ version: 5, status: 'approved' });
    expect((await audit('sop.approve')).filter((e) => e.target === 'buleleng@5')).toHaveLength(1);
  });

  it('refuses the signer permission on a platform-wide account', async () => {
    const res = await client.request('POST', '/api/admin/users', {
      as: 'admin',
      body: { username: 'pengesah-nasional', displayName: 'Pengesah', regency: '*', permissions: ['signer'], password: 'kata-sandi-pengesah-nasional-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'permissions', message: expect.stringContaining('signer') })]);
  });
});
