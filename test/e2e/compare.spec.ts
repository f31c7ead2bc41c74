import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSops } from '@sop/compare';
import { validateSop, type SopDocument } from '@sop/model';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import { approveVersion, browserSession, DOWNLOADS, SCREENSHOTS } from './browser';
import { seedText } from '../../libs/sop-model/src/__fixtures__/seeds';

const session = browserSession({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

const yamlOf = seedText;
function sopOf(yaml: string): SopDocument {
  const result = validateSop(yaml);
  if (!result.sop) throw new Error('invalid SOP in the test');
  return result.sop;
}

/** What the library computes for the pair, with the page's defaults (Indonesian, reference date). */
const expected = compareSops([
  { key: 'metro', sop: sopOf(yamlOf('metro')) },
  { key: 'buleleng', sop: sopOf(yamlOf('buleleng')) },
]);

const cell = (row: string, sop: string) => session.page.locator(`[data-testid="compare-row-${row}"] td[data-sop="${sop}"]`);

async function openCompare(search: string): Promise<void> {
  await session.page.goto(`${session.api.url}/compare${search}`);
  await session.page.getByTestId('compare-matrix').waitFor();
}

describe('comparing SOPs', () => {
  it('the reviewer compares Metro and Buleleng and reads the worst-case times', async () => {
    await openCompare('?ids=metro,buleleng');
    const metro = expected.sops[0].worstCase!;
    const buleleng = expected.sops[1].worstCase!;
    expect(metro.workingText).toBe('≥ 7 hari kerja (+1 langkah tanpa Waktu)');
    expect(buleleng.workingText).toBe('1 jam 50 menit');
    // working time on each office's calendar from its opening on the reference day, with the deadline in its own zone
    expect(await cell('figures-worstCaseWorking', 'metro').textContent()).toBe(
      `${metro.workingText}selesai paling lambat Sel, 10 Feb, 16.00 WIB ditambah waktu 1 langkah tanpa Waktu, bila masuk Sen, 2 Feb, 07.30 WIB`,
    );
    expect(await cell('figures-worstCaseWorking', 'buleleng').textContent()).toBe(
      `${buleleng.workingText}selesai paling lambat Sen, 2 Feb, 09.20 WITA, bila masuk Sen, 2 Feb, 07.30 WITA`,
    );
    // as the SOP writes it: the lost step stays visible, never counted as zero
    expect(await cell('figures-worstCase', 'metro').textContent()).toMatch(/^6 hari .*1 langkah/);
    expect(await cell('figures-escalationDepth', 'metro').textContent()).toBe('4');
    expect(await cell('figures-escalationDepth', 'buleleng').textContent()).toBe('0');
    // lanes by common role: the section head is in both, the secretary only in Metro
    expect(await session.page.getByTestId('compare-row-roles-kasi').getAttribute('class')).toContain('is-shared');
    expect(await cell('roles-sekretaris', 'buleleng').textContent()).toBe('—');
    expect(await session.page.locator('[data-testid="compare-row-legal-uu:24:2013"] th').textContent()).toBe('UU 24/2013');
    // channels by kind, named in words, each SOP's own label in its cell
    expect(await session.page.locator('[data-testid="compare-row-channels-kotak-pengaduan"] th').textContent()).toBe('Kotak pengaduan');
    expect(await cell('channels-whatsapp', 'metro').textContent()).toBe('WA');
    // the flowcharts side by side, one per SOP
    expect(await session.page.locator('[data-testid="compare-diagrams"] figure img').count()).toBe(2);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'compare-metro-buleleng.png'), fullPage: true });
  });

  it('changes the selection with the checkboxes, keeping it in the address', async () => {
    await openCompare('?ids=metro,buleleng');
    await session.page.getByTestId('compare-check-pekanbaru').check();
    await session.page.waitForURL(/ids=metro,buleleng,pekanbaru$/);
    await session.page.locator('th[data-sop="pekanbaru"]').waitFor();
    await session.page.getByTestId('compare-check-metro').uncheck();
    await session.page.waitForURL(/ids=buleleng,pekanbaru$/);
    await session.page.getByTestId('compare-check-buleleng').uncheck();
    await session.page.getByTestId('compare-choose-more').waitFor();
    expect(await session.page.getByTestId('compare-matrix').count()).toBe(0);
  });

  it('exports the matrix as CSV and has a print view', async () => {
    await openCompare('?ids=metro,buleleng');
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByTestId('compare-csv').click()]);
    expect(download.suggestedFilename()).toBe('sop-compare-metro-buleleng.csv');
    const path = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Bagian,Butir,metro,buleleng,Status');
    expect(lines).toContain(
      `Angka utama,Waktu terlama (waktu kerja),${expected.sops[0].worstCase!.workingText},${expected.sops[1].worstCase!.workingText},berbeda`,
    );
    expect(lines).toContain('Angka utama,Kedalaman eskalasi,4,0,berbeda');
    expect(lines).toContain('Pelaksana menurut peran umum,Kepala Seksi,Kasi Yang Membidangi permasalahan,Kasi Kerjasama,semua');

    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.getByTestId('compare-select').isVisible()).toBe(false);
    expect(await session.page.getByTestId('compare-csv').isVisible()).toBe(false);
    expect(await session.page.getByTestId('compare-matrix').isVisible()).toBe(true);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'compare-print.png'), fullPage: true });
  });

  it('compares two versions of one SOP and shows the added and changed steps', async () => {
    const login = await fetch(`${session.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'buleleng.penyusun', password: DEMO_PASSWORD }),
    });
    expect(login.ok).toBe(true);
    const { token } = (await login.json()) as { token: string };
    const v2 = yamlOf('buleleng')
      .replace('waktu: 15 Menit', 'waktu: 30 Menit')
      .replace(
        '    next: selesai\n\n  - id: selesai',
        '    next: arsip\n\n  - id: arsip\n    number: "6"\n    kind: task\n    lane: staf-kerjasama\n    label: null\n    activity: Mengarsipkan logbook pengaduan\n    waktu: 5 Menit\n    next: selesai\n\n  - id: selesai',
      );
    const published = await fetch(`${session.api.url}/api/sops/buleleng/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ yaml: v2, changeNote: 'arsip logbook' }),
    });
    expect(published.ok).toBe(true);
    expect(((await published.json()) as { version: number }).version).toBe(2);
    await approveVersion(session.api.url, 'buleleng', 2);

    await session.page.goto(`${session.api.url}/compare`);
    await session.page.getByTestId('compare-choose-more').waitFor();
    // the picker starts on the SOP that has versions to compare, not on the first of the list
    expect(await session.page.getByTestId('compare-version-sop').inputValue()).toBe('buleleng');
    await session.page.getByTestId('compare-version-from').selectOption('1');
    await session.page.getByTestId('compare-version-to').selectOption('2');
    await session.page.getByTestId('compare-versions-go').click();
    await session.page.waitForURL(/ids=buleleng@1,buleleng@2$/);
    await session.page.getByTestId('compare-diff').waitFor();
    // who published each version and why
    const versionFacts = await session.page.getByTestId('compare-diff-version').allTextContents();
    expect(versionFacts[0]).toMatch(/oleh berkas sops\/ \(tanpa penyusun\)/);
    expect(versionFacts[1]).toMatch(/oleh buleleng\.penyusun\..*arsip logbook/);
    expect(await session.page.getByTestId('compare-diff-added-arsip').textContent()).toContain('Mengarsipkan logbook pengaduan');
    const changed = await session.page.getByTestId('compare-diff-changed-kasi-memeriksa').textContent();
    expect(changed).toContain('waktu15 Menit → 30 Menit');
    expect(await session.page.getByTestId('compare-diff-changed-follow-up').textContent()).toContain('nextselesai → arsip');
    expect(await cell('figures-worstCaseWorking', 'buleleng@2').textContent()).toMatch(/^2 jam 10 menit/);
    expect(await cell('figures-steps', 'buleleng@2').textContent()).toBe('8');
    // the changed steps are marked on both drawings: the old one shows what changed, the new one also what was added
    const drawing = async (key: string) =>
      decodeURIComponent(
        ((await session.page.locator(`figure.compare-diagram[data-sop="${key}"] img`).getAttribute('src')) ?? '').replace(
          /^data:image\/svg\+xml;charset=utf-8,/,
          '',
        ),
      );
    const before = await drawing('buleleng@1');
    const after = await drawing('buleleng@2');
    expect(before).toContain('<g class="diff-changed" data-step="kasi-memeriksa"><title>diubah</title>');
    expect(before).not.toContain('data-step="arsip"');
    expect(after).toContain('<g class="diff-changed" data-step="kasi-memeriksa">');
    expect(after).toContain('<g class="diff-added" data-step="arsip"><title>ditambah</title>');
    expect(await session.page.locator('figure.compare-diagram[data-sop="buleleng@2"] [data-testid="compare-diagram-marks"]').textContent()).toContain(
      '3 langkah ditandai',
    );
    await session.page.screenshot({ path: join(SCREENSHOTS, 'compare-versions.png'), fullPage: true });
    await session.page.locator('.compare-diagrams-card').screenshot({ path: join(SCREENSHOTS, 'compare-versions-drawings.png') });
  });

  it('says what is wrong with a bad ids parameter, and names a missing SOP', async () => {
    await session.page.goto(`${session.api.url}/compare?ids=metro,Bule%20leng`);
    expect(await session.page.getByTestId('compare-ids-error').textContent()).toBe(
      'Parameter ids tidak valid: "Bule leng" bukan id SOP (contoh: metro, atau metro@2 untuk versi 2)',
    );
    await session.page.goto(`${session.api.url}/compare?ids=metro,atlantis`);
    await session.page.getByText('Gagal memuat: SOP "atlantis" tidak ditemukan').waitFor();
  });

  it('groups lanes by common role and lists a lane of another role apart, by its own description, on the page and in the CSV', async () => {
    const login = await fetch(`${session.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'brebes.penyusun', password: DEMO_PASSWORD }),
    });
    expect(login.ok).toBe(true);
    const { token } = (await login.json()) as { token: string };
    const lanes = '  - id: bidang-teknis\n    name: Pejabat Bidang Teknis\n    role: bidang-teknis\n';
    expect(yamlOf('brebes')).toContain(lanes);
    const description = 'Group Admin, pejabat bidang teknis yang dikonsultasikan admin';
    const v2 = yamlOf('brebes').replace(
      lanes,
      `  - id: bidang-teknis\n    name: Pejabat Bidang Teknis\n    role: other\n    roleDescription: ${description}\n  - id: helpdesk\n    name: Helpdesk SIAK\n    role: helpdesk\n`,
    );
    const published = await fetch(`${session.api.url}/api/sops/brebes/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ yaml: v2, changeNote: 'peran terbuka' }),
    });
    expect(published.status).toBe(201);
    // in effect once Brebes' signer approves it (ADR 0025): the comparison shows the version in effect
    await approveVersion(session.api.url, 'brebes', 2);

    await openCompare('?ids=metro,brebes');
    // a common role added to the list lines up like the others
    const helpdesk = session.page.getByTestId('compare-row-roles-helpdesk');
    expect(await helpdesk.locator('th').textContent()).toBe('Helpdesk');
    expect(await helpdesk.locator('th').getAttribute('title')).toMatch(/^Helpdesk: menyelesaikan masalah teknis/);
    expect(await cell('roles-helpdesk', 'metro').textContent()).toBe('—');
    expect(await cell('roles-helpdesk', 'brebes').textContent()).toBe('Helpdesk SIAK');
    expect(await session.page.getByTestId('compare-row-roles-petugas').getAttribute('class')).toContain('is-shared');
    // the lane of role other is not merged into a common role: it has a section of its own, named by its SOP's words
    expect(await session.page.getByTestId('compare-row-roles-bidang-teknis').count()).toBe(0);
    expect(await session.page.getByTestId('compare-row-roles-other').count()).toBe(0);
    const section = session.page.locator('tbody[data-section="otherRoles"]');
    expect(await section.locator('.compare-section-row th').textContent()).toBe('Pelaksana dengan peran lain (tidak dipetakan ke peran umum)');
    const key = 'group admin pejabat bidang teknis yang dikonsultasikan admin';
    expect(await section.locator('tr.compare-row').count()).toBe(1);
    expect(await session.page.locator(`[data-testid="compare-row-otherRoles-${key}"] th`).textContent()).toBe(description);
    expect(await cell(`otherRoles-${key}`, 'brebes').textContent()).toBe('Pejabat Bidang Teknis');
    expect(await cell(`otherRoles-${key}`, 'metro').textContent()).toBe('—');
    await section.screenshot({ path: join(SCREENSHOTS, 'compare-other-roles.png') });

    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByTestId('compare-csv').click()]);
    const path = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(csv).toContain('Pelaksana menurut peran umum,Helpdesk,,Helpdesk SIAK,khusus');
    expect(csv).toContain(`Pelaksana dengan peran lain (tidak dipetakan ke peran umum),"${description}",,Pejabat Bidang Teknis,khusus`);
  });

  it('reads on a 390px phone', async () => {
    await session.page.setViewportSize({ width: 390, height: 844 });
    await openCompare('?ids=metro,buleleng');
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'compare-phone.png'), fullPage: true });
    await session.page.getByTestId('compare-matrix').screenshot({ path: join(SCREENSHOTS, 'compare-phone-matrix.png') });
  });
});
