import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { seedIds } from '../../libs/sop-model/src/__fixtures__/seeds';
import { browserSession, DOWNLOADS, SCREENSHOTS, signIn } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

async function file(sop: string): Promise<string> {
  const res = await fetch(`${session.api.url}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sop, data: SAMPLE_COMPLAINTS[sop] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: string }).ticket;
}

/** This month in the browser's terms, as the page reads it by default. */
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('the national view (/reports/nasional)', () => {
  beforeAll(async () => {
    await file('buleleng');
    await file('buleleng');
    await file('metro');
  });

  it('shows every regency side by side with units, charts per measure, a CSV and a link to each written SOP', async () => {
    await signIn(session, 'reviewer');
    const page = session.page;
    await page.goto(`${session.api.url}/reports/nasional`);
    await page.getByTestId('national-table').waitFor();
    // a row per regency: one per SOP in sops/, which the test server publishes
    expect(await page.getByTestId('national-table').locator('tbody tr').count()).toBe(seedIds().length);
    const buleleng = page.getByTestId('national-row-buleleng');
    expect(await buleleng.locator('td').first().textContent()).toBe('2');
    expect(await page.getByTestId('national-row-metro').locator('td').first().textContent()).toBe('1');
    const head = (await page.getByTestId('national-table').locator('thead th').allTextContents()).join(' | ');
    expect(head).toContain('Selesai ≤ 3 hari kerja');
    expect(await buleleng.innerText()).toContain('batas SOP 1 jam + 50 menit');
    expect(head).toContain('Selesai ≤ 10 hari kerja');
    expect(await page.locator('.national-units').innerText()).toContain('450 menit kerja');
    for (const measure of ['complaints', 'median', 'p90', 'within-sop', 'within-3', 'within-5', 'within-10', 'escalations']) {
      expect(await page.getByTestId(`national-chart-${measure}`).locator('text').count()).toBeGreaterThanOrEqual(10);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-nasional.png'), fullPage: true });
    // the CSV as the API writes it
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('national-csv').click()]);
    expect(download.suggestedFilename()).toBe(`laporan-nasional-${thisMonth()}.csv`);
    const saved = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv.startsWith('\ufeffKabupaten/Kota,')).toBe(true);
    expect(csv).toMatch(/\r\nKabupaten Buleleng,\d+,2,/);
    // English, units too
    await page.getByTestId('lang-en').click();
    expect((await page.getByTestId('national-table').locator('thead th').allTextContents()).join(' | ')).toContain('Closed ≤ 5 working days');
    expect(await buleleng.innerText()).toContain('SOP limit 1 hour + 50 minutes');
    // each row opens the comparison with its written SOP
    const link = page.getByTestId('national-compare-buleleng');
    expect(await link.getAttribute('href')).toMatch(/^\/compare\?ids=buleleng,[a-z]+$/);
    await link.click();
    await page.getByTestId('compare-matrix').waitFor();
    expect(page.url()).toContain('/compare?ids=buleleng,');
  });

  it('says what is wrong with a period written in the address, and reads again once it is chosen', async () => {
    await signIn(session, 'reviewer');
    const page = session.page;
    await page.goto(`${session.api.url}/reports/nasional?from=2026-11-20&to=2026-11-01`);
    await page.getByTestId('period-problem').waitFor();
    expect(await page.getByTestId('period-problem').textContent()).toBe(
      '"Sampai" (2026-11-01) sebelum "Dari" (2026-11-20): pilih hari terakhir yang tidak sebelum hari pertama.',
    );
    expect(await page.getByTestId('national-table').count()).toBe(0);
    await page.goto(`${session.api.url}/reports/nasional?month=2026-13`);
    expect(await page.getByTestId('period-problem').textContent()).toContain('"Bulan" tidak dapat dipakai: tulis bulan sebagai YYYY-MM');
    // a NUL byte: named, not repeated, and the page does not break
    await page.goto(`${session.api.url}/reports/nasional?month=2026-11%00`);
    expect(await page.getByTestId('period-problem').textContent()).toContain('"Bulan" tidak dapat dipakai');
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('period-problem').textContent()).toContain('"Month" cannot be used');
    await page.getByTestId('national-month').fill('2026-11');
    await page.getByTestId('national-table').waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2026-11');
    expect(await page.getByTestId('period-problem').count()).toBe(0);
  });

  it('tells a regency operator that it is for reviewers', async () => {
    await signIn(session, 'buleleng.kasi-kerjasama');
    await session.page.goto(`${session.api.url}/reports/nasional`);
    await session.page.getByTestId('national-reviewers-only').waitFor();
    expect(await session.page.getByTestId('national-table').count()).toBe(0);
  });
});
