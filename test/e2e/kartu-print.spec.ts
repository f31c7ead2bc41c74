import { join } from 'node:path';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// The kartu kendali on paper (issue 11): one complaint in the official layout, each step by its whole
// name, each row's lane and officer, received and handed over, standard and actual time, room for a
// paraf; and a proper not-found page for addresses that lead nowhere.
const session = browserSession({ viewport: { width: 1440, height: 900 } });

describe('the printable kartu kendali', () => {
  it('prints one complaint as the card that travels with the file: whole step names, officer as a person and a lane', async () => {
    const client = new ApiClient(session.api.url);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const item = (await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' })).body.items[0] as { id: string };
    const moved = await client.request('POST', `/api/cases/${item.id}/events`, {
      as: 'buleleng.staf-kerjasama',
      body: { type: 'COMPLETE', version: 1, note: 'Dicatat di logbook no. 12' },
    });
    expect(moved.status).toBe(200);
    expect((await client.request('POST', `/api/cases/${item.id}/claim`, { as: 'buleleng.kasi-kerjasama', body: {} })).status).toBe(200);

    await signIn(session, 'buleleng.kasi-kerjasama');
    await session.page.goto(`${session.api.url}/cases/${item.id}`);
    await session.page.getByTestId('kartu-print-link').click();
    await session.page.waitForURL(new RegExp(`/cases/${item.id}/kartu$`));
    const card = session.page.getByTestId('kartu-print');
    await card.waitFor();
    await session.page.getByText('PEMERINTAH KABUPATEN BULELENG', { exact: false }).first().waitFor();
    expect(await session.page.getByTestId('kartu-print-ticket').textContent()).toBe(filed.body.ticket);

    const steps = await session.page.getByTestId('kartu-print-step').allTextContents();
    // the step the Staf worked, by its whole activity (the inbox shortens it; the card never does)
    expect(steps[1]).toBe(
      '1. Menerima keluhan / pengaduan masyarakat baik dari telepon, website, email ataupun akun sosial media. Disdukcapil kemudian menginput kedalam logbook pengaduan.',
    );
    expect(steps.every((s) => !s.endsWith('…'))).toBe(true);
    // the current step, where the file is now, with the officer who works it
    expect(steps[steps.length - 1]).toMatch(
      /^2\. Menerima pengaduan \/ keluhan masyarakat, mempelajari kemudian koordinasi dengan bidang terkait agar menindak lanjuti aduan\.$/,
    );
    const officers = await session.page.getByTestId('kartu-print-officer').allTextContents();
    expect(officers[1]).toBe('Staf KerjasamaStaf Kerjasama (Kabupaten Buleleng)');
    expect(officers[officers.length - 1]).toBe('Kasi KerjasamaKasi Kerjasama (Kabupaten Buleleng)');
    expect(await session.page.getByTestId('kartu-print-owner').textContent()).toBe('Kasi Kerjasama (Kabupaten Buleleng)');
    expect(await card.textContent()).toContain('Dicatat di logbook no. 12');
    // nothing of the complainant's identity on the card
    expect(await card.textContent()).not.toContain(SAMPLE_COMPLAINTS.buleleng['nama-lengkap']);

    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('.print-bar').isVisible()).toBe(false);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'kartu-cetak.png'), fullPage: true });
    await session.page.emulateMedia({ media: 'screen' });
  });
});

describe('addresses that lead nowhere', () => {
  it('says so in words, with the way back, for an unknown page, SOP and case (Bahasa Indonesia and English)', async () => {
    const page = session.page;
    await page.goto(`${session.api.url}/halaman-yang-tidak-ada`);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    expect(await notFound.getAttribute('data-kind')).toBe('page');
    expect(await notFound.textContent()).toContain('Halaman tidak ditemukan');
    expect(await notFound.textContent()).toContain('Alamat "/halaman-yang-tidak-ada" tidak ada di aplikasi ini.');
    expect(await page.title()).toContain('Halaman tidak ditemukan');
    await page.screenshot({ path: join(SCREENSHOTS, 'not-found-page.png') });

    await page.goto(`${session.api.url}/sops/kabupaten-entah`);
    await page.locator('[data-testid="not-found"][data-kind="sop"]').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('SOP "kabupaten-entah" tidak ditemukan.');

    await signIn(session, 'buleleng.staf-kerjasama');
    await page.goto(`${session.api.url}/cases/00000000-0000-4000-8000-000000000000`);
    await page.locator('[data-testid="not-found"][data-kind="case"]').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('Pengaduan ini tidak ditemukan.');
    await page.goto(`${session.api.url}/cases/00000000-0000-4000-8000-000000000000/kartu`);
    await page.locator('[data-testid="not-found"][data-kind="case"]').waitFor();

    await page.evaluate(() => localStorage.setItem('sop.lang', 'en'));
    await page.goto(`${session.api.url}/sops/kabupaten-entah`);
    await page.locator('[data-testid="not-found"][data-kind="sop"]').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('SOP "kabupaten-entah" was not found.');
    expect(await page.getByTestId('not-found').textContent()).toContain('To the SOP list');
    await page.screenshot({ path: join(SCREENSHOTS, 'not-found-sop-en.png') });
  });
});
