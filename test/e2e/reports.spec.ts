import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, DOWNLOADS, SCREENSHOTS } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

const IDENTITY = ['Ni Made Ayu', 'Gajah Mada', '081234567890', '+6281234567890'];

async function post(path: string, body: unknown): Promise<any> {
  const res = await fetch(session.api.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

/** Files a Buleleng complaint through the website channel; answers its ticket and its month in WITA. */
async function fileBuleleng(): Promise<{ ticket: string; month: string }> {
  const { ticket } = await post('/api/public/complaints', { sop: 'buleleng', channel: 'website', data: SAMPLE_COMPLAINTS.buleleng });
  const status = await (await fetch(`${session.api.url}/api/public/complaints/${ticket}`)).json();
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit' })
    .format(new Date(status.createdAt))
    .slice(0, 7);
  return { ticket, month };
}

/** Puts a login into the browser's localStorage the way the login page does, before the app starts. */
async function signIn(username: string): Promise<void> {
  const login = await post('/api/auth/login', { username, password: DEMO_PASSWORD });
  await session.page.addInitScript((value) => localStorage.setItem('sop.session', value), JSON.stringify({ token: login.token, user: login.user }));
}

const counts = (testId: string) =>
  session.page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-id'), Number(r.querySelector('[data-testid="report-count"]')!.textContent)])),
    );

describe('the reports page', () => {
  it('asks a citizen to log in', async () => {
    await session.page.goto(`${session.api.url}/reports`);
    await session.page.getByTestId('reports-need-login').waitFor();
    expect(await session.page.getByTestId('reports-need-login').locator('a').getAttribute('href')).toBe('/login?next=%2Freports');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'reports-login-needed.png') });
  });

  it("counts a filed case in the month's report, downloads a table as CSV, and prints only the logbook", async () => {
    const { ticket, month } = await fileBuleleng();
    await signIn('buleleng.kasi-kerjasama');
    await session.page.goto(`${session.api.url}/reports?month=${month}`);
    await session.page.getByTestId('report').waitFor();
    const page = session.page;
    expect(await page.getByTestId('report').getAttribute('data-regency')).toBe('buleleng');
    expect(await page.getByTestId('reports-month').inputValue()).toBe(month);
    expect(await page.getByTestId('report-total').textContent()).toBe('1');
    expect(await counts('report-channels')).toEqual({ telepon: 0, website: 1, email: 0, 'sosial-media': 0, surat: 0, web: 0 });
    expect((await counts('report-categories')).Pelayanan).toBe(1);
    expect(await counts('report-statuses')).toEqual({ open: 1, done: 0 });
    // the platform's own channel in the page's words (the SOP's channels as the SOP writes them)
    const webRow = page.locator('[data-testid="report-channels"] tr[data-id="web"] th');
    expect(await webRow.textContent()).toBe('formulir web');
    await page.getByTestId('lang-en').click();
    expect(await webRow.textContent()).toBe('web form');
    await page.getByTestId('lang-id').click();
    // the logbook in FM-PDIP-03-02's columns, with the case and without the complainant
    const logbook = page.getByTestId('report-logbook-table');
    expect(await logbook.locator('thead th').allTextContents()).toEqual([
      'No.',
      'Isi Pengaduan & Sumber (Form/surat/website/Sosmed/Email dll)',
      'Bidang Terkait',
      'Tindak Lanjut Aduan',
      'Tindak Lanjut Ke Pengadu',
      'Status (selesai / tidak)',
      'Paraf Kabid PDIP',
    ]);
    const row = logbook.locator(`tr[data-ticket="${ticket}"]`);
    // the regency's own users read the complaint in its words first (never the complainant's identity, checked below)
    expect(await row.locator('td[data-column="isi-pengaduan-sumber"]').textContent()).toContain(`Antrian terlalu lama · Pelayanan — website (${ticket}`);
    expect(await row.locator('td[data-column="status"]').textContent()).toBe('tidak');
    const text = await page.locator('body').innerText();
    for (const secret of IDENTITY) expect(text).not.toContain(secret);
    // the case waits at step 1
    expect(await page.getByTestId('report-delays-step').locator('tr[data-id="menerima-keluhan"] td').last().textContent()).toMatch(/^1/);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-buleleng-month.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv-channels').click()]);
    expect(download.suggestedFilename()).toBe(`laporan-buleleng-${month}-channels.csv`);
    const file = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Saluran,Jumlah\r\ntelepon,0\r\nwebsite,1\r\nemail,0\r\nsosial media,0\r\nsurat,0\r\nformulir web,0\r\n');

    const [logbookCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv-logbook').click()]);
    const logbookFile = join(DOWNLOADS, logbookCsv.suggestedFilename());
    await logbookCsv.saveAs(logbookFile);
    expect(readFileSync(logbookFile, 'utf8')).toContain(`1,"Antrian terlalu lama · Pelayanan — website (${ticket},`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-logbook-table').isVisible()).toBe(true);
    expect(await page.getByTestId('report-channels').isVisible()).toBe(false);
    expect(await page.getByTestId('report-delays-step').isVisible()).toBe(false);
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-logbook-print.png'), fullPage: true });
  });

  it('lets a reviewer choose the regency, and says what is wrong with a bad period', async () => {
    await signIn('reviewer');
    await session.page.goto(`${session.api.url}/reports`);
    await session.page.getByTestId('report').waitFor();
    const page = session.page;
    await page.getByTestId('reports-regency').selectOption('pekanbaru');
    await page.locator('[data-testid="report"][data-regency="pekanbaru"]').waitFor();
    expect(new URL(page.url()).searchParams.get('regency')).toBe('pekanbaru');
    // Pekanbaru prints no logbook: the platform's columns
    expect(await page.getByTestId('report-logbook-table').locator('thead th').allTextContents()).toEqual([
      'No.',
      'Tiket',
      'Tanggal',
      'Sumber',
      'Kategori',
      'Langkah / hasil',
      'Status',
    ]);
    await page.getByTestId('reports-mode-range').click();
    await page.getByTestId('reports-from').fill('2026-11-01');
    await page.getByTestId('reports-to').fill('2026-11-15');
    await page.locator('[data-testid="report"][data-from="2026-11-01"][data-to="2026-11-15"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-reviewer-range.png'), fullPage: true });
    await page.goto(`${session.api.url}/reports?regency=pekanbaru&month=2026-13`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('"Bulan" tidak dapat dipakai: tulis bulan sebagai YYYY-MM');
    // a refusal of the API, worded in the page's language, and again in the other when the reader switches
    await page.goto(`${session.api.url}/reports?regency=atlantis&month=2026-11`);
    await page.getByText('"Kabupaten/Kota" tidak dapat dipakai: periksa pilihan Anda.').waitFor();
    await page.getByTestId('lang-en').click();
    await page.getByText(/The report could not be loaded: regency: .*atlantis/).waitFor();
    await page.getByTestId('lang-id').click();
  });

  it("tells a platform administrator that regencies' reports need the reviewer right, and shows no reports link", async () => {
    await signIn('admin');
    await session.page.goto(`${session.api.url}/reports`);
    await session.page.getByTestId('reports-platform-no-reviewer').waitFor();
    expect(await session.page.getByTestId('reports-platform-no-reviewer').textContent()).toContain('memerlukan hak peninjau');
    await session.page.getByTestId('nav-accounts').waitFor();
    expect(await session.page.getByTestId('nav-reports').count()).toBe(0);
    expect(await session.page.getByTestId('reports-regency').count()).toBe(0);
  });

  it('works on a 390px-wide phone', async () => {
    const { month } = await fileBuleleng();
    await signIn('buleleng.staf-kerjasama');
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(`${session.api.url}/reports?month=${month}`);
    await session.page.getByTestId('report').waitFor();
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'reports-phone.png'), fullPage: true });
    await session.page.screenshot({ path: join(SCREENSHOTS, 'reports-phone-top.png') });
    await session.page.getByTestId('report-delays-step').scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'reports-phone-delays.png') });
    await session.page.getByTestId('report-logbook').scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'reports-phone-logbook.png') });
  });
});
