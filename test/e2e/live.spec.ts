import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient, DEMO_PASSWORD, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Two officers at two browsers (issue 11): what one does shows at the other's without a reload
// (server-sent events, docs/adr/0022), and a case is handed to a named colleague of the lane.
const session = browserSession({ viewport: { width: 1440, height: 900 } });

/** A second browser context signed in as `username` (another officer's browser). */
async function otherBrowser(username: string): Promise<Page> {
  const browser = session.page.context().browser()!;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => session.pageErrors.push(e.message));
  const login = (await (
    await fetch(session.api.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    })
  ).json()) as { token: string; user: { username: string } };
  await page.addInitScript(
    (value) => localStorage.setItem('sop.session', value),
    JSON.stringify({ token: login.token, user: login.user, username: login.user.username }),
  );
  return page;
}

/** Marks the page: the mark survives only as long as the page is not reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 42));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 42);

describe('live updates between officers', () => {
  it("one officer hands a complaint on; the next lane's inbox shows it without a reload", async () => {
    const client = new ApiClient(session.api.url);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const item = (await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' })).body.items[0] as { id: string };

    // the Kasi watches their inbox in their own browser
    const kasi = await otherBrowser('buleleng.kasi-kerjasama');
    await kasi.goto(`${session.api.url}/inbox`);
    await kasi.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await mark(kasi);
    expect(await kasi.locator(`[data-testid="inbox-row"][data-ticket="${filed.body.ticket}"]`).count()).toBe(0);

    // the Staf completes the first step in theirs
    await signIn(session, 'buleleng.staf-kerjasama');
    await session.page.goto(`${session.api.url}/cases/${item.id}`);
    await session.page.getByTestId('actions').waitFor();
    await session.page.getByTestId('action-note').fill('Diteruskan ke Kasi');
    await session.page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await session.page.getByTestId('case-moved').waitFor();

    const row = kasi.locator(`[data-testid="inbox-row"][data-ticket="${filed.body.ticket}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await stillMarked(kasi)).toBe(true);
    await kasi.screenshot({ path: join(SCREENSHOTS, 'live-inbox.png') });

    // a citizen files a new complaint: it appears in the Staf's inbox as it is filed
    await session.page.goto(`${session.api.url}/inbox`);
    await session.page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await mark(session.page);
    const another = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    await session.page.locator(`[data-testid="inbox-row"][data-ticket="${another.body.ticket}"]`).waitFor({ timeout: 10_000 });
    expect(await stillMarked(session.page)).toBe(true);
    await kasi.context().close();
  });

  it('hands a case to a named colleague of the lane, whose open case page shows it is theirs at once', async () => {
    const client = new ApiClient(session.api.url);
    await client.request('POST', '/api/admin/users', {
      as: 'admin.buleleng',
      body: { username: 'buleleng.staf-dua', displayName: 'Staf Dua', regency: 'buleleng', lanes: ['staf-kerjasama'], password: DEMO_PASSWORD },
    });
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const item = (await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' })).body.items[0] as { id: string };

    const dua = await otherBrowser('buleleng.staf-dua');
    await dua.goto(`${session.api.url}/cases/${item.id}`);
    await dua.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await mark(dua);

    await signIn(session, 'buleleng.staf-kerjasama');
    await session.page.goto(`${session.api.url}/cases/${item.id}`);
    await session.page.getByTestId('hand-over').click();
    const select = session.page.getByTestId('hand-over-to');
    await session.page.locator('[data-testid="hand-over-to"] option[value="buleleng.staf-dua"]').waitFor({ state: 'attached' });
    // only colleagues of the lane are offered (not the officer themself, not other lanes)
    expect(await select.locator('option').allTextContents()).toEqual(['Pilih rekan…', 'Staf Dua (buleleng.staf-dua)']);
    await select.selectOption('buleleng.staf-dua');
    await session.page.getByTestId('hand-over-note').fill('Warga kenal Bu Dua');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'hand-over.png') });
    await session.page.getByTestId('hand-over-confirm').click();
    await session.page.getByTestId('claim-owner').waitFor();
    expect(await session.page.getByTestId('claim-owner').textContent()).toMatch(/^Staf Dua mengerjakan pengaduan ini/);

    // at the colleague's browser, without a reload: the case is theirs, and under "mine"
    await dua.locator('[data-testid="claim-bar"][data-mine="true"]').waitFor({ timeout: 10_000 });
    expect(await stillMarked(dua)).toBe(true);
    await dua.screenshot({ path: join(SCREENSHOTS, 'hand-over-received.png') });
    const mine = await client.request('GET', '/api/cases?mine=true', { as: 'buleleng.staf-dua' });
    expect(mine.body.items.map((i: { ticket: string }) => i.ticket)).toEqual([filed.body.ticket]);
    await dua.context().close();
  });
});
