import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient, copySopsWith, DEMO_PASSWORD, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Phones, tablets and the keyboard (an audit at 320, 360, 390 and 768 px, and at 1366 with the
// keyboard only): no page scrolls sideways, a focused field is never under the sticky header, the
// operator logs in from a phone, the hand-over panel and the identity reveal keep the focus, a file
// button shows the focus ring, and a missing access code is said at its field. The fixture
// citizen-confirms.yaml is published as "contoh" (a step in the citizen's lane), with-attachment.yaml
// as "lampiran" (file fields on the citizen's form).
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1366, height: 900 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/citizen-confirms.yaml', lampiran: 'valid/with-attachment.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;
let client: ApiClient;
beforeAll(() => {
  client = new ApiClient(session.api.url);
});

/** Files a complaint through the public API; returns its ticket, its access code and the case's id as seen by `lane`. */
async function file(sop: string, data: Record<string, string>, as: string): Promise<{ ticket: string; accessCode: string; id: string; version: number }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data } });
  expect(filed.status).toBe(201);
  const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as });
  const item = found.body.items[0] as { id: string; version: number };
  return { ticket: filed.body.ticket, accessCode: filed.body.accessCode, id: item.id, version: item.version };
}

const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

async function noSidewaysScroll(p: Page, width: number, shot: string) {
  expect(await scrollWidth(p)).toBeLessThanOrEqual(width);
  await p.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
}

/** Where the focused element is against the header's bottom (viewport coordinates). */
const focusedAgainstHeader = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const header = document.querySelector('.topbar')!.getBoundingClientRect();
    const r = el?.getBoundingClientRect();
    return { tag: el?.tagName ?? '', top: r?.top ?? 0, headerBottom: header.bottom, headerHeight: header.height };
  });

describe('no page scrolls sideways on a phone or a tablet', () => {
  it('at 320 px: the SOP list, an SOP page (identity card) and a ticket page (the reload button)', async () => {
    await page().setViewportSize({ width: 320, height: 640 });
    await page().goto(`${session.api.url}/sops`);
    await page().getByTestId('sop-card').first().waitFor();
    await noSidewaysScroll(page(), 320, 'small-sops-320');
    for (const sop of ['pekanbaru', 'metro']) {
      await page().goto(`${session.api.url}/sops/${sop}`);
      await page().getByTestId('source-notes-card').waitFor();
      await noSidewaysScroll(page(), 320, `small-sop-${sop}-320`);
    }
    const { ticket } = await file('metro', SAMPLE_COMPLAINTS.metro, 'metro.petugas');
    await page().goto(`${session.api.url}/tiket/${ticket}`);
    await page().getByTestId('ticket-status').waitFor();
    await noSidewaysScroll(page(), 320, 'small-ticket-320');
    // the reload button is on the screen whole
    const reload = await page().getByTestId('ticket-reload').boundingBox();
    expect(reload!.x).toBeGreaterThanOrEqual(0);
    expect(reload!.x + reload!.width).toBeLessThanOrEqual(320);
  });

  it('at 360 px: the source notes of Metro scroll (or wrap) in their own box', async () => {
    await page().setViewportSize({ width: 360, height: 740 });
    await page().goto(`${session.api.url}/sops/metro`);
    await page().getByTestId('source-notes').waitFor();
    expect(await scrollWidth(page())).toBeLessThanOrEqual(360);
    await page()
      .getByTestId('source-notes-card')
      .screenshot({ path: join(SCREENSHOTS, 'small-source-notes-360.png') });
    await page().setViewportSize({ width: 768, height: 1024 });
    await page()
      .getByTestId('source-notes-card')
      .screenshot({ path: join(SCREENSHOTS, 'small-source-notes-768.png') });
  });

  it('at 768 px in English: the inbox table scrolls in its own box', async () => {
    await file('metro', SAMPLE_COMPLAINTS.metro, 'metro.petugas');
    await signIn(session, 'metro.petugas');
    await page().setViewportSize({ width: 768, height: 1024 });
    await page().goto(`${session.api.url}/inbox`);
    await page().getByTestId('inbox-table').waitFor();
    await page().getByTestId('lang-en').click();
    await page().getByTestId('inbox-table').waitFor();
    await noSidewaysScroll(page(), 768, 'small-inbox-768-en');
    await page().setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll(page(), 360, 'small-inbox-360-en');
    // each card's cells keep their words inside the card, a long lane name too
    const spilling = await page()
      .getByTestId('inbox-table')
      .locator('td')
      .evaluateAll((cells) => cells.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent));
    expect(spilling).toEqual([]);
  });
});

describe('a focused field is never under the sticky header', () => {
  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 360, height: 740 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}, Shift+Tab up the registration form`, async () => {
      await signIn(session, 'pekanbaru.fo-operator');
      await page().setViewportSize(viewport);
      await page().goto(`${session.api.url}/cases/new`);
      await page().getByTestId('register-form').waitFor();
      // from the bottom of the form upwards, as a keyboard user going back a field
      await page().locator('[data-testid="register-form"] button[type="submit"]').last().focus();
      let fields = 0;
      for (let i = 0; i < 30; i++) {
        await page().keyboard.press('Shift+Tab');
        const at = await focusedAgainstHeader(page());
        if (at.tag === 'BODY' || at.tag === 'A') break;
        if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(at.tag)) continue;
        fields++;
        expect({ ...at, hidden: at.top < at.headerBottom }).toEqual({ ...at, hidden: false });
      }
      expect(fields).toBeGreaterThan(2);
      // the stylesheet's padding is the header's real height
      const { height, padding } = await page().evaluate(() => ({
        height: document.querySelector('.topbar')!.getBoundingClientRect().height,
        padding: getComputedStyle(document.documentElement).getPropertyValue('--topbar-height'),
      }));
      expect(parseFloat(padding)).toBeGreaterThanOrEqual(height);
      await page().screenshot({ path: join(SCREENSHOTS, `small-register-${viewport.width}.png`) });
    });
  }
});

describe('the header, signed in', () => {
  // an operator's header was three rows on a phone (135 px at 360) and four links tall on a tablet (171 px at 768)
  it.each([
    [320, 2],
    [360, 2],
    [768, 2],
    [1024, 2],
    [1366, 1],
  ])('at %d px is %d row(s): the name beside the brand, the menu in one line', async (width, rows) => {
    await signIn(session, 'metro.petugas');
    await page().setViewportSize({ width, height: 800 });
    await page().goto(`${session.api.url}/inbox`);
    await page().getByTestId('nav-logout').waitFor();
    const at = await page().evaluate(() => {
      const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
      const links = [...document.querySelectorAll('.topnav a')].map((a) => a.getBoundingClientRect().top);
      return {
        brand: top('.brand'),
        logout: top('[data-testid="nav-logout"]'),
        linkRows: new Set(links.map(Math.round)).size,
        height: document.querySelector('.topbar')!.getBoundingClientRect().height,
      };
    });
    // the account is on the brand's row, the links on one row (the first or their own)
    expect(Math.abs(at.logout - at.brand)).toBeLessThan(24);
    expect(at.linkRows).toBe(1);
    expect(at.height).toBeLessThanOrEqual(rows === 1 ? 70 : 112);
    expect(await scrollWidth(page())).toBeLessThanOrEqual(width);
  });
});

describe('the operator logs in from a phone', () => {
  it('the user name is not capitalised nor corrected, and "Metro.Petugas " logs in; fields are 16 px (no zoom on focus)', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().goto(`${session.api.url}/login`);
    const username = page().getByTestId('login-username');
    await username.waitFor();
    expect(
      await username.evaluate((el) => [
        el.getAttribute('autocapitalize'),
        el.getAttribute('autocorrect'),
        el.getAttribute('spellcheck'),
        el.getAttribute('autocomplete'),
      ]),
    ).toEqual(['none', 'off', 'false', 'username']);
    for (const id of ['login-username', 'login-password']) {
      expect(
        parseFloat(
          await page()
            .getByTestId(id)
            .evaluate((el) => getComputedStyle(el).fontSize),
        ),
      ).toBeGreaterThanOrEqual(16);
    }
    await page().screenshot({ path: join(SCREENSHOTS, 'small-login-390.png') });
    await username.fill('Metro.Petugas ');
    await page().getByTestId('login-password').fill(DEMO_PASSWORD);
    await page().getByTestId('login-submit').click();
    await page().waitForURL(/\/inbox/);
    await page().getByTestId('inbox-page').waitFor();
    // the inbox's filters too, on a phone
    for (const el of await page().locator('.console input, .console select, .console textarea').all()) {
      if (!(await el.isVisible())) continue;
      expect(parseFloat(await el.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16);
    }
  });

  it('on a desktop the console fields keep their size', async () => {
    await page().goto(`${session.api.url}/login`);
    expect(
      await page()
        .getByTestId('login-username')
        .evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe('15px');
  });
});

describe('the case page with the keyboard (1366 wide)', () => {
  it('the hand-over panel takes the focus, and Escape or Batal close it and give the focus back to its button', async () => {
    const { id } = await file('buleleng', SAMPLE_COMPLAINTS.buleleng, 'buleleng.staf-kerjasama');
    await signIn(session, 'buleleng.staf-kerjasama');
    await page().goto(`${session.api.url}/cases/${id}`);
    const open = page().getByTestId('hand-over');
    await open.waitFor();
    await open.focus();
    await page().keyboard.press('Enter');
    const panel = page().getByTestId('hand-over-form');
    await panel.waitFor();
    // no colleague in the lane: said, and the panel still closes
    await page().getByText('Tidak ada rekan lain').waitFor();
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page().screenshot({ path: join(SCREENSHOTS, 'small-hand-over-none.png') });
    await page().keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hand-over');

    // in English, the Cancel button closes it the same way
    await page().getByTestId('lang-en').click();
    await open.focus();
    await page().keyboard.press('Enter');
    await panel.waitFor();
    const cancel = page().getByTestId('hand-over-cancel');
    expect(await cancel.innerText()).toBe('Cancel');
    await cancel.focus();
    await page().keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hand-over');
  });

  it('with a colleague, the focus goes to the choice of one', async () => {
    await client.request('POST', '/api/admin/users', {
      as: 'admin.buleleng',
      body: { username: 'buleleng.staf-tiga', displayName: 'Staf Tiga', regency: 'buleleng', lanes: ['staf-kerjasama'], password: DEMO_PASSWORD },
    });
    const { id } = await file('buleleng', SAMPLE_COMPLAINTS.buleleng, 'buleleng.staf-kerjasama');
    await signIn(session, 'buleleng.staf-kerjasama');
    await page().goto(`${session.api.url}/cases/${id}`);
    await page().getByTestId('hand-over').click();
    await page().locator('[data-testid="hand-over-to"] option[value="buleleng.staf-tiga"]').waitFor({ state: 'attached' });
    await page().waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'hand-over-to');
    await page().screenshot({ path: join(SCREENSHOTS, 'small-hand-over.png') });
    await page().keyboard.press('Tab');
    await page().keyboard.press('Escape');
    await page().getByTestId('hand-over-form').waitFor({ state: 'detached' });
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hand-over');
  });

  it('showing the identity keeps the focus on the page (the note that says it is shown), not on <body>', async () => {
    const { id } = await file('buleleng', SAMPLE_COMPLAINTS.buleleng, 'buleleng.staf-kerjasama');
    await signIn(session, 'buleleng.staf-kerjasama');
    await page().goto(`${session.api.url}/cases/${id}`);
    const reveal = page().getByTestId('reveal');
    await reveal.waitFor();
    await reveal.focus();
    await page().keyboard.press('Enter');
    await page().getByTestId('revealed').waitFor();
    await page().waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'revealed');
  });

  it('"Tambah berkas" shows the focus ring when Tab reaches its file input', async () => {
    const { id } = await file('metro', SAMPLE_COMPLAINTS.metro, 'metro.petugas');
    await signIn(session, 'metro.petugas');
    await page().goto(`${session.api.url}/cases/${id}`);
    const input = page().getByTestId('event-attachment-input');
    await input.waitFor({ state: 'attached' });
    await page().getByTestId('action-note').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page().keyboard.press('Tab');
      reached = await input.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    expect(await input.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle)).not.toBe('none');
    await page()
      .getByTestId('event-files')
      .screenshot({ path: join(SCREENSHOTS, 'small-event-file-focus.png') });
  });
});

describe('the citizen on a phone', () => {
  it('"Ambil foto" and "Pilih berkas" show the focus ring when Tab reaches their file input', async () => {
    await page().setViewportSize({ width: 360, height: 740 });
    await page().goto(`${session.api.url}/lapor/lampiran`);
    await page().getByTestId('file-form').waitFor();
    await page().locator('[data-testid="field-input"][data-field-id="isi"]').focus();
    await page().keyboard.press('Tab');
    const camera = page().locator('[data-testid="file-camera"][data-field-id="ktp"]');
    expect(await camera.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await camera.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle)).not.toBe('none');
    await page()
      .locator('[data-field-id="ktp"].pub-file')
      .screenshot({ path: join(SCREENSHOTS, 'small-file-camera-focus.png') });
    await page().keyboard.press('Tab');
    const choose = page().locator('[data-testid="field-input"][data-field-id="ktp"]');
    expect(await choose.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await choose.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle)).not.toBe('none');
    // not before the input is focused
    await page().keyboard.press('Tab');
    expect(await choose.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle)).toBe('none');
  });

  it('an answer sent without the access code: said at the code field, which takes the focus, in either language', async () => {
    const { ticket, id, version } = await file('contoh', { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' }, 'contoh.petugas');
    const res = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.petugas',
      body: { type: 'COMPLETE', version, reply: 'Data KK Anda sudah kami perbarui.' },
    });
    expect(res.status).toBe(200);
    await page().setViewportSize({ width: 360, height: 740 });
    await page().goto(`${session.api.url}/tiket/${ticket}`);
    await page().getByTestId('citizen-step').waitFor();
    const code = page().getByTestId('citizen-step-code');
    expect(await code.inputValue()).toBe('');
    await page().getByTestId('citizen-answer').first().click();
    const error = page().getByTestId('citizen-step-code-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Masukkan kode akses/);
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const errorId = await error.getAttribute('id');
    expect((await code.getAttribute('aria-describedby'))!.split(' ')).toContain(errorId);
    expect(await page().getByTestId('citizen-step-error').count()).toBe(0);
    expect(await scrollWidth(page())).toBeLessThanOrEqual(360);
    await page()
      .getByTestId('citizen-step')
      .screenshot({ path: join(SCREENSHOTS, 'small-access-code-missing-360.png') });
    // in English, said again in English
    await page().getByTestId('lang-en').click();
    expect(await error.innerText()).toMatch(/access code/i);
    // typing the code takes the message away
    await code.fill('AAAA');
    await error.waitFor({ state: 'detached' });
    expect(await code.getAttribute('aria-invalid')).toBe('false');
    await page().setViewportSize({ width: 768, height: 1024 });
    await page().screenshot({ path: join(SCREENSHOTS, 'small-ticket-768.png'), fullPage: true });
  });
});
