import { join } from 'node:path';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Issue 11, operators: registration (the caller's words, "received at", focus on the first error, a NIK
// accepted with a reason), the duplicate warning, and the inbox's search by NIK or phone.
const session = browserSession({ viewport: { width: 1440, height: 900 } });

const NIK = '1471016107850001';
const activeTestId = () => session.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null);

describe('registering a complaint from a call', () => {
  it('focuses the first error, says which NIK rule failed, accepts it only with a reason, and warns of a recent filing by the same number', async () => {
    const client = new ApiClient(session.api.url);
    const earlier = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'pekanbaru', data: { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': NIK, 'nomor-telpon': '+62 813 7654 3210' } },
    });
    expect(earlier.status).toBe(201);

    await signIn(session, 'pekanbaru.fo-operator');
    const page = session.page;
    await page.goto(`${session.api.url}/cases/new`);
    await page.getByTestId('register-form').waitFor();
    // a refused submit puts the focus on the first field in error: the channel
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-error').waitFor();
    expect(await activeTestId()).toBe('channel');

    await page.locator('[data-testid="channel"][data-channel="call-centre"]').check();
    await page.getByTestId('input-nama').fill('Rudi Hartono');
    await page.getByTestId('input-jenis-pelayanan').selectOption({ index: 1 });
    // the duplicate check cannot reach the server: the operator is told it did not run
    await page.route('**/api/cases/duplicates', (route) => route.abort('connectionreset'));
    await page.getByTestId('input-nomor-telpon').fill('0813-7654-3210');
    await page.getByTestId('input-caller-words').click();
    const checkFailed = page.getByTestId('duplicate-check-failed');
    await checkFailed.waitFor();
    expect(await checkFailed.textContent()).toBe(
      'Pemeriksaan pengaduan ganda belum dapat dijalankan: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.',
    );
    await page.unroute('**/api/cases/duplicates');
    await page.getByTestId('input-nik-no-kk').fill('1471 0161 1385 0001'); // digits 7–12: 61-13-85, no month 13
    await page.getByTestId('input-caller-words').click();
    await checkFailed.waitFor({ state: 'detached' });
    // the same number filed a few minutes ago: a warning with the link to it
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(earlier.body.ticket);
    await page.getByTestId('register-submit').click();
    expect(await activeTestId()).toBe('input-nik-no-kk');
    expect(await page.getByTestId('error-nik-no-kk').textContent()).toContain('Digit ke-7 sampai ke-12');
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-nik-error-duplicate.png'), fullPage: true });

    // accepting the NIK as it is needs a reason of at least 10 characters
    await page.getByTestId('override-toggle').check();
    await page.getByTestId('override-reason').fill('sesuai');
    await page.getByTestId('register-submit').click();
    expect(await activeTestId()).toBe('override-reason');
    expect(await page.getByTestId('error-override-reason').textContent()).toContain('paling sedikit 10 karakter');
    await page.getByTestId('override-reason').fill('Sesuai KTP-el yang dibacakan pelapor');
    await page.getByTestId('input-caller-words').fill('Pak, KTP-el saya belum jadi sejak tiga bulan lalu, tolong dibantu.');
    const hourAgo = await page.evaluate(() => {
      const at = new Date(Date.now() - 3600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    await page.getByTestId('input-received-at').fill(hourAgo);
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-override-filled.png'), fullPage: true });
    await page.getByTestId('register-submit').click();
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('case-caller-words').waitFor();
    expect(await page.getByTestId('case-caller-words').textContent()).toContain('KTP-el saya belum jadi');
    await page.getByTestId('case-received-at').waitFor();
    await page.getByTestId('duplicate-warning').waitFor();
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain(earlier.body.ticket);
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-case-page.png'), fullPage: false });

    // the case page's check cannot reach the server: the officer is told so, not shown "no warning"
    await page.route('**/api/cases/*/duplicates', (route) => route.abort('connectionreset'));
    await page.reload();
    const caseCheckFailed = page.getByTestId('duplicate-check-failed');
    await caseCheckFailed.waitFor();
    expect(await page.getByTestId('duplicate-warning').count()).toBe(0);
    expect(await page.getByTestId('duplicate-check-failed-text').textContent()).toBe(
      'Pemeriksaan pengaduan ganda belum dapat dijalankan: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-case-check-failed.png'), fullPage: false });
    await page.getByTestId('lang-en').click();
    await page.getByTestId('duplicate-check-retry').filter({ hasText: 'Check again' }).waitFor();
    expect(await page.getByTestId('duplicate-check-failed-text').textContent()).toContain(
      'The check for earlier complaints of the same complainant could not run',
    );
    await page.unroute('**/api/cases/*/duplicates');
    await page.getByTestId('duplicate-check-retry').click();
    await page.getByTestId('duplicate-warning').waitFor();
    await caseCheckFailed.waitFor({ state: 'detached' });
    expect(await page.getByTestId('duplicate-warning').textContent()).toContain(earlier.body.ticket);
    await page.getByTestId('lang-id').click();
  });

  it('refuses a "received at" later than now in the form itself', async () => {
    await signIn(session, 'pekanbaru.fo-operator');
    const page = session.page;
    await page.goto(`${session.api.url}/cases/new`);
    await page.getByTestId('register-form').waitFor();
    const tomorrow = await page.evaluate(() => {
      const at = new Date(Date.now() + 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    await page.getByTestId('input-received-at').fill(tomorrow);
    expect(await page.getByTestId('error-received-at').textContent()).toContain('tidak boleh lebih lambat dari sekarang');
  });
});

describe("the inbox's search by NIK or phone", () => {
  it('finds the complaints of one number however it is written, for the lanes that may see identity only', async () => {
    const client = new ApiClient(session.api.url);
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'pekanbaru', data: { ...SAMPLE_COMPLAINTS.pekanbaru, 'nomor-telpon': '0821 1111 2222' } },
    });
    const again = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'pekanbaru', data: { ...SAMPLE_COMPLAINTS.pekanbaru, 'nomor-telpon': '+62 821-1111-2222' } },
    });
    await signIn(session, 'pekanbaru.fo-operator');
    const page = session.page;
    await page.goto(`${session.api.url}/inbox`);
    await page.getByTestId('identity-input').fill('6282111112222');
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('identity-results').waitFor();
    const found = await page.getByTestId('identity-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')));
    expect(found.sort()).toEqual([filed.body.ticket, again.body.ticket].sort());
    // the number never reaches the address bar
    expect(page.url()).not.toContain('2222');
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-identity-search.png'), fullPage: false });
    await page.getByTestId('identity-input').fill('abc');
    await page.getByTestId('identity-submit').click();
    expect(await page.getByTestId('identity-error').textContent()).toContain('16 digit NIK');
  });

  it('offers no identity search to a lane that may not see identity', async () => {
    await signIn(session, 'pekanbaru.kepala-dinas');
    await session.page.goto(`${session.api.url}/inbox`);
    await session.page.getByTestId('inbox-page').waitFor();
    await session.page.getByTestId('filter-status').waitFor();
    expect(await session.page.getByTestId('identity-search').count()).toBe(0);
  });
});
