import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copySopsWith, DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Trial 2, /cases/new at a walk-in desk (docs/adr/0009-several-starts.md): the desk's only channel is
// chosen already, the lead names the channels this desk serves, and "Diterima pada" is on the office's
// clock (WIB for Kota Contoh) whatever the browser's own zone.
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1366, height: 900 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/two-ways-in.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

describe('registering a complaint at the walk-in desk', () => {
  it('has the desk’s one channel chosen, words the lead from it, and reads "received at" in the office zone', async () => {
    await signIn(session, 'contoh.fo');
    const page = session.page;
    await page.goto(`${session.api.url}/cases/new`);
    await page.getByTestId('register-form').waitFor();
    const channels = await page.getByTestId('channel').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')));
    expect(channels).toEqual(['tatap-muka']);
    expect(await page.locator('[data-testid="channel"][data-channel="tatap-muka"]').isChecked()).toBe(true);
    const lead = await page.getByTestId('register-lead').innerText();
    expect(lead).toMatch(/^Untuk pengaduan yang diterima melalui Ruang Pengaduan\./);
    expect(lead).not.toMatch(/telepon|WhatsApp|surat/i);
    expect(await page.locator('label[for="received-at"]').innerText()).toBe('Diterima pada (WIB)');
    expect(await page.getByTestId('received-at-hint').innerText()).toMatch(/Jam kantor WIB \(Asia\/Jakarta\)/);
    // submitting with only the form's fields filled: no "Pilih kanal"
    await page.getByTestId('register-submit').click();
    expect(await page.getByTestId('error-channel').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-desk-walk-in.png'), fullPage: true });
  });

  it('shows and reads "received at" in WIB on a browser set to another zone', async () => {
    const res = await fetch(`${session.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'contoh.fo', password: DEMO_PASSWORD }),
    });
    const login = (await res.json()) as { token: string; user: unknown };
    const browser = session.page.context().browser()!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, timezoneId: 'Asia/Jayapura' });
    try {
      const page = await context.newPage();
      await page.addInitScript((value) => localStorage.setItem('sop.session', value), JSON.stringify(login));
      await page.goto(`${session.api.url}/cases/new`);
      await page.getByTestId('register-form').waitFor();
      const shown = await page.getByTestId('input-received-at').inputValue();
      const wib = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Jakarta',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(new Date())
        .replace(' ', 'T');
      // the office's clock (two hours behind the browser's WIT), within the minute the page took
      expect(Math.abs(Date.parse(`${shown}:00Z`) - Date.parse(`${wib}:00Z`))).toBeLessThanOrEqual(60_000);
      // half an hour ahead on the office's clock is in the future (the browser's WIT would call it 90 minutes ago)
      const ahead = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Jakarta',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(new Date(Date.now() + 30 * 60_000))
        .replace(' ', 'T');
      await page.getByTestId('input-received-at').fill(ahead);
      expect(await page.getByTestId('error-received-at').innerText()).toMatch(/tidak boleh lebih lambat dari sekarang/);
      await page.getByTestId('input-received-at').fill(shown);
      expect(await page.getByTestId('error-received-at').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'intake-desk-walk-in-360.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
