import { join } from 'node:path';
import { browserSession, SCREENSHOTS, signIn as signInAs } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 1000 } });
const signIn = (username: string) => signInAs(session, username);

describe('the holiday calendar page', () => {
  it('shows a citizen where each year comes from, the provisional estimate with what it lacks, and no load form', async () => {
    const page = session.page;
    await page.goto(`${session.api.url}/hari-libur?tahun=2027`);
    await page.getByTestId('holidays-detail').waitFor();
    expect(await page.getByTestId('holidays-coverage').count()).toBe(1);
    expect(await page.locator('[data-testid="holidays-year-row"][data-year="2026"]').getAttribute('data-status')).toBe('shipped');
    expect(await page.getByTestId('holidays-detail').getAttribute('data-status')).toBe('provisional');
    expect(await page.getByTestId('holidays-national').innerText()).toContain('2027-08-17 Hari Kemerdekaan Republik Indonesia');
    expect(await page.getByTestId('holidays-provisional').innerText()).toMatch(/cuti bersama/i);
    // what the estimate lacks, in the page's language
    expect(await page.getByTestId('holidays-provisional').innerText()).toContain('Perkiraan: dihitung menurut aturan, bukan SKB 3 Menteri 2027');
    expect(await page.getByTestId('holidays-provisional').innerText()).not.toMatch(/\b(the|cannot|computed)\b/);
    expect(await page.getByTestId('holidays-form').count()).toBe(0);
    expect(await page.getByTestId('nav-holidays').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'holidays-public-2027.png'), fullPage: true });
  });

  it('says why a year cannot be shown, in the page’s language, and again in the other when the reader switches', async () => {
    const page = session.page;
    await page.goto(`${session.api.url}/hari-libur?tahun=1800`);
    await page
      .getByText('Gagal memuat: Permintaan ditolak: periksa isian berikut. — tahun ditulis sebagai bilangan bulat dari 1900 sampai 2200, mis. 2027')
      .waitFor();
    await page.getByTestId('lang-en').click();
    await page.getByText('Could not load: not a year — year: the year is a whole number from 1900 to 2200, e.g. 2027').waitFor();
    await page.getByTestId('lang-id').click();
    await page.getByText('Gagal memuat: Permintaan ditolak').waitFor();
  });

  it("lets the platform administrator load 2027's official list: a line it cannot read is named, then the year is official", async () => {
    await signIn('admin');
    const page = session.page;
    await page.goto(`${session.api.url}/sops`);
    await page.getByTestId('nav-holidays').click();
    await page.locator('[data-testid="holidays-year-row"][data-year="2027"] [data-testid="holidays-show"]').click();
    await page.locator('[data-testid="holidays-detail"][data-year="2027"]').waitFor();
    // the form starts from the estimate: the administrator checks it against the SKB and corrects it
    expect(await page.getByTestId('holidays-lines').inputValue()).toContain('2027-01-01 Tahun Baru Masehi');
    await page.getByTestId('holidays-source').fill('SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 (uji)');
    await page.getByTestId('holidays-cuti-lines').fill('2027-01-04 Cuti bersama Tahun Baru\n4 Januari 2027 cuti\n2027-02-30 cuti\n2026-12-24 cuti');
    await page.getByTestId('holidays-save').click();
    // each line it cannot take, in the page's words
    const refused = await page.getByTestId('holidays-error').innerText();
    expect(refused).toContain('Baris 2 tidak terbaca ("4 Januari 2027 cuti")');
    expect(refused).toContain('Baris 3 ("2027-02-30 cuti"): tanggal itu tidak ada di kalender');
    expect(refused).toContain('Baris 4 ("2026-12-24 cuti"): tanggal itu bukan tahun 2027');
    // the lines on screen follow a switch of language
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('holidays-error').innerText()).toContain('Line 4 ("2026-12-24 cuti"): that date is not in 2027');
    await page.getByTestId('lang-id').click();
    await page.getByTestId('holidays-cuti-lines').fill('2027-01-04 Cuti bersama Tahun Baru');
    await page.getByTestId('holidays-note').fill('SKB 2027 terbit');
    await page.getByTestId('holidays-save').click();
    await page.locator('[data-testid="holidays-detail"][data-status="loaded"]').waitFor();
    expect(await page.getByTestId('holidays-saved').innerText()).toMatch(/^Versi 1 dimuat; \d+ batas waktu dihitung ulang\.$/);
    expect(await page.locator('[data-testid="holidays-year-row"][data-year="2027"]').getAttribute('data-status')).toBe('loaded');
    expect(await page.getByTestId('holidays-cuti').innerText()).toBe('2027-01-04 Cuti bersama Tahun Baru');
    const api = await (await fetch(`${session.api.url}/api/holidays/2027`)).json();
    expect(api).toMatchObject({ status: 'loaded', version: 1, loadedBy: 'admin', cutiBersama: [{ date: '2027-01-04', name: 'Cuti bersama Tahun Baru' }] });
    await page.screenshot({ path: join(SCREENSHOTS, 'holidays-admin-2027-loaded.png'), fullPage: true });
  });

  it("lets a regency's administrator load its own closures, shown beside the SOP's", async () => {
    await signIn('admin.buleleng');
    const page = session.page;
    await page.goto(`${session.api.url}/hari-libur?tahun=2027`);
    await page.getByTestId('holidays-form').waitFor();
    expect(await page.getByTestId('holidays-cuti-lines').count()).toBe(0); // cuti bersama are national
    await page.getByTestId('holidays-source').fill('Surat Edaran Kepala Dinas (uji)');
    await page.getByTestId('holidays-lines').fill('2027-02-15 Pemeliharaan server SIAK');
    await page.getByTestId('holidays-save').click();
    await page.getByTestId('holidays-office-loaded').waitFor();
    expect(await page.getByTestId('holidays-office-loaded').innerText()).toBe('2027-02-15 Pemeliharaan server SIAK');
    await page.screenshot({ path: join(SCREENSHOTS, 'holidays-office-buleleng.png'), fullPage: true });
  });
});
