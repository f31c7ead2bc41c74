import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { flowsOf, validateSop, type SopDocument } from '@sop/model';
import { createTestDatabase, ROOT, startApi, type ApiProcess, type TestDatabase } from '../../apps/api/test/api-harness';
import { DOWNLOADS, launchChromium, SCREENSHOTS } from './browser';

const SEEDS = ['brebes', 'buleleng', 'lumajang', 'metro', 'pekanbaru'];
const sopOf = (id: string): SopDocument => validateSop(readFileSync(join(ROOT, `sops/${id}.yaml`), 'utf8')).sop!;

let db: TestDatabase;
let api: ApiProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await db?.drop();
});

let pageErrors: string[] = [];

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterEach(async () => {
  await context?.close();
});

async function openSop(id: string): Promise<void> {
  await page.goto(`${api.url}/sops/${id}`);
  await page.getByTestId('sop-page').waitFor();
  await page.locator('[data-testid="step-node"]').first().waitFor();
}

describe('the SOP list', () => {
  it('lists the five SOPs by regency and opens one', async () => {
    await page.goto(`${api.url}/sops`);
    const cards = page.getByTestId('sop-card');
    await cards.first().waitFor();
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')))).toEqual(['brebes', 'buleleng', 'lumajang', 'metro', 'pekanbaru']);
    await page.screenshot({ path: join(SCREENSHOTS, 'sop-list.png'), fullPage: true });
    await page.locator('[data-sop-id="metro"] a').click();
    await page.getByTestId('sop-title').waitFor();
    expect(await page.getByTestId('sop-title').textContent()).toBe('Pelayanan Pengaduan Dinas Dukcapil');
    expect(new URL(page.url()).pathname).toBe('/sops/metro');
  });
});

describe.each(SEEDS)('the flowchart of %s', (id) => {
  it('draws every step and every lane of the YAML, with the identity, the sections and the figures', async () => {
    const sop = sopOf(id);
    await openSop(id);
    const nodes = page.getByTestId('step-node');
    expect(await nodes.count()).toBe(sop.steps.length);
    expect((await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).sort()).toEqual(sop.steps.map((s) => s.id).sort());
    expect(await page.getByTestId('lane-header').allTextContents()).toEqual(sop.lanes.map((l) => l.name));
    for (const kind of ['decision', 'start', 'end'] as const) {
      expect(await page.locator(`[data-testid="step-node"][data-kind="${kind}"]`).count()).toBe(sop.steps.filter((s) => s.kind === kind).length);
    }
    const labels = await page.getByTestId('edge-label').allTextContents();
    for (const o of sop.steps.flatMap((s) => s.outcomes ?? [])) expect(labels).toContain(o.label);
    expect(await page.getByTestId('identity-block').textContent()).toContain(sop.identity.office);
    const sections = (await page.getByTestId('sop-sections').textContent()) ?? '';
    for (const item of [...sop.sections.dasarHukum, ...sop.sections.peralatanPerlengkapan]) expect(sections).toContain(item);
    expect(await page.locator('[data-testid="figure-steps"] .figure-value').textContent()).toBe(String(sop.steps.length));
    // no step drawn on top of another
    const boxes = await nodes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    }
    await page.screenshot({ path: join(SCREENSHOTS, `${id}.png`), fullPage: true });
    await page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, `${id}-diagram.png`) });
  });

  it('draws each periodic procedure on its own tab', async () => {
    const sop = sopOf(id);
    const periodic = flowsOf(sop).filter((f) => f.id !== 'main');
    await openSop(id);
    if (!periodic.length) {
      expect(await page.locator('[role="tab"]').count()).toBe(0);
      return;
    }
    for (const flow of periodic) {
      await page.getByTestId(`flow-tab-${flow.id}`).click();
      await page.locator(`[data-testid="diagram"][data-flow="${flow.id}"]`).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="step-node"]').length === n, flow.steps.length);
      expect((await page.getByTestId('step-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).sort()).toEqual(flow.steps.map((s) => s.id).sort());
      await page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, `${id}-${flow.id}-diagram.png`) });
    }
  });
});

describe('the Metro flowchart', () => {
  it('hides and shows the Mutu Baku columns', async () => {
    await openSop('metro');
    const mutuHeaders = page.locator('[data-testid="column-header-kelengkapan"], [data-testid="column-header-waktu"], [data-testid="column-header-output"]');
    expect(await mutuHeaders.count()).toBe(3);
    expect(await page.getByTestId('mutu-waktu').allTextContents()).toContain('1 hari');
    await page.getByTestId('toggle-mutu-baku').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="mutu-baku-header"]'));
    expect(await mutuHeaders.count()).toBe(0);
    expect(await page.getByTestId('mutu-waktu').count()).toBe(0);
    expect(await page.getByTestId('step-node').count()).toBe(sopOf('metro').steps.length);
    await page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, 'metro-without-mutu-baku.png') });
    await page.getByTestId('toggle-mutu-baku').click();
    await page.getByTestId('mutu-baku-header').waitFor();
    expect(await mutuHeaders.count()).toBe(3);
  });

  it('speaks English after the switch, and keeps the choice across a reload; SOP content stays as written', async () => {
    await openSop('metro');
    expect(await page.locator('.diagram-card h2').textContent()).toBe('Diagram alur');
    expect(await page.getByTestId('column-header-activity').textContent()).toBe('Kegiatan');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByTestId('lang-en').click();
    expect(await page.locator('.diagram-card h2').textContent()).toBe('Flowchart');
    expect(await page.getByTestId('column-header-activity').textContent()).toBe('Activity');
    expect(await page.getByTestId('export-png').textContent()).toBe('Download PNG');
    expect(await page.getByTestId('nav-sops').textContent()).toBe('SOPs');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // the SOP's own words are not translated
    expect(await page.getByTestId('lane-header').first().textContent()).toBe('Pengguna Jasa Layanan/ Masyarakat');
    await page.reload();
    await page.getByTestId('sop-page').waitFor();
    expect(await page.locator('.diagram-card h2').textContent()).toBe('Flowchart');
    await page.screenshot({ path: join(SCREENSHOTS, 'metro-english.png') });
    await page.getByTestId('lang-id').click();
    expect(await page.locator('.diagram-card h2').textContent()).toBe('Diagram alur');
  });

  it('exports the whole diagram as PNG and as SVG', async () => {
    await openSop('metro');
    const [png] = await Promise.all([
      page.waitForEvent('download').catch(async (e: Error) => {
        throw new Error(`no PNG download: ${e.message}; export error: ${await page.getByTestId('export-error').textContent({ timeout: 100 }).catch(() => 'none')}; page errors: ${pageErrors.join(' | ')}`);
      }),
      page.getByTestId('export-png').click(),
    ]);
    expect(png.suggestedFilename()).toBe('sop-metro-v1.png');
    const pngPath = join(DOWNLOADS, png.suggestedFilename());
    await png.saveAs(pngPath);
    const pngBytes = readFileSync(pngPath);
    expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // the whole sheet, not the part in view: width from the PNG header (pixel ratio 1.5)
    expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(1900 * 1.5);
    expect(statSync(pngPath).size).toBeGreaterThan(20_000);

    const [svg] = await Promise.all([
      page.waitForEvent('download').catch((e: Error) => {
        throw new Error(`no SVG download: ${e.message}; page errors: ${pageErrors.join(' | ')}`);
      }),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('sop-metro-v1.svg');
    const svgPath = join(DOWNLOADS, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    const text = readFileSync(svgPath, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // text wraps over <tspan> lines: compare the drawn words without the spaces between lines
    const drawn = [...text.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join('').replace(/\s+/g, '');
    for (const lane of sopOf('metro').lanes) expect(drawn).toContain(lane.name.replace(/&/g, '&amp;').replace(/\s+/g, ''));
    expect(text).toContain('DIAGRAM ALUR SOP PENGADUAN DAN KONSULTASI');
    expect(text).toContain('Tidak terselesaikan');
  });
});

describe('the print view', () => {
  it('lays the whole SOP document out for paper, with a flowchart per flow', async () => {
    const sop = sopOf('brebes');
    await page.goto(`${api.url}/sops/brebes/cetak`);
    await page.getByTestId('print-document').waitFor();
    for (const flow of flowsOf(sop)) expect(await page.locator(`[data-testid="print-flow-${flow.id}"] svg`).count()).toBe(1);
    const text = (await page.getByTestId('print-document').textContent()) ?? '';
    for (const item of sop.sections.dasarHukum) expect(text).toContain(item);
    expect(text).toContain(sop.identity.title);
    await page.screenshot({ path: join(SCREENSHOTS, 'brebes-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers an unknown SOP with a readable message', async () => {
    await page.goto(`${api.url}/sops/tidak-ada`);
    await page.locator('.notice-error').waitFor();
    expect(await page.locator('.notice-error').textContent()).toBe('SOP "tidak-ada" tidak ditemukan.');
  });
});
