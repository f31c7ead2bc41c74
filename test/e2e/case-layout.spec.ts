import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient, DEMO_PASSWORD, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

/**
 * The case page is built around the work (issue 11): the complaint and the action box first, the
 * flowchart folded below them (closed until unfolded, remembered per browser), the kartu kendali
 * after, at a desktop's 1440×900 and on a 390×844 phone.
 */
const session = browserSession({ viewport: { width: 1440, height: 900 } });
let client: ApiClient;
let caseId: string;
beforeAll(async () => {
  client = new ApiClient(session.api.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' });
  caseId = found.body.items[0].id;
});

/** Where an element is on the page (document coordinates), or null when it is not shown. */
async function box(page: Page, testId: string): Promise<{ top: number; bottom: number; left: number; width: number } | null> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, width: r.width };
  });
}

async function checkLayout(page: Page, viewport: { width: number; height: number }) {
  await page.goto(`${session.api.url}/cases/${caseId}`);
  await page.getByTestId('actions').waitFor();
  await page.getByTestId('form-data').waitFor();
  await page.getByTestId('kartu').waitFor();
  const complaint = (await box(page, 'form-data'))!;
  const words = (await box(page, 'case-main'))!;
  const actions = (await box(page, 'actions'))!;
  const fold = (await box(page, 'case-diagram-fold'))!;
  const kartu = (await box(page, 'kartu'))!;
  // the complaint's own words are shown (the identity masked for this lane until revealed)
  const text = page.locator('[data-testid="form-field"][data-field="isi-pengaduan"]');
  expect(await text.textContent()).toContain(SAMPLE_COMPLAINTS.buleleng['isi-pengaduan']);
  expect(await page.locator('[data-testid="form-field"][data-field="nama-lengkap"]').getAttribute('data-masked')).toBe('true');
  // the complaint and the action box first, the folded flowchart below both, the kartu kendali after it
  expect(complaint.bottom).toBeLessThanOrEqual(fold.top);
  expect(actions.bottom).toBeLessThanOrEqual(fold.top);
  expect((await box(page, 'current-step'))!.bottom).toBeLessThanOrEqual(fold.top);
  expect(words.top).toBeLessThanOrEqual(complaint.top);
  expect(fold.bottom).toBeLessThanOrEqual(kartu.top);
  // folded: the diagram is not drawn until asked for
  expect(await page.getByTestId('case-diagram-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  expect(await page.getByTestId('diagram').count()).toBe(0);
  // nothing wider than the screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  return { complaint, actions, fold };
}

describe('the case page, built around the work', () => {
  it('at 1440×900: the complaint and the action box side by side in the first screen, the flowchart folded below', async () => {
    const page = session.page;
    await signIn(session, 'buleleng.staf-kerjasama');
    const { complaint, actions } = await checkLayout(page, { width: 1440, height: 900 });
    // side by side, both starting in the first screen
    expect(complaint.left + complaint.width).toBeLessThanOrEqual(actions.left);
    expect(complaint.top).toBeLessThan(900);
    expect(actions.top).toBeLessThan(900);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-layout-desktop.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'case-layout-desktop-full.png'), fullPage: true });

    // unfolded, the flowchart shows the current step; the choice is remembered on the next visit
    await page.getByTestId('case-diagram-toggle').click();
    await page.locator('[data-testid="step-node"]').first().waitFor();
    expect(await page.getByTestId('diagram').getAttribute('data-active-step')).toBe('menerima-keluhan');
    await page.reload();
    await page.locator('[data-testid="step-node"]').first().waitFor();
    expect(await page.getByTestId('case-diagram-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // folded again, it is taken off the page
    await page.getByTestId('case-diagram-toggle').click();
    await page.getByTestId('diagram').waitFor({ state: 'detached' });
    expect(await page.getByTestId('case-diagram-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });

  it('on a 390×844 phone: the complaint, then the action box, then the folded flowchart, nothing wider than the screen', async () => {
    const phone = await session.page
      .context()
      .browser()!
      .newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await phone.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const login = await client.request('POST', '/api/auth/login', { body: { username: 'buleleng.staf-kerjasama', password: DEMO_PASSWORD } });
      await page.addInitScript((value) => localStorage.setItem('sop.session', value), JSON.stringify({ token: login.body.token, user: login.body.user }));
      const { complaint, actions } = await checkLayout(page, { width: 390, height: 844 });
      // one column: the complaint first, the action box under it
      expect(complaint.bottom).toBeLessThanOrEqual(actions.top);
      expect(complaint.top).toBeLessThan(844);
      await page.screenshot({ path: join(SCREENSHOTS, 'case-layout-phone.png') });
      await page.screenshot({ path: join(SCREENSHOTS, 'case-layout-phone-full.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
