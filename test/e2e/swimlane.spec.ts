import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { flowsOf } from '@sop/model';
import { browserSession, DOWNLOADS, SCREENSHOTS } from './browser';
import { loadSeed, seedIds } from '../../libs/sop-model/src/__fixtures__/seeds';

const SEEDS = seedIds();
const sopOf = loadSeed;

const session = browserSession({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

async function openSop(id: string): Promise<void> {
  await session.page.goto(`${session.api.url}/sops/${id}`);
  await session.page.getByTestId('sop-page').waitFor();
  await session.page.locator('[data-testid="step-node"]').first().waitFor();
}

describe('the SOP list', () => {
  it('lists the SOPs by regency (every seed among them, in order) and opens one', async () => {
    await session.page.goto(`${session.api.url}/sops`);
    const cards = session.page.getByTestId('sop-card');
    await cards.first().waitFor();
    const listed = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')));
    expect(listed.filter((id) => SEEDS.includes(id!))).toEqual(SEEDS);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'sop-list.png'), fullPage: true });
    await session.page.locator('[data-sop-id="metro"] a.sop-card-link').click();
    await session.page.getByTestId('sop-title').waitFor();
    expect(await session.page.getByTestId('sop-title').textContent()).toBe('Pelayanan Pengaduan Dinas Dukcapil');
    expect(new URL(session.page.url()).pathname).toBe('/sops/metro');
  });
});

describe.each(SEEDS)('the flowchart of %s', (id) => {
  it('draws every step and every lane of the YAML, with the identity, the sections and the figures', async () => {
    const sop = sopOf(id);
    await openSop(id);
    const nodes = session.page.getByTestId('step-node');
    expect(await nodes.count()).toBe(sop.steps.length);
    expect((await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).sort()).toEqual(sop.steps.map((s) => s.id).sort());
    expect(await session.page.getByTestId('lane-header').allTextContents()).toEqual(sop.lanes.map((l) => l.name));
    for (const kind of ['decision', 'start', 'end'] as const) {
      expect(await session.page.locator(`[data-testid="step-node"][data-kind="${kind}"]`).count()).toBe(sop.steps.filter((s) => s.kind === kind).length);
    }
    const labels = await session.page.getByTestId('edge-label').allTextContents();
    for (const o of sop.steps.flatMap((s) => s.outcomes ?? [])) expect(labels).toContain(o.label);
    expect(await session.page.getByTestId('identity-block').textContent()).toContain(sop.identity.office);
    const sections = (await session.page.getByTestId('sop-sections').textContent()) ?? '';
    for (const item of [...sop.sections.dasarHukum, ...sop.sections.peralatanPerlengkapan]) expect(sections).toContain(item);
    expect(await session.page.locator('[data-testid="figure-steps"] .figure-value').textContent()).toBe(String(sop.steps.length));
    // no step drawn on top of another
    const boxes = await nodes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    }
    await session.page.screenshot({ path: join(SCREENSHOTS, `${id}.png`), fullPage: true });
    await session.page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, `${id}-diagram.png`) });
  });

  it('draws each periodic procedure on its own tab', async () => {
    const sop = sopOf(id);
    const periodic = flowsOf(sop).filter((f) => f.id !== 'main');
    await openSop(id);
    if (!periodic.length) {
      expect(await session.page.locator('[role="tab"]').count()).toBe(0);
      return;
    }
    for (const flow of periodic) {
      await session.page.getByTestId(`flow-tab-${flow.id}`).click();
      await session.page.locator(`[data-testid="diagram"][data-flow="${flow.id}"]`).waitFor();
      await session.page.waitForFunction((n) => document.querySelectorAll('[data-testid="step-node"]').length === n, flow.steps.length);
      expect((await session.page.getByTestId('step-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).sort()).toEqual(
        flow.steps.map((s) => s.id).sort(),
      );
      await session.page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, `${id}-${flow.id}-diagram.png`) });
    }
  });
});

describe('the Metro flowchart', () => {
  it('hides and shows the Mutu Baku columns', async () => {
    await openSop('metro');
    const mutuHeaders = session.page.locator(
      '[data-testid="column-header-kelengkapan"], [data-testid="column-header-waktu"], [data-testid="column-header-output"]',
    );
    expect(await mutuHeaders.count()).toBe(3);
    expect(await session.page.getByTestId('mutu-waktu').allTextContents()).toContain('1 hari');
    await session.page.getByTestId('toggle-mutu-baku').click();
    await session.page.waitForFunction(() => !document.querySelector('[data-testid="mutu-baku-header"]'));
    expect(await mutuHeaders.count()).toBe(0);
    expect(await session.page.getByTestId('mutu-waktu').count()).toBe(0);
    expect(await session.page.getByTestId('step-node').count()).toBe(sopOf('metro').steps.length);
    await session.page.getByTestId('diagram').screenshot({ path: join(SCREENSHOTS, 'metro-without-mutu-baku.png') });
    await session.page.getByTestId('toggle-mutu-baku').click();
    await session.page.getByTestId('mutu-baku-header').waitFor();
    expect(await mutuHeaders.count()).toBe(3);
  });

  it('speaks English after the switch, and keeps the choice across a reload; SOP content stays as written', async () => {
    await openSop('metro');
    expect(await session.page.locator('.diagram-card h2').textContent()).toBe('Diagram alur');
    expect(await session.page.getByTestId('column-header-activity').textContent()).toBe('Kegiatan');
    expect(await session.page.locator('html').getAttribute('lang')).toBe('id');
    await session.page.getByTestId('lang-en').click();
    expect(await session.page.locator('.diagram-card h2').textContent()).toBe('Flowchart');
    expect(await session.page.getByTestId('column-header-activity').textContent()).toBe('Activity');
    expect(await session.page.getByTestId('export-png').textContent()).toBe('Download PNG');
    expect(await session.page.getByTestId('nav-sops').textContent()).toBe('SOPs');
    expect(await session.page.locator('html').getAttribute('lang')).toBe('en');
    // the SOP's own words are not translated
    expect(await session.page.getByTestId('lane-header').first().textContent()).toBe('Pengguna Jasa Layanan/ Masyarakat');
    await session.page.reload();
    await session.page.getByTestId('sop-page').waitFor();
    expect(await session.page.locator('.diagram-card h2').textContent()).toBe('Flowchart');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'metro-english.png') });
    await session.page.getByTestId('lang-id').click();
    expect(await session.page.locator('.diagram-card h2').textContent()).toBe('Diagram alur');
  });

  it('exports the whole diagram as PNG and as SVG', async () => {
    await openSop('metro');
    const [png] = await Promise.all([
      session.page.waitForEvent('download').catch(async (e: Error) => {
        throw new Error(
          `no PNG download: ${e.message}; export error: ${await session.page
            .getByTestId('export-error')
            .textContent({ timeout: 100 })
            .catch(() => 'none')}; session.page errors: ${session.pageErrors.join(' | ')}`,
        );
      }),
      session.page.getByTestId('export-png').click(),
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
      session.page.waitForEvent('download').catch((e: Error) => {
        throw new Error(`no SVG download: ${e.message}; session.page errors: ${session.pageErrors.join(' | ')}`);
      }),
      session.page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('sop-metro-v1.svg');
    const svgPath = join(DOWNLOADS, svg.suggestedFilename());
    await svg.saveAs(svgPath);
    const text = readFileSync(svgPath, 'utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // text wraps over <tspan> lines: compare the drawn words without the spaces between lines
    const drawn = [...text.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/\s+/g, '');
    for (const lane of sopOf('metro').lanes) expect(drawn).toContain(lane.name.replace(/&/g, '&amp;').replace(/\s+/g, ''));
    expect(text).toContain('DIAGRAM ALUR SOP PENGADUAN DAN KONSULTASI');
    expect(text).toContain('Tidak terselesaikan');
  });
});

describe('the print view', () => {
  it('lays the whole SOP document out for paper, with a flowchart per flow', async () => {
    const sop = sopOf('brebes');
    await session.page.goto(`${session.api.url}/sops/brebes/cetak`);
    await session.page.getByTestId('print-document').waitFor();
    for (const flow of flowsOf(sop)) expect(await session.page.locator(`[data-testid="print-flow-${flow.id}"] svg`).count()).toBe(1);
    const text = (await session.page.getByTestId('print-document').textContent()) ?? '';
    for (const item of sop.sections.dasarHukum) expect(text).toContain(item);
    expect(text).toContain(sop.identity.title);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'brebes-print.png'), fullPage: true });
    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('.print-bar').isVisible()).toBe(false);
    const pdf = await session.page.pdf({ landscape: true, format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers an unknown SOP with a readable message', async () => {
    await session.page.goto(`${session.api.url}/sops/tidak-ada`);
    await session.page.locator('[data-testid="not-found"][data-kind="sop"]').waitFor();
    expect(await session.page.getByTestId('not-found').textContent()).toContain('SOP "tidak-ada" tidak ditemukan.');
  });
});
