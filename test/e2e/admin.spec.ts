import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import { browserSession, DOWNLOADS, SCREENSHOTS, signIn as signInAs } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
const signIn = (username: string) => signInAs(session, username);

const row = (username: string) => session.page.locator(`[data-testid="accounts-row"][data-username="${username}"]`);

describe("a regency's administrator", () => {
  it('creates an officer with a lane of the SOP, is told what was wrong first, disables and enables the account, and reads it all in the audit log', async () => {
    await signIn('admin.buleleng');
    const page = session.page;
    await page.goto(`${session.api.url}/sops`);
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-table').waitFor();
    expect(await page.getByTestId('accounts-row').count()).toBeGreaterThan(3);
    expect(
      await page
        .locator('[data-testid="accounts-row"]')
        .evaluateAll((rows) => rows.every((r) => r.querySelector('td:nth-child(3)')!.textContent === 'buleleng')),
    ).toBe(true);

    // rights in the page's words, not their codes
    expect(await row('buleleng.penyusun').getByTestId('accounts-permissions').innerText()).toBe('penyusun SOP');
    expect(await row('buleleng.pengesah').getByTestId('accounts-permissions').innerText()).toBe('pengesah SOP (Kepala Dinas)');

    // a field the browser refuses says so in the page's language, not the browser's
    const message = (testId: string) => page.getByTestId(testId).evaluate((el) => (el as HTMLInputElement).validationMessage);
    await page.getByTestId('accounts-create-submit').click();
    expect(await message('accounts-new-username')).toBe('Isian ini wajib diisi.');
    await page.getByTestId('accounts-new-password').fill('pendek');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('accounts-create-submit').click();
    expect(await message('accounts-new-username')).toBe('Please fill in this field.');
    await page.getByTestId('accounts-new-username').fill('buleleng.wayan');
    await page.getByTestId('accounts-new-name').fill('I Wayan Sudarma');
    await page.getByTestId('accounts-create-submit').click();
    expect(await message('accounts-new-username')).toBe('');
    expect(await message('accounts-new-password')).toBe('At least 12 characters (now 6).');
    await page.getByTestId('lang-id').click();
    await page.getByTestId('accounts-create-submit').click();
    expect(await message('accounts-new-password')).toBe('Paling sedikit 12 karakter (kini 6).');

    await page.getByTestId('accounts-new-username').fill('buleleng.wayan');
    await page.getByTestId('accounts-new-name').fill('I Wayan Sudarma');
    await page.getByTestId('accounts-lane-kasi-kerjasama').check();
    await page.getByTestId('accounts-new-password').fill('kata-sandi-yang-panjang-1');
    await page.getByTestId('accounts-create-submit').click();
    await row('buleleng.wayan').waitFor();
    expect(await page.getByTestId('accounts-message').innerText()).toBe('Akun buleleng.wayan dibuat.');
    // the page's message follows a switch of language
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('accounts-message').innerText()).toBe('Account buleleng.wayan created.');
    await page.getByTestId('lang-id').click();
    expect(await row('buleleng.wayan').locator('td').nth(3).innerText()).toBe('kasi-kerjasama');

    // the same username again: the API's refusal is shown, in the page's language
    await page.getByTestId('accounts-new-username').fill('buleleng.wayan');
    await page.getByTestId('accounts-new-name').fill('Wayan lagi');
    await page.getByTestId('accounts-new-password').fill('kata-sandi-yang-panjang-1');
    await page.getByTestId('accounts-create-submit').click();
    expect(await page.getByTestId('accounts-create-error').innerText()).toContain('nama pengguna "buleleng.wayan" sudah dipakai: pilih yang lain');
    // the refusal on screen follows a switch of language
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('accounts-create-error').innerText()).toContain('the username "buleleng.wayan" is taken: choose another');
    await page.getByTestId('lang-id').click();
    expect(await page.getByTestId('accounts-create-error').innerText()).toContain('sudah dipakai');

    await row('buleleng.wayan').getByTestId('accounts-toggle').click();
    await page.locator('[data-testid="accounts-row"][data-username="buleleng.wayan"][data-disabled="true"]').waitFor();
    const refused = await fetch(session.api.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'buleleng.wayan', password: 'kata-sandi-yang-panjang-1' }),
    });
    expect(refused.status).toBe(401);
    await row('buleleng.wayan').getByTestId('accounts-toggle').click();
    await page.locator('[data-testid="accounts-row"][data-username="buleleng.wayan"][data-disabled="false"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-accounts-buleleng.png'), fullPage: true });

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    const actions = await page
      .getByTestId('audit-row')
      .evaluateAll((rows) => rows.map((r) => `${r.children[1].textContent} ${r.getAttribute('data-action')} ${r.children[4].textContent}`));
    expect(actions.slice(0, 3)).toEqual([
      'admin.buleleng user.enable buleleng.wayan',
      'admin.buleleng user.disable buleleng.wayan',
      'admin.buleleng user.create buleleng.wayan',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-audit-buleleng.png'), fullPage: true });
    await page.getByTestId('audit-action').selectOption('user.create');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'user.create');
    });
    expect(await page.getByTestId('audit-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-action')))])).toEqual(['user.create']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    const file = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('audit-buleleng.csv');
    expect(readFileSync(file, 'utf8')).toMatch(
      /^\uFEFFid,at,actor,action,regency,target,details\r\n\d+,[^,]+,admin\.buleleng,user\.create,buleleng,buleleng\.wayan,/,
    );
  });

  it("is told in the page's words when the server cannot be reached, a list's failure follows a switch of language, and the list loads once it can", async () => {
    await signIn('admin.buleleng');
    const page = session.page;
    const audit = /\/api\/admin\/audit(\?|$)/;
    await page.route(audit, (route) => route.abort('connectionreset'));
    await page.goto(`${session.api.url}/admin/audit`);
    const alert = page.locator('.notice-error[role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Gagal memuat: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.');
    await page.getByTestId('lang-en').click();
    expect(await alert.innerText()).toBe('Could not load: The server could not be reached: check the connection, then try again.');
    await page.getByTestId('lang-id').click();
    expect(await alert.innerText()).toContain('Server tidak dapat dihubungi');
    // the connection is back: another filter loads, and the alert goes
    await page.unroute(audit);
    await page.getByTestId('audit-action').selectOption('user.create');
    await page.getByTestId('audit-table').waitFor();
    expect(await alert.count()).toBe(0);
  });

  it('lands on the accounts after logging in, and sees no inbox without a lane', async () => {
    const page = session.page;
    await page.goto(`${session.api.url}/login`);
    await page.getByTestId('login-username').fill('admin.buleleng');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('accounts-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/pengguna');
    expect(await page.getByTestId('nav-inbox').count()).toBe(0);
  });

  it("offers the platform administrator the rights the typed regency's account may hold", async () => {
    await signIn('admin');
    const page = session.page;
    await page.goto(`${session.api.url}/admin/pengguna`);
    const offered = () => page.locator('[data-testid^="accounts-perm-"]').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-testid')));
    await page.getByTestId('accounts-new-regency').fill('metro');
    expect(await offered()).toEqual(['accounts-perm-author', 'accounts-perm-signer', 'accounts-perm-admin']);
    await page.getByTestId('accounts-new-regency').fill('*');
    expect(await offered()).toEqual(['accounts-perm-author', 'accounts-perm-reviewer', 'accounts-perm-admin']);
  });

  it('keeps the pages from anyone who is not an administrator', async () => {
    await signIn('buleleng.kasi-kerjasama');
    await session.page.goto(`${session.api.url}/admin/pengguna`);
    await session.page.getByTestId('admin-need-login').waitFor();
    expect(await session.page.getByTestId('nav-accounts').count()).toBe(0);
    await session.page.goto(`${session.api.url}/admin/audit`);
    await session.page.getByTestId('admin-need-login').waitFor();
  });
});
