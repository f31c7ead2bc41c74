import { join } from 'node:path';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

// Issue 11, the citizens: when it will be done, the stages in plain words, the way in, a header that leaves room.
const PHONE = { width: 390, height: 844 };
const session = browserSession({ viewport: PHONE });
const page = () => session.page;

async function shoot(name: string): Promise<void> {
  await page().evaluate(() => window.scrollTo(0, 0));
  await page().screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

it('the ticket page shows the promised date, why, and the stages in plain words', async () => {
  const client = new ApiClient(session.api.url);
  // Buleleng: every step of its slowest path has a Waktu, so the SOP's own worst case is promised
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const view = await client.request('GET', `/api/public/complaints/${filed.body.ticket}`);
  expect(view.body.promisedBasis).toBe('sop');
  expect(typeof view.body.promisedBy).toBe('string');

  await page().goto(`${session.api.url}/tiket/${filed.body.ticket}`);
  await page().getByTestId('ticket-status').waitFor();
  const promise = page().getByTestId('ticket-promise');
  expect(await promise.getAttribute('data-basis')).toBe('sop');
  expect(await promise.innerText()).toMatch(/Selesai paling lambat/);
  expect(await promise.innerText()).toMatch(/menurut SOP kantor ini/);
  const stages = await page()
    .getByTestId('ticket-stage')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-state'), e.querySelector('.pub-stage-label')?.textContent ?? ''] as const));
  expect(stages.filter(([s]) => s === 'current')).toHaveLength(1);
  expect(stages.some(([s]) => s === 'next')).toBe(true);
  for (const [, label] of stages) {
    expect(label.length).toBeGreaterThan(2);
    expect(label.length).toBeLessThanOrEqual(60);
  }
  await shoot('citizen-promise-buleleng-phone');

  // Brebes' SOP is silent on some steps: the national LAPOR! limit is promised, and said so
  const brebes = await client.request('POST', '/api/public/complaints', { body: { sop: 'brebes', data: SAMPLE_COMPLAINTS.brebes } });
  await page().goto(`${session.api.url}/tiket/${brebes.body.ticket}`);
  await page().getByTestId('ticket-promise').waitFor();
  expect(await page().getByTestId('ticket-promise').getAttribute('data-basis')).toBe('lapor');
  expect(await page().getByTestId('ticket-promise').innerText()).toMatch(/SP4N-LAPOR!: 8 hari kerja/);
  await shoot('citizen-promise-brebes-lapor-phone');
});

it('the home page offers Lapor for each office, and a visitor sees no staff menus', async () => {
  await page().goto(`${session.api.url}/sops`);
  await page().getByTestId('sop-list').waitFor();
  const lapor = page().locator('[data-testid="sop-card"][data-sop-id="lumajang"] [data-testid="lapor-link"]');
  expect(await lapor.innerText()).toBe('Lapor');
  expect(await page().getByTestId('nav-inbox').count()).toBe(0);
  expect(await page().getByTestId('nav-reports').count()).toBe(0);
  await shoot('citizen-home-lapor-phone');
  await lapor.click();
  await page().getByTestId('file-form').waitFor();
  expect(new URL(page().url()).pathname).toBe('/lapor/lumajang');
  // no platform jargon on the form of an SOP without its own form
  expect(await page().evaluate(() => document.body.innerText)).not.toMatch(/formulir umum platform/i);

  await page().goto(`${session.api.url}/sops/metro`);
  await page().getByTestId('sop-page').waitFor();
  await page().locator('[data-testid="sop-page"] [data-testid="lapor-link"]').click();
  await page().getByTestId('file-form').waitFor();
  expect(new URL(page().url()).pathname).toBe('/lapor/metro');
});

it('the sticky header takes at most 15% of a phone screen, and a focused field is never under it', async () => {
  await page().goto(`${session.api.url}/lapor/buleleng`);
  await page().getByTestId('file-form').waitFor();
  const header = await page().locator('header.topbar').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(0.15 * PHONE.height);
  // scroll the last field out of view below, then focus it with the keyboard
  const fields = page().locator('[data-testid="field-input"]');
  const n = await fields.count();
  await page().evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await fields.nth(0).focus();
  const headerBottom = await page().evaluate(() => document.querySelector('header.topbar')!.getBoundingClientRect().bottom);
  const top = await fields.nth(0).evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(headerBottom);
  expect(n).toBeGreaterThan(1);
  await page().screenshot({ path: join(SCREENSHOTS, 'citizen-form-focus-phone.png') });
});
