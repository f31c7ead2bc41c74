import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

/**
 * One Buleleng complaint all the way through the browser, as the people involved would do it: a
 * citizen files it on a phone and follows the ticket; the office's lanes log in one after the other on
 * the same workstation and carry it to its end; the citizen sees it finished; an operator of Kota Metro
 * cannot see it; the Buleleng report counts it. Each person has their own browser context. The stages
 * share the case, so they are one test, and a failure names its stage (one failure reads as one
 * failure, not as the stages after it failing too); the reviewer's comparison needs no complaint and
 * is a test of its own.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 1000 };
const session = browserSession({ viewport: DESKTOP });

/** What the citizen types about themselves: none of it may reach the ticket page or the report. */
const CITIZEN = {
  name: 'Ni Luh Putu Wahyuni',
  address: 'Jl. Pramuka 21, Singaraja',
  email: 'wahyuni.putu@example.id',
  phone: '0813 3845 2761',
  nik: '5108016203880002',
};
const PERSONAL = [
  CITIZEN.name,
  'Wahyuni',
  CITIZEN.address,
  'Pramuka',
  CITIZEN.email,
  'wahyuni.putu',
  CITIZEN.phone,
  '081338452761',
  '+6281338452761',
  '81338452761',
  CITIZEN.nik,
  '5108 0162 0388 0002',
];
const COMPLAINT = `KTP-el saya (NIK ${CITIZEN.nik}) belum jadi sejak tiga minggu, padahal dijanjikan satu minggu.`;

/** The notes the officers write when they hand it on; the logbook carries them. */
const NOTES = {
  intake: 'Dicatat di logbook pengaduan',
  kasi: 'Diteruskan ke Bidang Pelayanan Pendaftaran Penduduk',
  bidang: 'Blangko KTP-el tersedia; dicetak hari ini',
  check: 'Solusi sesuai, staf membalas pengadu',
  reply: 'Dibalas melalui website: KTP-el dapat diambil di loket 3',
};

interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}
const people: Person[] = [];

/** A new person: their own browser context (cookies, storage), viewport and time zone. */
async function person(options: { viewport: { width: number; height: number }; timeZone: string; phone?: boolean }): Promise<Person> {
  const browser: Browser = session.page.context().browser()!;
  const context = await browser.newContext({
    viewport: options.viewport,
    timezoneId: options.timeZone,
    locale: 'id-ID',
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const p = { context, page, errors };
  people.push(p);
  return p;
}

afterEach(() => {
  // no page of anyone threw during the test
  expect(people.flatMap((p) => p.errors)).toEqual([]);
});

/** Runs one stage of the journey: a failure says which stage, and no page of anyone may throw during it. */
async function stage(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    expect(people.flatMap((p) => p.errors)).toEqual([]);
  } catch (e) {
    if (e instanceof Error) {
      const message = `stage "${name}": ${e.message}`;
      e.stack = e.stack?.replace(e.message, message);
      e.message = message;
    }
    throw e;
  }
}

async function shot(page: Page, name: string): Promise<void> {
  // from the top: a sticky header would otherwise be drawn where the page was scrolled to
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `journey-${name}.png`), fullPage: true });
}

/** Everything on the page a user, or anyone looking over their shoulder, could read (text and markup). */
async function everythingOn(page: Page): Promise<string> {
  return `${await page.evaluate(() => document.body.innerText)}\n${await page.content()}`;
}

async function expectNoPersonalData(page: Page): Promise<void> {
  const shown = await everythingOn(page);
  for (const personal of PERSONAL) expect([personal, shown.includes(personal)]).toEqual([personal, false]);
}

async function login(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Logs out through the header and the next officer logs in on the same workstation; lands on the inbox. */
async function changeUser(page: Page, username: string): Promise<void> {
  await page.getByTestId('nav-logout').click();
  await login(page, username);
  await page.getByTestId('inbox-page').waitFor();
  expect(await page.getByTestId('session-user').getAttribute('title')).toContain(`(${username})`);
}

const timeline = (page: Page) =>
  page
    .getByTestId('timeline-entry')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event')}: ${e.querySelector('.pub-timeline-event')?.textContent}`));

describe('one complaint, the whole journey, in the browser', () => {
  let citizen: Person;
  let office: Person;
  let ticket: string;
  let caseId: string;

  /** Opens the ticket from the inbox of the user now logged in, checking the step it waits at. */
  async function openFromInbox(page: Page, step: string): Promise<void> {
    const row = page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(step);
    await row.getByTestId('inbox-open').click();
    await page.locator(`[data-testid="case"][data-case-id="${caseId}"]`).waitFor();
  }

  /** Writes a note and presses the hand-over button; the page says where it went. */
  async function handOver(page: Page, note: string, nextLane: string | null): Promise<void> {
    const version = Number(await page.getByTestId('case').getAttribute('data-version'));
    await page.getByTestId('action-note').fill(note);
    const button = page.locator('[data-testid="action"][data-type="COMPLETE"]');
    expect(await button.count()).toBe(1);
    expect(await button.textContent()).toMatch(/^Selesai/);
    await button.click();
    await page.getByTestId('case-moved').waitFor();
    await page.locator(`[data-testid="case"][data-version="${version + 1}"]`).waitFor();
    if (nextLane) {
      expect(await page.getByTestId('case-moved').textContent()).toContain(nextLane);
      expect(await page.getByTestId('no-actions').textContent()).toContain(nextLane);
    }
    expect(await page.getByTestId('kartu-note').last().textContent()).toBe(note);
  }

  it('one complaint, from the citizen’s phone through every lane to the report; stages in order, each named when it fails', async () => {
    await stage('1. a citizen files a complaint on /lapor/buleleng from a phone and follows the ticket', async () => {
      citizen = await person({ viewport: PHONE, timeZone: 'Asia/Makassar', phone: true });
      const page = citizen.page;
      const field = (id: string) => page.locator(`[data-testid="field-input"][data-field-id="${id}"]`);
      await page.goto(`${session.api.url}/lapor/buleleng`);
      await page.getByTestId('file-form').waitFor();
      expect(await page.getByTestId('form-title').textContent()).toBe('FORMULIR PENGADUAN / SARAN');
      await field('nama-lengkap').fill(CITIZEN.name);
      await field('alamat').fill(CITIZEN.address);
      await field('alamat-email').fill(CITIZEN.email);
      await field('no-hp').fill(CITIZEN.phone);
      await page.locator('[data-testid="field"][data-field-id="sasaran-pengaduan"] label.pub-option', { hasText: 'Pelayanan' }).click();
      await field('isi-pengaduan').fill(COMPLAINT);
      await shot(page, '1-citizen-form');

      await page.getByTestId('file-submit').click();
      await page.getByTestId('file-success').waitFor();
      ticket = (await page.getByTestId('ticket-number').textContent())!.trim();
      expect(ticket).toMatch(/^BUL-[0-9A-HJKMNP-TV-Z]{6}$/);
      expect(await page.getByTestId('ticket-number').isVisible()).toBe(true);
      await shot(page, '1-citizen-filed');

      await page.getByTestId('ticket-link').click();
      await page.getByTestId('ticket-status').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/tiket/${ticket}`);
      expect(await page.getByTestId('ticket-status-text').textContent()).toBe('Sedang diproses');
      expect(await page.getByTestId('ticket-current-step').textContent()).toContain('Langkah 1');
      expect(await page.getByTestId('ticket-lane').textContent()).toBe('Staf Kerjasama');
      expect(await timeline(page)).toEqual(['START: Pengaduan diterima']);
      await expectNoPersonalData(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await shot(page, '1-citizen-ticket');
    });
    await stage("2. the Buleleng intake lane's operator logs in, finds the ticket first in the inbox, opens it and hands it on", async () => {
      office = await person({ viewport: DESKTOP, timeZone: 'Asia/Makassar' });
      const page = office.page;
      await page.goto(`${session.api.url}/login`);
      await login(page, 'buleleng.staf-kerjasama');
      await page.getByTestId('inbox-page').waitFor();
      expect(new URL(page.url()).pathname).toBe('/inbox');

      const first = page.getByTestId('inbox-row').first();
      await first.waitFor();
      expect(await first.getAttribute('data-ticket')).toBe(ticket);
      const row = (await first.textContent())!;
      expect(row).toContain('1. Menerima keluhan');
      expect(row).toContain('Staf Kerjasama');
      expect(row).toContain('Situs web'); // the channel's kind in the page's words
      expect(row).toContain('Pelayanan');
      await shot(page, '2-inbox');

      await first.getByTestId('inbox-open').click();
      const theCase = page.getByTestId('case');
      await theCase.waitFor();
      caseId = (await theCase.getAttribute('data-case-id'))!;
      expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
      expect(await page.getByTestId('case-ticket').textContent()).toBe(ticket);
      expect(await page.getByTestId('case-status').textContent()).toBe('Dalam proses');
      expect(await page.getByTestId('current-step').textContent()).toContain('Menerima keluhan / pengaduan masyarakat');
      // the complaint as the citizen wrote it; the name masked until revealed
      expect(await page.locator('[data-testid="form-field"][data-field="isi-pengaduan"]').textContent()).toContain('belum jadi sejak tiga minggu');
      expect(await page.locator('[data-testid="form-field"][data-field="nama-lengkap"]').textContent()).not.toContain(CITIZEN.name);
      await shot(page, '2-case');

      await handOver(page, NOTES.intake, 'Kasi Kerjasama');
      await shot(page, '2-case-handed-over');
      await page.getByTestId('nav-inbox').click();
      await page.getByTestId('inbox-empty').waitFor();
    });
    await stage('3. the next lanes log in one after the other on the same workstation and carry the case to its end', async () => {
      const page = office.page;
      await changeUser(page, 'buleleng.kasi-kerjasama');
      await openFromInbox(page, '2. Menerima pengaduan / keluhan masyarakat');
      // the Kasi may not reveal the complainant in Buleleng
      expect(await page.getByTestId('reveal').count()).toBe(0);
      await shot(page, '3-kasi-case');
      await handOver(page, NOTES.kasi, 'Bidang Terkait');

      await changeUser(page, 'buleleng.bidang-terkait');
      await openFromInbox(page, '3. Menerima pengaduan kemudian memberi penjelasan');
      await handOver(page, NOTES.bidang, 'Kasi Kerjasama');

      await changeUser(page, 'buleleng.kasi-kerjasama');
      await openFromInbox(page, '4. Menerima logbook pengaduan');
      await handOver(page, NOTES.check, 'Staf Kerjasama');

      await changeUser(page, 'buleleng.staf-kerjasama');
      await openFromInbox(page, '5. Melakukan follow up');
      await handOver(page, NOTES.reply, null);
      await page.locator('[data-testid="case"][data-status="done"]').waitFor();
      expect(await page.getByTestId('case-status').textContent()).toBe('Selesai');
      expect(await page.getByTestId('no-actions').textContent()).toContain('sudah selesai');
      // the kartu kendali: who handed it on, in order, with their notes
      expect(await page.getByTestId('kartu-officer').allTextContents()).toEqual([
        // the complainant on Buleleng's website channel: stored as an id, worded in the page's language
        'Pelapor (website)',
        'Staf Kerjasama (Kabupaten Buleleng)',
        'Kasi Kerjasama (Kabupaten Buleleng)',
        'Bidang Terkait (Kabupaten Buleleng)',
        'Kasi Kerjasama (Kabupaten Buleleng)',
        'Staf Kerjasama (Kabupaten Buleleng)',
      ]);
      expect(await page.getByTestId('kartu-note').allTextContents()).toEqual([NOTES.intake, NOTES.kasi, NOTES.bidang, NOTES.check, NOTES.reply]);
      await shot(page, '3-case-done');

      // gone from the open inbox, listed under "Selesai"
      await page.getByTestId('nav-inbox').click();
      await page.getByTestId('inbox-empty').waitFor();
      await page.getByTestId('filter-status').selectOption('done');
      await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).waitFor();
    });
    await stage("4. the citizen's ticket page now shows it finished, still without personal data", async () => {
      const page = citizen.page;
      await page.getByTestId('ticket-reload').click();
      await page.locator('[data-testid="ticket-status"][data-status="done"]').waitFor();
      expect(await page.getByTestId('ticket-status-text').textContent()).toBe('Selesai');
      expect(await page.getByTestId('ticket-status').textContent()).toContain('Penanganan pengaduan Anda telah selesai.');
      expect(await page.getByTestId('ticket-current-step').count()).toBe(0);
      expect(await timeline(page)).toEqual([
        'START: Pengaduan diterima',
        ...Array(4).fill('COMPLETE: Diteruskan ke tahap berikutnya'),
        'COMPLETE: Penanganan selesai',
      ]);
      await expectNoPersonalData(page);
      // nor the officers' names
      expect(await everythingOn(page)).not.toContain('(Kabupaten Buleleng)');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await shot(page, '4-citizen-ticket-done');
    });
    await stage('5. an operator of Kota Metro does not see it in their inbox and gets a clear message on its address', async () => {
      const metro = await person({ viewport: DESKTOP, timeZone: 'Asia/Jakarta' });
      const page = metro.page;
      await page.goto(`${session.api.url}/login`);
      await login(page, 'metro.petugas');
      await page.getByTestId('inbox-page').waitFor();
      expect(await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).count()).toBe(0);
      await page.getByTestId('inbox-ticket').fill(ticket);
      await page.getByTestId('inbox-search').click();
      await page.getByTestId('inbox-empty').waitFor();
      await page.getByTestId('filter-status').selectOption('done');
      await page.getByTestId('inbox-empty').waitFor();
      expect(await page.locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).count()).toBe(0);
      await shot(page, '5-metro-inbox');

      await page.goto(`${session.api.url}/cases/${caseId}`);
      const error = page.getByTestId('case-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Pengaduan ini bukan milik kabupaten/kota Anda.');
      expect(await page.getByTestId('form-data').count()).toBe(0);
      expect(await everythingOn(page)).not.toContain(ticket);
      await expectNoPersonalData(page);
      await shot(page, '5-metro-case');
    });
    await stage("6. the Buleleng operator's report of the current month counts the finished case, in the recaps and the logbook", async () => {
      const page = office.page;
      // still logged in as the Staf Kerjasama who closed it
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('report').waitFor();
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
      expect(await page.getByTestId('reports-month').inputValue()).toBe(month);
      expect(await page.getByTestId('report').getAttribute('data-regency')).toBe('buleleng');
      expect(await page.getByTestId('report-total').textContent()).toBe('1');

      const counts = (testId: string) =>
        page
          .getByTestId(testId)
          .locator('tbody tr')
          .evaluateAll((rows) =>
            Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('[data-testid="report-count"]')!.textContent)])),
          );
      expect(await counts('report-channels')).toMatchObject({ website: 1, telepon: 0, email: 0 });
      expect(await counts('report-statuses')).toEqual({ 'dalam proses': 0, selesai: 1 });
      expect((await counts('report-categories')).Pelayanan).toBe(1);

      const line = page.getByTestId('report-logbook-table').locator(`tr[data-ticket="${ticket}"]`);
      expect(await line.count()).toBe(1);
      const cell = (column: string) => line.locator(`td[data-column="${column}"]`).textContent();
      expect(await cell('isi-pengaduan-sumber')).toContain(`Pelayanan — website (${ticket}`);
      expect(await cell('bidang-terkait')).toBe('Bidang Terkait (Kabupaten Buleleng)');
      expect(await cell('tindak-lanjut-aduan')).toBe([NOTES.intake, NOTES.kasi, NOTES.bidang, NOTES.check].join('; '));
      expect(await cell('tindak-lanjut-ke-pengadu')).toBe(NOTES.reply);
      expect(await cell('status')).toBe('selesai');
      await expectNoPersonalData(page);
      // the regency's own users read the complaint in its own words, the NIK written into it struck out
      expect(await cell('isi-pengaduan-sumber')).toContain('KTP-el saya (NIK [identitas disamarkan]) belum jadi sejak tiga minggu');
      await shot(page, '7-reports');
    });
  });

  it('the reviewer compares Metro and Buleleng and reads the worst-case time of both (no complaint needed)', async () => {
    const reviewer = await person({ viewport: DESKTOP, timeZone: 'Asia/Jakarta' });
    const page = reviewer.page;
    await page.goto(`${session.api.url}/login?next=${encodeURIComponent('/compare?ids=metro,buleleng')}`);
    await login(page, 'reviewer');
    await page.getByTestId('compare-matrix').waitFor();
    expect(new URL(page.url()).searchParams.get('ids')).toBe('metro,buleleng');
    const row = page.getByTestId('compare-row-figures-worstCaseWorking');
    expect(await row.locator('th').textContent()).toBe('Waktu terlama (waktu kerja)');
    const metro = (await row.locator('td[data-sop="metro"]').textContent())!;
    const buleleng = (await row.locator('td[data-sop="buleleng"]').textContent())!;
    expect(metro).toMatch(/^≥ 7 hari kerja \(\+1 langkah tanpa Waktu\)selesai paling lambat .+ WIB$/);
    expect(buleleng).toMatch(/^1 jam 50 menitselesai paling lambat .+ WITA$/);
    await shot(page, '6-compare');
  });
});
