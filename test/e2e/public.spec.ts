import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { approveVersion, browserSession, SCREENSHOTS } from './browser';
import { seedText } from '../../libs/sop-model/src/__fixtures__/seeds';

// The citizens' pages, on a phone.
const PHONE = { width: 390, height: 844 };
const session = browserSession({ viewport: PHONE });

const page = () => session.page;
const input = (fieldId: string) => page().locator(`[data-testid="field-input"][data-field-id="${fieldId}"]`);
const fieldError = (fieldId: string) => page().locator(`[data-testid="field-error"][data-field-id="${fieldId}"]`);
const options = (fieldId: string) => page().locator(`[data-testid="field-option"][data-field-id="${fieldId}"]`);
const option = (fieldId: string, label: string) => page().locator(`[data-testid="field"][data-field-id="${fieldId}"] label.pub-option`, { hasText: label });

async function openForm(id: string): Promise<void> {
  await page().goto(`${session.api.url}/lapor/${id}`);
  await page().getByTestId('file-form').waitFor();
}

/** The field ids of the form, in order, with their labels as the page shows them. */
async function formFields(): Promise<string[]> {
  return page()
    .getByTestId('field')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-field-id')}: ${e.querySelector('.pub-label-text')?.textContent}`));
}

/** Text and markup of the page: what a citizen (or anyone looking over their shoulder) could read. */
async function everythingOnThePage(): Promise<string> {
  const text = await page().evaluate(() => document.body.innerText);
  return `${text}\n${await page().content()}`;
}

/** A full-page screenshot from the top (a sticky header would otherwise be drawn where the page was scrolled to). */
async function shoot(name: string, fullPage = true): Promise<void> {
  if (fullPage) await page().evaluate(() => window.scrollTo(0, 0));
  await page().screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function expectNoSidewaysScroll(): Promise<void> {
  const { scroll, client } = await page().evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function sendAndReadTicket(prefix: string): Promise<string> {
  await page().getByTestId('file-submit').click();
  await page().getByTestId('file-success').waitFor();
  const ticket = (await page().getByTestId('ticket-number').textContent())!.trim();
  expect(ticket).toMatch(new RegExp(`^${prefix}-[0-9A-HJKMNP-TV-Z]{6}$`));
  return ticket;
}

async function followTicket(ticket: string): Promise<void> {
  await page().getByTestId('ticket-link').click();
  await page().getByTestId('ticket-status').waitFor();
  expect(new URL(page().url()).pathname).toBe(`/tiket/${ticket}`);
}

const timeline = () =>
  page()
    .getByTestId('timeline-entry')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event')}: ${e.querySelector('.pub-timeline-event')?.textContent}`));

describe('the public complaint pages on a phone', () => {
  it('a citizen files on /lapor/buleleng and follows the ticket', async () => {
    await openForm('buleleng');
    // Buleleng's own form FM-PDIP-03-01: its fields and labels as written, its notice, its categories
    expect(await page().getByTestId('form-title').textContent()).toBe('FORMULIR PENGADUAN / SARAN');
    expect(await page().getByTestId('form-document').textContent()).toContain('FM-PDIP-03-01');
    expect(await formFields()).toEqual([
      'nama-lengkap: Nama Lengkap',
      'alamat: Alamat',
      'alamat-email: Alamat email',
      'no-hp: No. Hp',
      'sasaran-pengaduan: Sasaran Pengaduan',
      'isi-pengaduan: ISI PENGADUAN / SARAN',
    ]);
    const notice = page().getByTestId('confidentiality-notice-text');
    expect(await notice.textContent()).toBe('Identitas pelapor dijaga kerahasiannya');
    expect(await notice.isVisible()).toBe(true);
    // the notice comes before the fields
    const noticeBox = (await page().getByTestId('confidentiality-notice').boundingBox())!;
    const firstField = (await input('nama-lengkap').boundingBox())!;
    expect(noticeBox.y).toBeLessThan(firstField.y);
    expect(await page().locator('[data-testid="field"][data-field-id="sasaran-pengaduan"] label.pub-option').allTextContents()).toEqual([
      'Perilaku Pegawai',
      'Sarana Prasarana',
      'Pelayanan',
      'Lain - Lain',
    ]);
    expect(await page().locator('[data-testid="field"][data-field-id="no-hp"] [data-testid="confidential-tag"]').count()).toBe(1);
    expect(await page().locator('[data-testid="field"][data-field-id="isi-pengaduan"] [data-testid="confidential-tag"]').count()).toBe(0);
    // the phone keyboard and autofill
    expect(await input('no-hp').evaluate((e) => [e.getAttribute('type'), e.getAttribute('inputmode'), e.getAttribute('autocomplete')])).toEqual([
      'tel',
      'tel',
      'tel',
    ]);
    expect(await input('alamat-email').evaluate((e) => [e.getAttribute('type'), e.getAttribute('autocomplete')])).toEqual(['email', 'email']);
    expect(await input('nama-lengkap').getAttribute('autocomplete')).toBe('name');
    // tap targets: inputs and options at least 44px high
    for (const box of [
      await input('no-hp').boundingBox(),
      await option('sasaran-pengaduan', 'Pelayanan').boundingBox(),
      await page().getByTestId('file-submit').boundingBox(),
    ]) {
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await expectNoSidewaysScroll();
    await shoot('public-file-buleleng');

    // a landline: no error while typing the first time, the error once the field is left
    await input('no-hp').fill('(0362) 25887');
    expect(await fieldError('no-hp').isVisible()).toBe(false);
    await input('no-hp').press('Tab');
    await fieldError('no-hp').waitFor();
    expect(await fieldError('no-hp').textContent()).toContain('Hanya nomor HP yang diterima');
    expect(await input('no-hp').getAttribute('aria-invalid')).toBe('true');
    await shoot('public-file-error', false);
    // from then on the check is live: a good number clears it without leaving the field
    await input('no-hp').fill('0812 345');
    expect(await fieldError('no-hp').textContent()).toContain('10 sampai 13 digit');
    await input('no-hp').fill('0812 3456 7890');
    expect(await fieldError('no-hp').isVisible()).toBe(false);

    await input('nama-lengkap').fill('Ni Made Ayu Lestari');
    await input('alamat').fill('Jl. Gajah Mada 10, Singaraja');
    await input('isi-pengaduan').fill('Sudah dua minggu KTP-el saya belum jadi, padahal dijanjikan satu minggu.');
    // sending without a category: nothing is sent, the category says why
    const posts: string[] = [];
    page().on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/public/complaints')) posts.push(r.url());
    });
    await page().getByTestId('file-submit').click();
    await fieldError('sasaran-pengaduan').waitFor();
    expect(await fieldError('sasaran-pengaduan').textContent()).toBe('"Sasaran Pengaduan" wajib diisi.');
    expect(await page().getByTestId('form-summary').textContent()).toContain('1 isian');
    expect(posts).toEqual([]);
    await option('sasaran-pengaduan', 'Pelayanan').click();
    expect(await fieldError('sasaran-pengaduan').isVisible()).toBe(false);

    // one complaint however often the form is submitted; the button is disabled while it is sent
    await page().route('**/api/public/complaints', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page().evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('[data-testid="file-form"]')!;
      form.requestSubmit();
      form.requestSubmit();
    });
    expect(await page().getByTestId('file-submit').isDisabled()).toBe(true);
    await page().getByTestId('file-success').waitFor();
    expect(posts).toHaveLength(1);
    await page().unroute('**/api/public/complaints');

    // the ticket, big; kept on the device; copied
    const ticket = (await page().getByTestId('ticket-number').textContent())!.trim();
    expect(ticket).toMatch(/^BUL-[0-9A-HJKMNP-TV-Z]{6}$/);
    const fontSize = await page()
      .getByTestId('ticket-number')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    expect(JSON.parse((await page().evaluate(() => localStorage.getItem('sop.public.tickets')))!)[0]).toMatchObject({
      ticket,
      sop: 'buleleng',
      regency: 'Kabupaten Buleleng',
    });
    await page().context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.api.url });
    await page().getByTestId('ticket-copy').click();
    // the clipboard answers asynchronously: wait for the page to say it copied
    await page().locator('[data-testid="ticket-copy-status"]', { hasText: 'Tersalin' }).waitFor();
    expect(await page().getByTestId('ticket-copy-status').textContent()).toBe('Tersalin');
    expect(await page().evaluate(() => navigator.clipboard.readText())).toBe(ticket);
    await expectNoSidewaysScroll();
    await shoot('public-filed');

    // the ticket page: status in plain words, the stage as the SOP names it, the timeline
    await followTicket(ticket);
    expect(await page().getByTestId('ticket-status').getAttribute('data-status')).toBe('open');
    expect(await page().getByTestId('ticket-status-text').textContent()).toBe('Sedang diproses');
    expect(await page().getByTestId('ticket-current-step').textContent()).toContain('Langkah 1');
    expect(await page().getByTestId('ticket-current-step').textContent()).toContain('Menerima keluhan / pengaduan masyarakat');
    expect(await page().getByTestId('ticket-lane').textContent()).toBe('Staf Kerjasama');
    expect(await timeline()).toEqual(['START: Pengaduan diterima']);
    expect(await page().getByTestId('ticket-sop-title').textContent()).toBe('PENANGANAN KELUHAN MASYARAKAT TIDAK LANGSUNG');
    expect(await page().getByTestId('ticket-office').textContent()).toContain('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL, Kabupaten Buleleng');
    // times in the office's zone
    expect(await page().getByTestId('ticket-status').textContent()).toContain('WITA');

    // an officer passes it on; the citizen reloads and sees the new stage, and no officer's name
    const api = new ApiClient(session.api.url);
    const inbox = await api.request('GET', '/api/cases?sop=buleleng', { as: 'buleleng.staf-kerjasama' });
    const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
    const moved = await api.request('POST', `/api/cases/${item.id}/events`, {
      as: 'buleleng.staf-kerjasama',
      body: { type: 'COMPLETE', version: item.version },
      headers: { 'Idempotency-Key': `public-${ticket}` },
    });
    expect(moved.status).toBe(200);
    await page().getByTestId('ticket-reload').click();
    await page().locator('[data-testid="timeline-entry"]').nth(1).waitFor();
    expect(await timeline()).toEqual(['START: Pengaduan diterima', 'COMPLETE: Diteruskan ke tahap berikutnya']);
    expect(await page().getByTestId('ticket-lane').textContent()).toBe('Kasi Kerjasama');
    expect(await page().getByTestId('ticket-current-step').textContent()).toContain('Langkah 2');

    // nothing the citizen typed about themselves, in any form the API stores it, nor the officer's name
    const shown = await everythingOnThePage();
    for (const personal of [
      'Ni Made Ayu Lestari',
      'Lestari',
      'Gajah Mada',
      '0812 3456 7890',
      '081234567890',
      '+6281234567890',
      '81234567890',
      'Staf Kerjasama (Kabupaten Buleleng)',
    ]) {
      expect([personal, shown.includes(personal)]).toEqual([personal, false]);
    }
    await expectNoSidewaysScroll();
    await shoot('public-ticket');

    // back on the form, the device remembers the ticket
    await openForm('buleleng');
    expect(await page().getByTestId('recent-tickets').textContent()).toContain(ticket);
  });

  it('an unknown ticket says it is not found, and the lookup box finds a ticket typed loosely', async () => {
    await page().goto(`${session.api.url}/tiket/BUL-000000`);
    await page().getByTestId('ticket-not-found').waitFor();
    expect(await page().getByTestId('ticket-not-found').textContent()).toContain('Tiket BUL-000000 tidak ditemukan');
    expect(await page().getByTestId('ticket-status').count()).toBe(0);
    await expectNoSidewaysScroll();
    await shoot('public-ticket-not-found');

    await page().goto(`${session.api.url}/tiket/XYZ`);
    await page().getByTestId('ticket-not-found').waitFor();
    expect(await page().getByTestId('ticket-not-found').textContent()).toContain('"XYZ" bukan nomor tiket');

    // the lookup box: empty is refused with a word, a ticket in lower case with a space is found
    await page().getByTestId('ticket-lookup-submit').click();
    expect(await page().getByTestId('ticket-lookup').textContent()).toContain('Tulis nomor tiket Anda');
    const filed = await new ApiClient(session.api.url).request('POST', '/api/public/complaints', {
      body: { sop: 'metro', data: { nama: 'Siti Rahayu', isi: 'KTP-el belum jadi' } },
    });
    expect(filed.status).toBe(201);
    const ticket: string = filed.body.ticket;
    await page()
      .getByTestId('ticket-lookup-input')
      .fill(`${ticket.slice(0, 3).toLowerCase()} ${ticket.slice(4).toLowerCase()}`);
    await page().getByTestId('ticket-lookup-submit').click();
    await page().getByTestId('ticket-status').waitFor();
    expect(new URL(page().url()).pathname).toBe(`/tiket/${ticket}`);
    expect(await page().getByTestId('ticket-sop-title').textContent()).toBe('Pelayanan Pengaduan Dinas Dukcapil');
    expect(await page().getByTestId('ticket-status').textContent()).toContain('WIB');
  });

  it("Pekanbaru's form is its own: the NIK/No KK is checked as it is typed, and never shown on the ticket page", async () => {
    await openForm('pekanbaru');
    expect(await page().getByTestId('form-title').textContent()).toBe('registrasi pengaduan masyarakat');
    expect(await formFields()).toEqual([
      'nama: nama',
      'nomor-telpon: nomor telpon',
      'nik-no-kk: NIK/NO KK',
      'jenis-pelayanan: jenis pelayanan informasi dan pengaduan',
      'uraian-pengaduan: uraian pengaduan',
    ]);
    // no notice printed on this form: the platform's own words, not Buleleng's
    expect(await page().getByTestId('confidentiality-notice-text').count()).toBe(0);
    expect(await page().getByTestId('confidentiality-notice').textContent()).toContain('hanya dapat dilihat oleh petugas');
    expect(await options('jenis-pelayanan').count()).toBe(5);
    expect(await input('nik-no-kk').evaluate((e) => [e.getAttribute('inputmode'), e.getAttribute('autocomplete')])).toEqual(['numeric', 'off']);

    // a NIK with month 13: refused after the field is left, live from then on
    await input('nik-no-kk').fill('1471012113850001');
    await input('nik-no-kk').blur();
    await fieldError('nik-no-kk').waitFor();
    expect(await fieldError('nik-no-kk').textContent()).toContain('Digit ke-7 sampai ke-12 NIK atau nomor KK adalah tanggal');
    // the same error in English when the citizen switches language; the SOP's labels stay as written
    await page().getByTestId('lang-en').click();
    expect(await fieldError('nik-no-kk').textContent()).toContain('Digits 7–12 of a NIK or KK number are a date');
    expect(await formFields()).toContain('nik-no-kk: NIK/NO KK');
    expect(await page().getByTestId('file-submit').textContent()).toBe('Send complaint');
    await shoot('public-file-pekanbaru-en');
    await page().getByTestId('lang-id').click();
    await input('nik-no-kk').fill('1471 0161 0785 0001');
    expect(await fieldError('nik-no-kk').isVisible()).toBe(false);

    await input('nama').fill('Rudi Hartono');
    await input('nomor-telpon').fill('+62 813 7654 3210');
    await option('jenis-pelayanan', 'kebijakan pelayanan').click();
    await expectNoSidewaysScroll();
    const ticket = await sendAndReadTicket('PEK');
    await followTicket(ticket);
    expect(await page().getByTestId('ticket-lane').textContent()).toBe('FO/Operator');
    const shown = await everythingOnThePage();
    for (const personal of ['1471016107850001', '1471 0161 0785 0001', 'Rudi Hartono', 'Hartono', '+6281376543210', '0813 7654 3210', '813 7654 3210']) {
      expect([personal, shown.includes(personal)]).toEqual([personal, false]);
    }
  });

  it("Metro, whose SOP prints no form, gets the platform's default form", async () => {
    await openForm('metro');
    expect(await page().getByTestId('default-form-note').isVisible()).toBe(true);
    expect(await formFields()).toEqual(['nama: Nama', 'telepon: Nomor HP', 'email: Email', 'isi: Isi pengaduan']);
    expect(await page().getByTestId('form-document').count()).toBe(0);
    // the e-mail is checked like the API does
    await input('email').fill('siti@gmail');
    await input('email').blur();
    await fieldError('email').waitFor();
    await input('email').fill('');
    expect(await fieldError('email').isVisible()).toBe(false);
    await input('nama').fill('Siti Rahayu');
    await input('isi').fill('KTP-el saya belum jadi setelah tiga bulan');
    await expectNoSidewaysScroll();
    await shoot('public-file-metro');
    await sendAndReadTicket('MET');
  });

  it('an SOP that does not exist says so instead of showing an empty form', async () => {
    await page().goto(`${session.api.url}/lapor/atlantis`);
    await page().getByRole('alert').waitFor();
    expect(await page().getByRole('alert').textContent()).toContain('Tidak ada formulir pengaduan untuk "atlantis"');
    expect(await page().getByTestId('file-form').count()).toBe(0);
  });

  it('a finished complaint reads "Selesai", with every hand-over in its history', async () => {
    const api = new ApiClient(session.api.url);
    const filed = await api.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const ticket: string = filed.body.ticket;
    const inbox = await api.request('GET', '/api/cases?sop=buleleng', { as: 'buleleng.staf-kerjasama' });
    let { id, version } = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
    // Buleleng's five steps, each by its lane
    for (const [n, user] of [
      'buleleng.staf-kerjasama',
      'buleleng.kasi-kerjasama',
      'buleleng.bidang-terkait',
      'buleleng.kasi-kerjasama',
      'buleleng.staf-kerjasama',
    ].entries()) {
      const moved = await api.request('POST', `/api/cases/${id}/events`, {
        as: user,
        body: { type: 'COMPLETE', version },
        headers: { 'Idempotency-Key': `done-${ticket}-${n}` },
      });
      expect([n, moved.status]).toEqual([n, 200]);
      version = moved.body.version;
    }
    await page().goto(`${session.api.url}/tiket/${ticket}`);
    await page().getByTestId('ticket-status').waitFor();
    expect(await page().getByTestId('ticket-status').getAttribute('data-status')).toBe('done');
    expect(await page().getByTestId('ticket-status-text').textContent()).toBe('Selesai');
    expect(await page().getByTestId('ticket-status').textContent()).toContain('Selesai pada');
    expect(await page().getByTestId('ticket-current-step').count()).toBe(0);
    expect(await timeline()).toEqual([
      'START: Pengaduan diterima',
      ...Array(4).fill('COMPLETE: Diteruskan ke tahap berikutnya'),
      'COMPLETE: Penanganan selesai',
    ]);
    expect(await page().locator('[data-testid="timeline-entry"]').last().textContent()).toContain('ke Selesai');
    const shown = await everythingOnThePage();
    for (const value of Object.values(SAMPLE_COMPLAINTS.buleleng).filter((v) => v !== 'Pelayanan'))
      expect([value, shown.includes(value)]).toEqual([value, false]);
    await expectNoSidewaysScroll();
    await shoot('public-ticket-done');
  });

  it("shows the API's refusal beside the field when the office changed its form while the citizen was filling it", async () => {
    await openForm('buleleng');
    await input('nama-lengkap').fill('Ni Made Ayu');
    await option('sasaran-pengaduan', 'Sarana Prasarana').click();
    await input('isi-pengaduan').fill('Kursi ruang tunggu rusak');
    // meanwhile Buleleng publishes a version in which the address is required
    const yaml = seedText('buleleng');
    const stricter = yaml.replace(/(- id: alamat\n\s+label: Alamat\n\s+type: text\n\s+required: )false/, '$1true');
    expect(stricter).not.toBe(yaml);
    const published = await new ApiClient(session.api.url).request('POST', '/api/sops/buleleng/versions', {
      as: 'buleleng.penyusun',
      body: { yaml: stricter, changeNote: 'alamat wajib' },
    });
    expect(published.status).toBe(201);
    await approveVersion(session.api.url, 'buleleng', published.body.version);

    await page().getByTestId('file-submit').click();
    await fieldError('alamat').waitFor();
    // in the page's language: the API words its form errors in Bahasa Indonesia too
    expect(await fieldError('alamat').textContent()).toContain('"Alamat" wajib diisi');
    expect(await page().getByTestId('file-success').count()).toBe(0);
    expect(await page().getByTestId('file-submit').isDisabled()).toBe(false);
    // what was typed is kept; filling the address clears the error and the complaint goes through
    expect(await input('isi-pengaduan').inputValue()).toBe('Kursi ruang tunggu rusak');
    await input('alamat').fill('Jl. Ngurah Rai 5, Singaraja');
    expect(await fieldError('alamat').isVisible()).toBe(false);
    await sendAndReadTicket('BUL');
  });
});
