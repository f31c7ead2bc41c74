import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// The citizen acts (docs/adr/0010-the-citizen-acts.md): the complainant answers the office's reply
// from the ticket page on a phone, with the access code shown once at filing; an officer records an
// answer given by phone, signed as such. The fixture citizen-confirms.yaml is published as "contoh".
const PHONE = { width: 390, height: 844 };
let sopsDir = '';
const session = browserSession({
  viewport: PHONE,
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/citizen-confirms.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;

/** Files a complaint on /lapor/contoh as a citizen would; returns the ticket and the access code shown. */
async function fileAsCitizen(): Promise<{ ticket: string; code: string }> {
  await page().goto(`${session.api.url}/lapor/contoh`);
  await page().getByTestId('file-form').waitFor();
  await page().locator('[data-testid="field-input"][data-field-id="nama"]').fill('Wayan Sudarma');
  await page().locator('[data-testid="field-input"][data-field-id="isi"]').fill('Data KK saya belum diperbarui');
  await page().getByTestId('file-submit').click();
  await page().getByTestId('file-success').waitFor();
  return { ticket: (await page().getByTestId('ticket-number').innerText()).trim(), code: (await page().getByTestId('access-code').innerText()).trim() };
}

/** The petugas answers the complaint through the API: it then waits for the citizen. */
async function officeAnswers(ticket: string): Promise<string> {
  const client = new ApiClient(session.api.url);
  const inbox = await client.request('GET', '/api/cases', { as: 'contoh.petugas' });
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
  const res = await client.request('POST', `/api/cases/${item.id}/events`, {
    as: 'contoh.petugas',
    body: { type: 'COMPLETE', version: item.version, reply: 'Data KK Anda sudah kami perbarui.' },
  });
  expect(res.status).toBe(200);
  return item.id;
}

describe('the complainant answers from the ticket page', () => {
  it('shows the access code once at filing, then asks puas or tidak puas with the deadline and what silence means', async () => {
    const { ticket, code } = await fileAsCitizen();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page().screenshot({ path: join(SCREENSHOTS, 'citizen-access-code.png'), fullPage: true });
    await officeAnswers(ticket);

    await page().goto(`${session.api.url}/tiket/${ticket}`);
    const ask = page().getByTestId('citizen-step');
    await ask.waitFor();
    await expect(ask.locator('h2').textContent()).resolves.toBe('Kantor menunggu tanggapan Anda');
    await expect(page().getByTestId('citizen-step-due').innerText()).resolves.toMatch(/Bila tidak ada tanggapan sampai batas itu, pengaduan dianggap: Puas/);
    const answers = await page()
      .getByTestId('citizen-answer')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(answers).toEqual(['Puas · mengakhiri pengaduan', 'Tidak puas (keberatan)']);
    // the answer that ends the complaint is never the filled button, and asks to be confirmed
    const puas = page().locator('[data-testid="citizen-answer"][data-outcome="puas"]');
    const tidakPuas = page().locator('[data-testid="citizen-answer"][data-outcome="tidak-puas"]');
    expect(await puas.getAttribute('class')).not.toContain('button-primary');
    expect(await tidakPuas.getAttribute('class')).not.toContain('button-primary');
    await puas.click();
    const confirm = page().getByTestId('citizen-answer-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/Jawaban "Puas" mengakhiri pengaduan Anda/);
    await page().screenshot({ path: join(SCREENSHOTS, 'citizen-answer-confirm-phone.png'), fullPage: true });
    await page().getByTestId('citizen-answer-confirm-no').click();
    await confirm.waitFor({ state: 'detached' });
    await expect(page().getByTestId('citizen-step').isVisible()).resolves.toBe(true);
    // filed in this tab: the code is already there
    await expect(page().getByTestId('citizen-step-code').inputValue()).resolves.toBe(code);
    await page().screenshot({ path: join(SCREENSHOTS, 'citizen-answer-phone.png'), fullPage: true });

    // a wrong code is refused in plain words, and nothing changes
    await page().getByTestId('citizen-step-code').fill('AAAA-AAAA-AAAA');
    await page().locator('[data-testid="citizen-answer"][data-outcome="tidak-puas"]').click();
    await expect(page().getByTestId('citizen-step-error').innerText()).resolves.toMatch(/nomor tiket dan kode akses tidak cocok/);

    // the right code, typed in lower case with spaces; the objection re-opens the case at the Kasi
    await page().getByTestId('citizen-step-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await page().getByTestId('citizen-step-note').fill('Nama ibu di KK masih salah.');
    await page().locator('[data-testid="citizen-answer"][data-outcome="tidak-puas"]').click();
    await page().getByTestId('ticket-current-step').waitFor();
    await expect(page().getByTestId('ticket-lane').innerText()).resolves.toBe('Kasi');
    await expect(page().getByTestId('timeline-entry').last().innerText()).resolves.toMatch(/Keputusan: Tidak puas \(keberatan\)/);
    // the complainant's note is for the office only
    await expect(page().evaluate(() => document.body.innerText)).resolves.not.toMatch(/Nama ibu/);
  });
});

describe('the office records an answer given by phone', () => {
  it('shows the case as waiting for the complainant and records their answer, signed as such', async () => {
    const { ticket } = await fileAsCitizen();
    const id = await officeAnswers(ticket);
    await page().setViewportSize({ width: 1440, height: 900 });
    await signIn(session, 'contoh.petugas');
    await page().goto(`${session.api.url}/inbox`);
    const row = page().locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`);
    await row.waitFor();
    await expect(row.getByTestId('waiting-badge').innerText()).resolves.toBe('Menunggu pelapor');
    await expect(row.getAttribute('data-overdue')).resolves.toBe('false');

    await page().goto(`${session.api.url}/cases/${id}`);
    await page().getByTestId('waiting-on-citizen').waitFor();
    await expect(page().getByTestId('waiting-on-citizen').innerText()).resolves.toMatch(/Menunggu tanggapan pelapor.*dianggap "Puas"/s);
    await expect(page().getByTestId('actions').locator('h2').innerText()).resolves.toBe('Catat jawaban pelapor');
    await expect(page().getByTestId('reply-box').count()).resolves.toBe(0);
    await page().locator('[data-testid="outcome"][data-outcome="puas"]').check();
    await page().getByTestId('decide').click();
    // how the answer came in is required
    await page().getByTestId('note-required').waitFor();
    await page().getByTestId('action-note').fill('Pelapor menelepon pukul 10.15 dan menyatakan puas.');
    await page().getByTestId('decide').click();
    await page().getByTestId('case-moved').waitFor();
    await expect(page().getByTestId('case-status').innerText()).resolves.toMatch(/Selesai/);
    await expect(page().getByTestId('kartu-on-behalf').innerText()).resolves.toMatch(/atas nama pelapor/);
    await page().screenshot({ path: join(SCREENSHOTS, 'citizen-answer-on-behalf.png'), fullPage: true });
  });
});
