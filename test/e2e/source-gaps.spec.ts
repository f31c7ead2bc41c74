import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

// The service standard and honest gaps in a source (docs/adr/0011-service-standard-and-source-gaps.md):
// Metro's inferred outcome labels and escalation on timeout, a fixture SOP that prints a service
// standard ("contoh") and one whose source is cut off ("terpotong"), on the SOP page, the print view,
// the simulation and /compare.
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1440, height: 1000 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/service-and-gaps.yaml', terpotong: 'warnings/incomplete-source.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;

async function openSop(id: string): Promise<void> {
  await page().goto(`${session.api.url}/sops/${id}`);
  await page().getByTestId('sop-page').waitFor();
  await page().locator('[data-testid="step-node"]').first().waitFor();
}

describe('Metro: what the source does not print is drawn and listed as such', () => {
  it('draws the lost row 3 dotted, frames the inferred outcome labels, tags the escalation on timeout as a platform decision, with a legend', async () => {
    await openSop('metro');
    expect(
      await page()
        .locator('[data-testid="step-node"][data-gap]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step-id'), e.getAttribute('data-gap')])),
    ).toEqual([['tim-teknis', 'incomplete']]);
    const border = await page().locator('[data-step-id="tim-teknis"] polygon').getAttribute('stroke-dasharray');
    expect(border).toBe('2 3');
    expect(await page().locator('[data-testid="edge-label"][data-gap="inferred"]').count()).toBe(9);
    const tags = page().getByTestId('inferred-timeout');
    expect(await tags.count()).toBe(3);
    expect(await tags.first().textContent()).toBe('waktu habis: keputusan platform');
    expect(await tags.first().getAttribute('title')).toBe('keputusan platform, tidak tertulis di SOP sumber');
    expect(await page().getByTestId('legend-gap-inferred').textContent()).toContain('tidak tertulis di SOP sumber');
    await page()
      .getByTestId('diagram')
      .screenshot({ path: join(SCREENSHOTS, 'source-gaps-metro-diagram.png') });
  });

  it('lists every mark in the source notes, the escalation on timeout said to be a platform decision; no service standard is invented', async () => {
    await openSop('metro');
    const timeouts = page().locator('[data-testid="source-gap"][data-kind="timeout"]');
    expect(await timeouts.count()).toBe(3);
    expect(await timeouts.first().innerText()).toMatch(
      /4 · kasi-periksa\s+Bila waktu habis: dieskalasi\s+keputusan platform, tidak tertulis di SOP sumber\s+SOP sumber tidak mencetak aturan bila Waktu terlampaui/,
    );
    expect(await page().locator('[data-testid="source-gap"][data-kind="channel"]').innerText()).toContain('Kanal “dll”');
    expect(await page().locator('[data-testid="source-gap"][data-status="incomplete"]').getAttribute('data-step')).toBe('tim-teknis');
    expect(await page().getByTestId('service-standard-none').textContent()).toContain('tidak mencantumkan standar pelayanan');
    expect(await page().getByTestId('source-incomplete').count()).toBe(0);
    await page()
      .getByTestId('source-notes-card')
      .screenshot({ path: join(SCREENSHOTS, 'source-gaps-metro-notes.png') });
  });

  it('keeps the platform-decision tag on the simulation’s diagram, which still runs Metro', async () => {
    await page().goto(`${session.api.url}/sops/metro/simulasi`);
    await page().locator('[data-testid="step-node"]').first().waitFor();
    expect(await page().getByTestId('inferred-timeout').count()).toBe(3);
    expect(await page().getByTestId('view-only').count()).toBe(0);
  });
});

describe('an SOP that prints a service standard', () => {
  it('shows biaya, its legal basis, the requirements, the overall time and its conditions as written, and a lost product as illegible', async () => {
    await openSop('contoh');
    const service = page().getByTestId('service-standard');
    expect(await service.getByTestId('service-biaya').innerText()).toMatch(/Biaya \/ tarif\s+Tidak dipungut biaya/);
    expect(await service.getByTestId('service-dasarBiaya').innerText()).toContain('Peraturan Daerah Kota Contoh Nomor 1 Tahun 2020');
    expect(await service.locator('[data-testid="service-persyaratan"] li').allTextContents()).toEqual(['Fotokopi KTP-el', 'Uraian pengaduan']);
    expect(await service.getByTestId('service-waktuPenyelesaian').innerText()).toContain('14 hari kerja');
    expect(await service.getByTestId('service-kondisiWaktu').innerText()).toContain('sejak pengaduan diterima lengkap');
    expect(await service.getByTestId('service-produk').innerText()).toContain('tercantum, tetapi tidak terbaca di SOP sumber');
    await page()
      .getByTestId('service-card')
      .screenshot({ path: join(SCREENSHOTS, 'source-gaps-service.png') });
  });

  it('prints the service standard, the source notes and the drawing with its dashed marks and legend', async () => {
    await page().goto(`${session.api.url}/sops/contoh/cetak`);
    await page().getByTestId('print-document').waitFor();
    expect(await page().getByTestId('print-service').innerText()).toContain('Tidak dipungut biaya');
    expect(await page().locator('[data-testid="print-source-notes"] [data-testid="source-gap"]').count()).toBe(3);
    const svg = await page().getByTestId('print-flow-main').innerHTML();
    expect(svg).toContain('stroke-dasharray="2 3"');
    expect(svg).toContain('Garis putus-putus: tidak tertulis di SOP sumber (keputusan platform)');
    await page().screenshot({ path: join(SCREENSHOTS, 'source-gaps-print.png'), fullPage: true });
  });
});

describe('an SOP whose source is cut off', () => {
  it('is published for viewing, says its source is incomplete, and draws what is printed', async () => {
    await openSop('terpotong');
    expect(await page().getByTestId('source-incomplete').innerText()).toMatch(
      /SOP sumber tidak lengkap[\s\S]*Catatan: the second page of the flowchart is missing/,
    );
    expect(await page().getByTestId('step-node').count()).toBe(3);
  });

  it('is not simulated: the page says "SOP ini hanya untuk dilihat" and why', async () => {
    await page().goto(`${session.api.url}/sops/terpotong/simulasi`);
    const notice = page().getByTestId('view-only');
    await notice.waitFor();
    expect(await notice.locator('h2').textContent()).toBe('SOP ini hanya untuk dilihat');
    expect(await notice.locator('li').first().textContent()).toBe(
      'the source is marked incomplete (the second page of the flowchart is missing): the SOP is for viewing and comparison only',
    );
    expect(await page().getByTestId('step-node').count()).toBe(0);
    await page().screenshot({ path: join(SCREENSHOTS, 'source-gaps-view-only.png') });
  });
});

describe('/compare', () => {
  it('lines up the service standard and the completeness of each source', async () => {
    await page().goto(`${session.api.url}/compare?ids=metro,contoh,terpotong`);
    await page().getByTestId('compare-matrix').waitFor();
    // a cell per SOP (the last cell of a row is its status)
    const cells = async (testId: string) => page().locator(`[data-testid="${testId}"] td[data-sop]`).allInnerTexts();
    expect(await cells('compare-row-service-biaya')).toEqual(['—', 'Tidak dipungut biaya', '—']);
    expect(await cells('compare-row-service-produk')).toEqual(['—', 'tercantum, tetapi tidak terbaca di SOP sumber', '—']);
    expect(await cells('compare-row-gaps-sourceComplete')).toEqual(['lengkap', 'lengkap', 'tidak lengkap: the second page of the flowchart is missing']);
    const inferred = await cells('compare-row-gaps-inferred');
    expect(inferred[0]).toMatch(/^13: /);
    expect(inferred[0]).toContain('4 · kasi-periksa Bila waktu habis: dieskalasi');
    expect(inferred[2]).toBe('0');
    await page()
      .getByTestId('compare-matrix')
      .screenshot({ path: join(SCREENSHOTS, 'source-gaps-compare.png') });
  });
});

describe('Keterangan', () => {
  it('is shown in the SOP-AP table of the SOP page and of the print view, as written', async () => {
    await openSop('brebes');
    expect(await page().getByTestId('column-header-keterangan').textContent()).toBe('Keterangan');
    expect(await page().getByTestId('keterangan').first().textContent()).toBe('Apabila keluhan/pengaduan selesai, maka admin merekap keluhan/pengaduan');
    await page().goto(`${session.api.url}/sops/brebes/cetak`);
    await page().getByTestId('print-document').waitFor();
    const svg = await page().getByTestId('print-flow-main').innerHTML();
    expect(svg).toContain('>Keterangan</tspan>');
    expect(svg).toContain('Apabila keluhan/pengaduan');
  });
});

describe('the editor', () => {
  it('shows a step’s mark and its reason, and marks the source incomplete from the SOP’s own fields', async () => {
    await page().goto(`${session.api.url}/sops/contoh/ubah`);
    await page().getByTestId('edit-page').waitFor();
    const step = page().locator('[data-testid="step-node"][data-step-id="kasi-periksa"]');
    expect(await step.getAttribute('data-gap')).toBe('incomplete');
    await step.click();
    const panel = page().getByTestId('properties-panel');
    expect(await panel.getByTestId('prop-provenance-status').inputValue()).toBe('incomplete');
    expect(await panel.getByTestId('prop-provenance-note').inputValue()).toBe('the row is torn; its Output is lost');
    // the step is printed after all: the mark goes, the dotted border with it
    await panel.getByTestId('prop-provenance-status').selectOption('');
    await page().waitForFunction(() => !document.querySelector('[data-testid="step-node"][data-step-id="kasi-periksa"]')?.hasAttribute('data-gap'));
    await page().keyboard.press('Escape');
    await page()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    const source = page().getByTestId('sop-source-complete');
    await source.waitFor();
    await source.selectOption('no');
    await page().getByTestId('sop-source-note').waitFor();
    const yaml = await page()
      .getByTestId('yaml-pane')
      .evaluate((el) => (el as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText());
    expect(yaml).toMatch(/\nsource:\n {2}complete: false\n/);
    expect(yaml).not.toContain('the row is torn');
    await page().screenshot({ path: join(SCREENSHOTS, 'source-gaps-editor.png') });
  });
});
