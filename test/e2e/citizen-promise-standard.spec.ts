import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession } from './browser';

// An SOP that prints its service standard's completion time ("paling lama 14 (empat belas) hari
// kerja"): the ticket page promises that, the office's published promise, and says so. Metro's SOP
// (its flow loops, so without a standard the national LAPOR! limit is promised) with a standard added.
let sopsDir = '';
const session = browserSession({
  viewport: { width: 390, height: 844 },
  env: () => {
    const metro = readFileSync(join(__dirname, '../../sops/metro.yaml'), 'utf8');
    const withStandard = metro.replace(/^sections:/m, 'service:\n  waktuPenyelesaian: paling lama 14 (empat belas) hari kerja\nsections:');
    sopsDir = copySopsWith({ metro: { yaml: withStandard } });
    return { SOPS_DIR: sopsDir };
  },
});

afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

it("promises the service standard's completion time when the SOP prints one, and says so in both languages", async () => {
  const client = new ApiClient(session.api.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
  expect(filed.status).toBe(201);
  const view = await client.request('GET', `/api/public/complaints/${filed.body.ticket}`);
  expect(view.body.promisedBasis).toBe('standard');

  const page = session.page;
  await page.goto(`${session.api.url}/tiket/${filed.body.ticket}`);
  const promise = page.getByTestId('ticket-promise');
  await promise.waitFor();
  expect(await promise.getAttribute('data-basis')).toBe('standard');
  expect(await promise.innerText()).toMatch(/menurut standar pelayanan kantor ini \(jangka waktu penyelesaian, dihitung sejak pengaduan masuk\)/);
  await page.getByTestId('lang-en').click();
  await page.getByText("by this office's service standard").waitFor();
  expect(await promise.innerText()).toMatch(/by this office's service standard \(its completion time, counted from filing\)/);
});
