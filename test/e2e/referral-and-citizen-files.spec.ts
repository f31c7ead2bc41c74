import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Two constructs of other offices' SOPs, end to end in the browser:
// - "contoh": a check that hands a complaint to the agency whose it is ("Bukan kewenangan", an
//   outcome of kind referral; ADR 0041), with a service standard counted "sejak berkas pengaduan
//   dinyatakan lengkap";
// - "konfirmasi": the complainant's own step (puas / tidak puas), answered with a document attached
//   (ADR 0013, addendum).
const FIXTURES = join(__dirname, '../../libs/sop-model/src/__fixtures__/valid');
let sopsDir = '';
const session = browserSession({
  viewport: { width: 390, height: 844 },
  env: () => {
    const referral = readFileSync(join(FIXTURES, 'referral.yaml'), 'utf8').replace(
      /^sections:/m,
      'service:\n  waktuPenyelesaian: 14 (empat belas) hari kerja\n  kondisiWaktu: sejak berkas pengaduan dinyatakan lengkap\nsections:',
    );
    sopsDir = copySopsWith({ contoh: { yaml: referral }, konfirmasi: 'valid/citizen-confirms.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});

afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const data = { nama: 'Budi', telepon: '081234567890', isi: 'Tagihan PBB saya salah' };

async function officer(client: ApiClient, as: string, ticket: string, body: Record<string, unknown>) {
  const found = await client.request('GET', `/api/cases?ticket=${ticket}`, { as });
  const item = found.body.items[0];
  const moved = await client.request('POST', `/api/cases/${item.id}/events`, { as, body: { ...body, version: item.version } });
  expect(moved.status).toBe(200);
  return item.id as string;
}

it('tells the complainant their complaint went to the agency responsible, with the standard’s own condition, and counts it for reviewers', async () => {
  const client = new ApiClient(session.api.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
  expect(filed.status).toBe(201);
  const page = session.page;
  await page.goto(`${session.api.url}/tiket/${filed.body.ticket}`);
  const promise = page.getByTestId('ticket-promise');
  await promise.waitFor();
  expect(await promise.innerText()).toMatch(
    /yang menghitung jangka waktunya "sejak berkas pengaduan dinyatakan lengkap"; tanggal ini dihitung sejak pengaduan masuk/,
  );
  expect(await page.getByTestId('ticket-referral').count()).toBe(0);

  await officer(client, 'contoh.petugas', filed.body.ticket, { type: 'CHOOSE', outcome: 'bukan-kewenangan' });
  await officer(client, 'contoh.petugas', filed.body.ticket, { type: 'COMPLETE', reply: 'Pengaduan Anda kami teruskan ke Bapenda.' });
  await page.reload();
  const referral = page.getByTestId('ticket-referral');
  await referral.waitFor();
  expect(await referral.innerText()).toMatch(/^Pengaduan Anda dilimpahkan ke instansi yang berwenang: "Bukan kewenangan"\./);
  await page.screenshot({ path: join(SCREENSHOTS, 'ticket-referred.png'), fullPage: true });
  await page.getByTestId('lang-en').click();
  await page.getByText('Your complaint was referred to the agency responsible').waitFor();

  // the regency's own report counts it apart
  await signIn(session, 'contoh.petugas');
  await page.goto(`${session.api.url}/reports`);
  await page.getByTestId('report-referred').waitFor();
  expect(await page.getByTestId('report-referred').textContent()).toBe('1');

  await signIn(session, 'reviewer');
  await page.goto(`${session.api.url}/reports/nasional`);
  const row = page.getByTestId('national-row-contoh');
  await row.waitFor();
  expect(await row.innerText()).toMatch(/1 referred to the agency responsible/);
});

it('takes the document the complainant’s step asks for, sent with the answer, and the office sees it on that line', async () => {
  const client = new ApiClient(session.api.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'konfirmasi', data } });
  const id = await officer(client, 'konfirmasi.petugas', filed.body.ticket, { type: 'COMPLETE', reply: 'Data Anda sudah kami perbarui.' });
  const page = session.page;
  await page.goto(`${session.api.url}/tiket/${filed.body.ticket}`);
  await page.getByTestId('lang-id').click();
  await page.getByTestId('citizen-step').waitFor();
  // without the access code, the file is not sent: the code field says so
  const input = page.getByTestId('citizen-step-file-input');
  const pdf = { name: 'kk-baru.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };
  await input.setInputFiles(pdf);
  await page.getByTestId('citizen-step-code-error').waitFor();
  await page.getByTestId('citizen-step-code').fill(filed.body.accessCode);
  await input.setInputFiles(pdf);
  await page.getByTestId('citizen-step-file').waitFor();
  expect(await page.getByTestId('citizen-step-file').innerText()).toContain('kk-baru.pdf');
  await page.getByTestId('citizen-step').screenshot({ path: join(SCREENSHOTS, 'citizen-step-file.png') });
  await page.locator('[data-testid="citizen-answer"][data-outcome="tidak-puas"]').click();
  await page.getByTestId('citizen-step').waitFor({ state: 'detached' });
  const files = await client.request('GET', `/api/cases/${id}/attachments`, { as: 'konfirmasi.petugas' });
  expect(files.body.items).toEqual([expect.objectContaining({ name: 'kk-baru.pdf', byOfficer: false, field: null })]);
});
