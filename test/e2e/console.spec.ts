import { join } from 'node:path';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

/**
 * The operator console: a Buleleng complaint found first in the inbox of the lane it waits in, moved
 * on by that lane, taken on by the next lane and finished; invisible to an operator of another
 * regency; a Pekanbaru complaint registered on a caller's behalf with live NIK and phone checks; a
 * stale action explained, without losing the operator's note; and a reply to the complainant, typed
 * beside the internal note, read on the citizen's ticket page without the note.
 */
const session = browserSession({ viewport: { width: 1440, height: 1000 } });
async function shot(name: string): Promise<void> {
  // from the top: the sticky top bar would otherwise be drawn where the page was scrolled to
  await session.page.evaluate(() => window.scrollTo(0, 0));
  await session.page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`), fullPage: true });
}

let client: ApiClient;
beforeAll(() => {
  client = new ApiClient(session.api.url);
});

async function login(username: string, password = 'demo-sop-2026'): Promise<void> {
  const page = session.page;
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function openLogin(next?: string): Promise<void> {
  await session.page.goto(`${session.api.url}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
}

/** The case page's state once loaded. */
async function caseState(): Promise<{ step: string; status: string; version: number }> {
  const el = session.page.getByTestId('case');
  await el.waitFor();
  return {
    step: (await el.getAttribute('data-step'))!,
    status: (await el.getAttribute('data-status'))!,
    version: Number(await el.getAttribute('data-version')),
  };
}

async function waitForStep(step: string): Promise<void> {
  await session.page.locator(`[data-testid="case"][data-step="${step}"]`).waitFor();
}

async function apiEvent(as: string, id: string, body: Record<string, unknown>): Promise<void> {
  const current = await client.request('GET', `/api/cases/${id}`, { as });
  const res = await client.request('POST', `/api/cases/${id}/events`, { as, body: { ...body, version: current.body.version } });
  expect(res.status).toBe(200);
}

/** A Buleleng complaint filed on the public form, by ticket and case id: each test makes its own. */
async function fileBuleleng(): Promise<{ ticket: string; id: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' });
  return { ticket: filed.body.ticket, id: found.body.items[0].id };
}

/** A Pekanbaru complaint registered by phone and moved through the API to the step asked for. */
async function pekanbaruAt(step: 'registrasi' | 'konsultasi-kasi' | 'konsultasi-kabid'): Promise<string> {
  const registered = await client.request('POST', '/api/cases', {
    as: 'pekanbaru.fo-operator',
    body: { sop: 'pekanbaru', channel: 'telepon', data: SAMPLE_COMPLAINTS.pekanbaru },
  });
  expect(registered.status).toBe(201);
  const id: string = registered.body.id;
  if (step === 'registrasi') return id;
  await apiEvent('pekanbaru.fo-operator', id, { type: 'COMPLETE' });
  await apiEvent('pekanbaru.fo-operator', id, { type: 'CHOOSE', outcome: 'kebijakan' });
  if (step === 'konsultasi-kasi') return id;
  await apiEvent('pekanbaru.kepala-seksi', id, { type: 'CHOOSE', outcome: 'terdapat-keraguan', note: 'Perlu arahan Kepala Bidang' });
  return id;
}

// Each test sets up the case it needs (through the API), so one failure reads as one failure.
describe('the operator console', () => {
  it('the Buleleng operator of the receiving lane finds a new complaint first in the inbox and hands it over', async () => {
    const page = session.page;
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const ticket: string = filed.body.ticket;

    // the inbox needs a login, and comes back after it
    await page.goto(`${session.api.url}/inbox`);
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/inbox');
    await login('buleleng.staf-kerjasama', 'not-the-password');
    expect(await page.getByTestId('login-error').textContent()).toContain('Nama pengguna atau kata sandi salah');
    await shot('login-error');
    // the refusal follows a switch of language
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('login-error').textContent()).toBe('Wrong username or password. Check them and try again.');
    await page.getByTestId('lang-id').click();
    await login('buleleng.staf-kerjasama');
    await page.getByTestId('inbox-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');

    // first in the inbox, with its step, channel, category and the working time left
    const first = page.getByTestId('inbox-row').first();
    await first.waitFor();
    expect(await first.getAttribute('data-ticket')).toBe(ticket);
    // the lane's name once the SOP is read (its id until then)
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-row"]')?.textContent?.includes('Staf Kerjasama'));
    const text = await first.textContent();
    expect(text).toContain('1. Menerima keluhan');
    expect(text).toContain('Staf Kerjasama');
    expect(text).toContain('formulir web');
    expect(text).toContain('Pelayanan');
    expect(await first.getByTestId('inbox-time-left').textContent()).toMatch(/^\d+ m$|^\d+ j( \d+ m)?$/);
    await shot('inbox');

    // the ticket search is kept in the query string; a ticket that is not there leaves an explained empty list
    await page.getByTestId('inbox-ticket').fill(ticket.slice(4, 8).toLowerCase());
    await page.getByTestId('inbox-search').click();
    await page.waitForURL((u) => u.searchParams.get('ticket') === ticket.slice(4, 8).toLowerCase());
    await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).waitFor();
    await page.getByTestId('inbox-ticket').fill('BUL-ZZZZZZ');
    await page.getByTestId('inbox-search').click();
    expect(await page.getByTestId('inbox-empty').textContent()).toContain('Tidak ada pengaduan yang cocok');
    await page.getByTestId('filter-clear').click();
    await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).waitFor();
    expect(new URL(page.url()).search).toBe('');

    // the case page: current step highlighted on the swimlane, deadline, masked identity
    await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"] [data-testid="inbox-open"]`).click();
    expect(await caseState()).toEqual({ step: 'menerima-keluhan', status: 'open', version: 1 });
    expect(await page.getByTestId('case-ticket').textContent()).toBe(ticket);
    // the flowchart is folded below the work: unfold it (the browser remembers it for the next case pages)
    await page.getByTestId('case-diagram-toggle').click();
    await page.locator('[data-testid="step-node"]').first().waitFor();
    const active = await page
      .getByTestId('step-node')
      .evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).getPropertyValue('--sim-state').trim() === 'active').map((e) => e.getAttribute('data-step-id')),
      );
    expect(active).toEqual(['menerima-keluhan']);
    expect(await page.getByTestId('countdown').getAttribute('data-overdue')).toBe('false');
    const name = page.locator('[data-testid="form-field"][data-field="nama-lengkap"]');
    expect(await name.getAttribute('data-masked')).toBe('true');
    expect(await name.textContent()).not.toContain('Ni Made Ayu');
    expect(await page.locator('[data-testid="form-field"][data-field="isi-pengaduan"]').textContent()).toContain('Antrian terlalu lama');
    await page.getByTestId('reveal').click();
    await page.getByTestId('revealed').waitFor();
    expect(await name.textContent()).toContain('Ni Made Ayu');
    expect(await page.getByTestId('kartu-line').count()).toBe(1);
    await shot('case');

    // hand it over to the Kasi, with a note on the kartu kendali
    await page.getByTestId('action-note').fill('Dicatat di logbook pengaduan no. 12');
    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await page.getByTestId('case-moved').waitFor();
    await waitForStep('kasi-mempelajari');
    expect(await page.getByTestId('case-moved').textContent()).toContain('Kasi Kerjasama');
    expect(await page.getByTestId('no-actions').textContent()).toContain('Kasi Kerjasama');
    expect(await page.getByTestId('kartu-line').count()).toBe(2);
    expect(await page.getByTestId('kartu-note').last().textContent()).toBe('Dicatat di logbook pengaduan no. 12');
    expect(await page.getByTestId('action-note').count()).toBe(0);

    // it has left this operator's inbox
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-page').waitFor();
    await page.getByTestId('inbox-empty').waitFor();
  });

  it("the next lane's operator takes it on, and the case is finished; the kartu kendali tells who did what", async () => {
    const page = session.page;
    const { ticket, id: caseId } = await fileBuleleng();
    await apiEvent('buleleng.staf-kerjasama', caseId, { type: 'COMPLETE', note: 'Dicatat di logbook pengaduan no. 12' });
    await openLogin(`/cases/${caseId}`);
    await login('buleleng.kasi-kerjasama');
    expect(await caseState()).toEqual({ step: 'kasi-mempelajari', status: 'open', version: 2 });
    // the Kasi may not see the complainant's identity in Buleleng
    expect(await page.getByTestId('reveal').count()).toBe(0);
    expect(await page.locator('[data-testid="form-field"][data-field="nama-lengkap"]').textContent()).not.toContain('Ni Made Ayu');
    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await waitForStep('bidang-terkait-solusi');

    // steps 3 and 4 through the API; step 5 back with the Staf, who finishes it
    await apiEvent('buleleng.bidang-terkait', caseId, { type: 'COMPLETE', note: 'Solusi ditulis di logbook' });
    await apiEvent('buleleng.kasi-kerjasama', caseId, { type: 'COMPLETE' });
    await page.getByTestId('nav-logout').click();
    await login('buleleng.staf-kerjasama');
    const row = page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('5. Melakukan follow up');
    await row.getByTestId('inbox-open').click();
    expect((await caseState()).step).toBe('follow-up');
    // the last step's action says it ends the complaint
    expect(await page.locator('[data-testid="action"][data-type="COMPLETE"]').textContent()).toBe('Selesaikan pengaduan');
    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await page.locator('[data-testid="case"][data-status="done"]').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('Selesai');
    expect(await page.getByTestId('no-actions').textContent()).toContain('sudah selesai');
    const lines = await page
      .getByTestId('kartu-line')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event')} ${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));
    expect(lines).toEqual([
      'START mulai>menerima-keluhan',
      'COMPLETE menerima-keluhan>kasi-mempelajari',
      'COMPLETE kasi-mempelajari>bidang-terkait-solusi',
      'COMPLETE bidang-terkait-solusi>kasi-memeriksa',
      'COMPLETE kasi-memeriksa>follow-up',
      'COMPLETE follow-up>selesai',
    ]);
    const officers = await page.getByTestId('kartu-officer').allTextContents();
    expect(officers.slice(1)).toEqual([
      'Staf Kerjasama (Kabupaten Buleleng)',
      'Kasi Kerjasama (Kabupaten Buleleng)',
      'Bidang Terkait (Kabupaten Buleleng)',
      'Kasi Kerjasama (Kabupaten Buleleng)',
      'Staf Kerjasama (Kabupaten Buleleng)',
    ]);
    // the whole path is drawn, the end step is the highlighted one (the flowchart unfolded, as this browser left it)
    if (!(await page.getByTestId('case-diagram-fold').evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByTestId('case-diagram-toggle').click();
    await page.locator('[data-testid="step-node"]').first().waitFor();
    const marks = await page
      .getByTestId('step-node')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step-id'), getComputedStyle(e).getPropertyValue('--sim-state').trim()]));
    expect(marks.filter(([, s]) => s === 'active').map(([id]) => id)).toEqual(['selesai']);
    expect(marks.filter(([, s]) => s === 'visited').length).toBe(6);
    const pathEdges = () =>
      page
        .locator('.console-diagram .react-flow__edge path.react-flow__edge-path')
        .evaluateAll((els) => els.filter((e) => getComputedStyle(e).stroke === 'rgb(47, 133, 90)').length);
    await page.waitForFunction(() => document.querySelectorAll('.console-diagram .react-flow__edge').length > 0);
    expect(await pathEdges()).toBe(6);
    await shot('case-done');

    // the finished case is listed under "Selesai"
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('filter-status').selectOption('done');
    await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('done');
  });

  it('an operator of another regency does not see it in the inbox and gets a clear message on its address', async () => {
    const page = session.page;
    const { ticket, id: caseId } = await fileBuleleng();
    await openLogin();
    await login('metro.petugas');
    await page.getByTestId('inbox-page').waitFor();
    await page.getByTestId('inbox-ticket').fill(ticket);
    await page.getByTestId('inbox-search').click();
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('filter-status').selectOption('done');
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).count()).toBe(0);

    await page.goto(`${session.api.url}/cases/${caseId}`);
    const error = page.getByTestId('case-error');
    await error.waitFor();
    expect(await error.getAttribute('data-status')).toBe('403');
    expect(await error.textContent()).toContain('bukan milik kabupaten/kota Anda');
    expect(await page.getByTestId('form-data').count()).toBe(0);
    await shot('case-other-regency');
  });

  it('registers a Pekanbaru complaint received by phone: a bad NIK is caught as it is typed, a good one goes through', async () => {
    const page = session.page;
    await openLogin('/cases/new');
    await login('pekanbaru.fo-operator');
    await page.getByTestId('register-form').waitFor();
    expect(await page.getByTestId('channel').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')))).toEqual(['call-centre', 'telepon']);

    // nothing chosen or filled: every required field says so
    await page.getByTestId('register-submit').click();
    await page.getByTestId('error-channel').waitFor();
    expect(await page.getByTestId('error-nama').textContent()).toContain('wajib diisi');

    await page.locator('[data-testid="channel"][data-channel="telepon"]').check();
    await page.getByTestId('input-nama').fill('Rudi Hartono');
    await page.getByTestId('input-nomor-telpon').fill('0813-7654-3210');
    expect(await page.getByTestId('ok-nomor-telpon').textContent()).toContain('+6281376543210');
    // "nomor telpon" takes a landline with its area code too, and says how it is kept
    await page.getByTestId('input-nomor-telpon').fill('(0761) 21234');
    expect(await page.getByTestId('ok-nomor-telpon').textContent()).toContain('+6276121234');
    // neither a mobile number nor a landline is refused while typing
    await page.getByTestId('input-nomor-telpon').fill('12');
    expect(await page.getByTestId('error-nomor-telpon').textContent()).toContain('nomor HP (0812 3456 7890) atau nomor telepon dengan kode wilayah');
    await page.getByTestId('input-nomor-telpon').fill('0813-7654-3210');
    // month 13 in the NIK's date of birth
    await page.getByTestId('input-nik-no-kk').fill('1471011399850001');
    const nikError = await page.getByTestId('error-nik-no-kk').textContent();
    expect(nikError).toMatch(/bulan|tanggal/i);
    await page.getByTestId('input-jenis-pelayanan').selectOption('kebijakan pelayanan');
    await shot('register-bad-nik');
    await page.getByTestId('register-submit').click();
    expect(await page.getByTestId('register-error').textContent()).toContain('Periksa isian');
    expect(new URL(page.url()).pathname).toBe('/cases/new');

    await page.getByTestId('input-nik-no-kk').fill('1471 0161 0785 0001');
    await page.getByTestId('ok-nik-no-kk').waitFor();
    expect(await page.getByTestId('error-nik-no-kk').count()).toBe(0);
    await shot('register');
    await page.getByTestId('register-submit').click();
    const state = await caseState();
    expect(state.step).toBe('registrasi');
    expect(await page.getByTestId('case-ticket').textContent()).toMatch(/^PEK-/);
    // the intake lane sees what it registered (after revealing), stored in its normal form
    await page.getByTestId('reveal').click();
    await page.getByTestId('revealed').waitFor();
    expect(await page.locator('[data-testid="form-field"][data-field="nomor-telpon"]').textContent()).toContain('+6281376543210');
    expect(await page.locator('[data-testid="form-field"][data-field="nik-no-kk"]').textContent()).toContain('1471016107850001');
    expect(await page.getByTestId('kartu-line').first().textContent()).toContain('FO/Operator (Kota Pekanbaru)');
  });

  it('explains a stale action (someone acted first) with who moved it and where, and keeps the note', async () => {
    const page = session.page;
    const pekanbaruId = await pekanbaruAt('registrasi');
    // the race the server settles: the other officer's move has not reached this page through the live stream yet
    await page.route('**/api/cases/stream', (route) => route.abort());
    await openLogin(`/cases/${pekanbaruId}`);
    await login('pekanbaru.fo-operator');
    await page.getByTestId('actions').waitFor();
    const seen = (await caseState()).version;
    await page.getByTestId('action-note').fill('Penelepon menanyakan kebijakan pelayanan KTP-el');

    // meanwhile, the registration step is completed elsewhere (another tab, another operator of the lane)
    await apiEvent('pekanbaru.fo-operator', pekanbaruId, { type: 'COMPLETE' });

    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    const stale = page.getByTestId('case-stale');
    await stale.waitFor();
    const text = (await stale.textContent())!;
    expect(text).toContain('sudah ditindaklanjuti orang lain');
    expect(text).toContain('FO/Operator (Kota Pekanbaru)');
    expect(text).toContain('apabila permohonan yang masuk');
    expect(text).toContain('catatan Anda masih ada');
    // reloaded at the new step, a decision now, the note still there
    await waitForStep('jawab-informasi');
    expect((await caseState()).version).toBeGreaterThan(seen);
    expect(await page.getByTestId('action-note').inputValue()).toBe('Penelepon menanyakan kebijakan pelayanan KTP-el');
    expect(await page.getByTestId('decide').isDisabled()).toBe(true);
    await shot('case-stale');
    // the explanation follows a switch of language
    await page.getByTestId('lang-en').click();
    expect(await stale.textContent()).toContain('your note is still here');
    await page.getByTestId('lang-id').click();

    // the decision asks for its outcome; the note goes with it
    await page.locator('[data-testid="outcome"][data-outcome="kebijakan"]').check();
    // the outcome's label is the category option's words ("kebijakan pelayanan"), as in pekanbaru.yaml
    const decide = (await page.getByTestId('decide').textContent())!;
    expect(decide).toContain('kebijakan pelayanan');
    expect(decide).not.toContain('bersifat');
    await page.getByTestId('decide').click();
    await waitForStep('konsultasi-kasi');
    expect(await page.getByTestId('case-moved').textContent()).toContain('Kepala Seksi');
    expect(await page.getByTestId('kartu-note').last().textContent()).toBe('Penelepon menanyakan kebijakan pelayanan KTP-el');
  });

  it('keeps the case and the note on screen when the server cannot be reached, and says the action may not be recorded', async () => {
    const page = session.page;
    const pekanbaruId = await pekanbaruAt('registrasi');
    await openLogin(`/cases/${pekanbaruId}`);
    await login('pekanbaru.fo-operator');
    await page.getByTestId('actions').waitFor();
    await page.getByTestId('action-note').fill('Dicatat saat sambungan putus');
    // the connection drops: neither the action nor the case's reading reaches the server
    const api = /\/api\/cases\/[^/]+(\/events)?$/;
    await page.route(api, (route) => route.abort('connectionreset'));
    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    const outcome = page.getByTestId('case-refused');
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(
      'Tindakan belum pasti tercatat: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi. Catatan dan balasan Anda masih ada; setelah sambungan pulih, muat ulang pengaduan untuk melihat apakah tindakan itu tercatat, lalu kirim lagi bila belum.',
    );
    expect(await page.getByTestId('case-reload-failed').textContent()).toContain('Pengaduan ini belum dapat dimuat ulang');
    expect(await page.getByTestId('action-note').inputValue()).toBe('Dicatat saat sambungan putus');
    await page.getByTestId('lang-en').click();
    expect(await outcome.textContent()).toMatch(/^The action may not have been recorded: The server could not be reached/);
    await page.getByTestId('lang-id').click();
    // the connection is back: reloading reads the case, the note is still there to send
    await page.unroute(api);
    await page.getByTestId('case-reload-failed').getByRole('button').click();
    await page.getByTestId('case-reload-failed').waitFor({ state: 'detached' });
    expect(await page.getByTestId('action-note').inputValue()).toBe('Dicatat saat sambungan putus');
  });

  it('an escalation asks for a reason in the note before it is sent', async () => {
    const page = session.page;
    const pekanbaruId = await pekanbaruAt('konsultasi-kasi');
    await openLogin(`/cases/${pekanbaruId}`);
    await login('pekanbaru.kepala-seksi');
    await waitForStep('konsultasi-kasi');
    await page.locator('[data-testid="outcome"][data-outcome="terdapat-keraguan"]').check();
    await page.getByTestId('decide').click();
    await page.getByTestId('note-required').waitFor();
    expect((await caseState()).step).toBe('konsultasi-kasi');
    await page.getByTestId('action-note').fill('Perlu arahan Kepala Bidang');
    await page.getByTestId('decide').click();
    await waitForStep('konsultasi-kabid');
  });

  it("the reply typed for the complainant shows on the citizen's ticket page; the internal note never does", async () => {
    const page = session.page;
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const replyTicket: string = filed.body.ticket;
    const found = await client.request('GET', `/api/cases?ticket=${replyTicket}`, { as: 'buleleng.staf-kerjasama' });
    const id: string = found.body.items[0].id;
    // an earlier reply, at receipt; then the case goes round to the Staf's follow-up, its last step
    await apiEvent('buleleng.staf-kerjasama', id, { type: 'COMPLETE', reply: 'Pengaduan Anda kami terima dan sedang dipelajari.' });
    await apiEvent('buleleng.kasi-kerjasama', id, { type: 'COMPLETE' });
    await apiEvent('buleleng.bidang-terkait', id, { type: 'COMPLETE', note: 'Solusi: loket antrian dipisah per layanan' });
    await apiEvent('buleleng.kasi-kerjasama', id, { type: 'COMPLETE' });

    await openLogin(`/cases/${id}`);
    await login('buleleng.staf-kerjasama');
    await waitForStep('follow-up');
    // two boxes: the internal note, and the reply, which says it goes to the ticket page and that this step finishes the case
    const box = page.getByTestId('reply-box');
    expect(await box.getAttribute('data-finishing')).toBe('true');
    expect(await box.textContent()).toContain('Balasan untuk pelapor (tampil di halaman tiket)');
    expect(await box.textContent()).toContain('menyelesaikan pengaduan');
    const note = 'Internal: pelapor ditelepon, minta dipercepat; cek CCTV loket';
    const reply = 'Mulai minggu depan antrian dibagi per layanan di loket 1–4. Kami juga sudah menghubungi Anda di 0812-3456-7890.';
    await page.getByTestId('action-note').fill(note);
    await page.getByTestId('action-reply').fill(reply);
    expect(await page.getByTestId('reply-hint').textContent()).toContain(`${reply.length} / 2000 karakter`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('actions').screenshot({ path: join(SCREENSHOTS, 'console-reply.png') });
    await page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await page.locator('[data-testid="case"][data-status="done"]').waitFor();
    // both on the kartu kendali, each on its own line
    expect(await page.getByTestId('kartu-note').last().textContent()).toBe(note);
    expect(await page.getByTestId('kartu-reply').allTextContents()).toEqual(['Pengaduan Anda kami terima dan sedang dipelajari.', reply]);
    await page.getByTestId('kartu-reply').last().scrollIntoViewIfNeeded();
    await page.getByTestId('kartu').screenshot({ path: join(SCREENSHOTS, 'console-kartu-reply.png') });

    // the citizen, on a phone
    const phone = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 390, height: 844 } });
    try {
      const citizen = await phone.newPage();
      const errors: string[] = [];
      citizen.on('pageerror', (e) => errors.push(e.message));
      await citizen.goto(`${session.api.url}/tiket/${replyTicket}`);
      await citizen.getByTestId('ticket-reply').waitFor();
      expect(await citizen.getByTestId('ticket-reply').textContent()).toContain('Balasan dari Disdukcapil');
      // the complainant's phone number written into the reply is struck out
      const shown = reply.replace('0812-3456-7890', '[identitas disamarkan]');
      expect(await citizen.getByTestId('ticket-reply-text').textContent()).toBe(shown);
      expect(await citizen.getByTestId('timeline-reply').allTextContents()).toEqual([
        'BalasanPengaduan Anda kami terima dan sedang dipelajari.',
        `Balasan${shown}`,
      ]);
      const everything = `${await citizen.evaluate(() => document.body.innerText)}\n${await citizen.content()}`;
      for (const hidden of [note, 'ditelepon', 'Solusi: loket antrian', '0812-3456-7890', 'Staf Kerjasama (Kabupaten Buleleng)'])
        expect(everything).not.toContain(hidden);
      expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await citizen.screenshot({ path: join(SCREENSHOTS, 'public-ticket-reply.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('fits a 390 px phone: the inbox as cards', async () => {
    const page = session.page;
    await pekanbaruAt('konsultasi-kabid');
    await page.setViewportSize({ width: 390, height: 844 });
    await openLogin();
    await login('pekanbaru.kepala-bidang');
    const row = page.getByTestId('inbox-row').first();
    await row.waitFor();
    const box = (await row.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('inbox-phone');
  });
});
