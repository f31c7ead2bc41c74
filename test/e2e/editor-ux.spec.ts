import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySops, ROOT } from '../../apps/api/test/api-harness';
import { browserSession, DOWNLOADS, SCREENSHOTS } from './browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateLargeSop } = require(join(ROOT, 'scripts/generate-large-sop.js')) as { generateLargeSop: (o: { steps: number; lanes: number }) => string };

// What authors and operators asked for (issue 11): the Keterangan column, a printed drawing with no
// text cut off, a readable drawing on opening even at 300 steps, a new step where the author looks,
// and a kartu kendali that says why a line is late. The seeds and a generated 300-step SOP ("besar").
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1440, height: 1000 },
  env: () => {
    sopsDir = copySops();
    writeFileSync(join(sopsDir, 'besar.yaml'), generateLargeSop({ steps: 300, lanes: 8 }));
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;
const SEEDS = ['brebes', 'buleleng', 'lumajang', 'metro', 'pekanbaru'];

/** The zoom React Flow draws the diagram at, from the viewport's transform. */
async function zoom(): Promise<number> {
  const transform = await page()
    .locator('[data-testid="diagram"] .react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)![1]);
}

/** A step label's font size on screen, in CSS pixels (its size on the sheet times the zoom). */
async function stepTextPx(): Promise<number> {
  const size = await page()
    .locator('[data-testid="diagram"] .step-label')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return size * (await zoom());
}

async function waitForView(): Promise<void> {
  await page().locator('[data-testid="step-node"]').first().waitFor();
  // the readable view is set on the next frame once the pane has a size
  await page().waitForFunction(() => {
    const t = document.querySelector<HTMLElement>('[data-testid="diagram"] .react-flow__viewport')?.style.transform ?? '';
    return /translate\(\s*[\d.]+px,\s*12px\)/.test(t);
  });
}

describe('the Keterangan column', () => {
  it('is drawn after Mutu Baku in the SOP page, the editor and the print view, with the SOP’s words', async () => {
    const words = 'Apabila keluhan/pengaduan selesai, maka admin merekap keluhan/pengaduan';
    for (const path of ['/sops/brebes', '/sops/brebes/ubah']) {
      await page().goto(session.api.url + path);
      await page().locator('[data-testid="step-node"]').first().waitFor();
      const headers = await page()
        .locator('[data-testid^="column-header-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(headers.slice(-4)).toEqual(['column-header-kelengkapan', 'column-header-waktu', 'column-header-output', 'column-header-keterangan']);
      await expect(page().getByTestId('keterangan').first().textContent()).resolves.toBe(words);
    }
    await page().goto(`${session.api.url}/sops/brebes/cetak`);
    await page().getByTestId('print-document').waitFor();
    const svg = await page().getByTestId('print-flow-main').innerHTML();
    expect(svg).toContain('>Keterangan</tspan>');
    expect(svg).toContain('Apabila keluhan/pengaduan');
  });
});

describe('the print view', () => {
  it('cuts no text: every label, lane name and Mutu Baku cell stays inside its box on paper', async () => {
    await page().emulateMedia({ media: 'print' });
    for (const id of [...SEEDS, 'besar']) {
      await page().goto(`${session.api.url}/sops/${id}/cetak`);
      await page().getByTestId('print-document').waitFor();
      const result = await page().evaluate(() => {
        const out: string[] = [];
        let checked = 0;
        for (const text of Array.from(document.querySelectorAll<SVGTextElement>('.print-svg svg text[data-box]'))) {
          const [x, y, w, h] = text.getAttribute('data-box')!.split(' ').map(Number);
          const b = text.getBBox();
          checked++;
          // 2 px of slack: a glyph's ascent may reach just above the line box it is set in
          if (b.x < x - 2 || b.y < y - 2 || b.x + b.width > x + w + 2 || b.y + b.height > y + h + 2)
            out.push(`${text.textContent}: ${[b.x, b.y, b.width, b.height].map(Math.round).join(' ')} outside ${[x, y, w, h].join(' ')}`);
        }
        // the HTML around the drawing (identity, sections, service standard) clips nothing either
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('.print-doc *'))) {
          if (el.closest('svg') || !el.clientWidth) continue;
          const style = getComputedStyle(el);
          if (style.overflow === 'visible' && style.textOverflow !== 'ellipsis') continue;
          if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(`${el.className}: ${el.textContent.slice(0, 60)}`);
        }
        return { out, checked };
      });
      expect(result.checked).toBeGreaterThan(50);
      expect({ id, clipped: result.out }).toEqual({ id, clipped: [] });
      // each printed page fits A4 landscape at the paper's width: a long flow is not shrunk onto one page
      const pages = await page()
        .locator('.print-sheet > svg')
        .evaluateAll((svgs) => svgs.map((s) => (s as SVGSVGElement).viewBox.baseVal).map((v) => v.height / Math.max(v.width, 1047)));
      for (const ratio of pages) expect(ratio).toBeLessThanOrEqual(190 / 277);
      if (id === 'besar') {
        expect(pages.length).toBeGreaterThan(10);
        await page()
          .locator('[data-testid="print-sheet"]')
          .nth(1)
          .screenshot({ path: join(SCREENSHOTS, 'editor-ux-print-besar-page-2.png') });
        await page().pdf({ path: join(DOWNLOADS, 'editor-ux-besar.pdf'), format: 'A4', landscape: true, printBackground: true });
      }
    }
    await page().goto(`${session.api.url}/sops/metro/cetak`);
    await page().getByTestId('print-document').waitFor();
    await page().pdf({ path: join(DOWNLOADS, 'editor-ux-metro.pdf'), format: 'A4', landscape: true, printBackground: true });
    await page().screenshot({ path: join(SCREENSHOTS, 'editor-ux-print-metro.png'), fullPage: true });
  });

  it('draws a step label longer than its symbol whole, in smaller type, instead of dropping lines', async () => {
    await page().goto(`${session.api.url}/sops/pekanbaru/cetak`);
    await page().getByTestId('print-document').waitFor();
    const labels = await page()
      .locator('.print-svg svg text[data-box]')
      .evaluateAll((els) => els.map((e) => ({ lines: e.querySelectorAll('tspan').length, size: Number(e.getAttribute('font-size')) })));
    // at least one symbol needs four lines or more: it is drawn in full
    expect(labels.some((l) => l.lines >= 4)).toBe(true);
  });
});

describe('the drawing opens readable', () => {
  it('at 300 steps: step labels at 11 px or more on screen, the header band at the top, the rest by panning', async () => {
    for (const path of ['/sops/besar', '/sops/besar/ubah']) {
      await page().goto(session.api.url + path);
      await waitForView();
      expect(await stepTextPx()).toBeGreaterThanOrEqual(11);
      // the first lane's header is on screen, at the top of the pane
      const pane = (await page().getByTestId('diagram').boundingBox())!;
      const header = (await page().locator('[data-testid="lane-header"]').first().boundingBox())!;
      expect(header.y).toBeGreaterThanOrEqual(pane.y);
      expect(header.y).toBeLessThan(pane.y + 40);
      await page()
        .getByTestId('diagram')
        .screenshot({ path: join(SCREENSHOTS, `editor-ux-besar${path.endsWith('ubah') ? '-editor' : ''}.png`) });
    }
  });

  it('at 300 steps the editor has only the steps in view in the page, and draws the others as the author pans to them', async () => {
    await page().goto(`${session.api.url}/sops/besar/ubah`);
    await waitForView();
    const drawn = () =>
      page()
        .locator('[data-testid="step-node"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-step-id')));
    const atOpen = await drawn();
    expect(atOpen).toContain('langkah-1');
    expect(atOpen.length).toBeLessThan(30);
    expect(atOpen).not.toContain('langkah-300');
    const pane = (await page().getByTestId('diagram').boundingBox())!;
    const inPane = async () => {
      for (const box of await page()
        .locator('[data-testid="step-node"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.bottom).toBeGreaterThan(pane.y);
        expect(box.top).toBeLessThan(pane.y + pane.height);
      }
    };
    await inPane();
    // pan down the sheet (drag the pane up, three times): the steps now in view are drawn, the first no longer
    const cx = pane.x + pane.width / 2;
    for (let i = 0; i < 3; i++) {
      await page().mouse.move(cx, pane.y + pane.height - 30);
      await page().mouse.down();
      await page().mouse.move(cx, pane.y + 30, { steps: 6 });
      await page().mouse.up();
    }
    await page().waitForFunction(() => !document.querySelector('[data-testid="step-node"][data-step-id="langkah-1"]'));
    const panned = await drawn();
    expect(panned.filter((id) => !atOpen.includes(id)).length).toBeGreaterThan(0);
    await inPane();
    // the whole SOP was checked in the worker: the generated SOP is valid
    await page().locator('[data-testid="problems"][data-valid="true"]:not([data-checking])').waitFor();
  });

  it('for every seed on the SOP page', async () => {
    for (const id of SEEDS) {
      await page().goto(`${session.api.url}/sops/${id}`);
      await waitForView();
      expect({ id, px: (await stepTextPx()) >= 11 }).toEqual({ id, px: true });
    }
  });
});

describe('a new step in the editor', () => {
  it('goes where the author is looking: the lane and row under the centre of the view, not the end of the flow', async () => {
    await page().goto(`${session.api.url}/sops/besar/ubah`);
    await page().getByTestId('edit-page').waitFor();
    await waitForView();
    // pan down the sheet by dragging the pane
    const pane = (await page().getByTestId('diagram').boundingBox())!;
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    await page().mouse.move(cx + 20, pane.y + pane.height - 40);
    await page().mouse.down();
    await page().mouse.move(cx + 20, pane.y + 200, { steps: 8 });
    await page().mouse.move(cx + 20, pane.y + 60, { steps: 4 });
    await page().mouse.up();
    // the lane and the step row under the centre of the pane, as drawn
    const under = await page().evaluate(
      ({ x, y }) => {
        const lane = Array.from(document.querySelectorAll('[data-testid="lane-header"]')).find((h) => {
          const r = h.getBoundingClientRect();
          return x >= r.left && x < r.right;
        });
        // the step rows by their number (step N of the generated SOP is numbered N, a row of its own): the
        // sheet draws every row, the editor only the step symbols in view
        const rows = Array.from(document.querySelectorAll('.sheet-number')).map((cell) => ({
          id: `langkah-${cell.textContent}`,
          r: cell.getBoundingClientRect(),
        }));
        const above = rows.filter((s) => s.r.top + s.r.height / 2 <= y).sort((a, b) => b.r.top - a.r.top);
        return { lane: lane?.getAttribute('data-lane-id') ?? null, above: above[0]?.id ?? null };
      },
      { x: cx, y: cy },
    );
    expect(under.lane).not.toBeNull();
    expect(under.above).not.toBeNull();
    expect(under.above).not.toBe('langkah-1');
    await page().getByTestId('add-step').click();
    const dialog = page().getByTestId('add-step-dialog');
    await expect(dialog.getByTestId('add-step-lane').inputValue()).resolves.toBe(under.lane);
    const after = await dialog.getByTestId('add-step-position').inputValue();
    expect(Math.abs(Number(after.replace('langkah-', '')) - Number(under.above.replace('langkah-', '')))).toBeLessThanOrEqual(1);
    await dialog.getByTestId('add-step-activity').fill('Memeriksa berkas tambahan');
    await dialog.getByTestId('add-step-ok').click();
    // the new step is drawn in view, near the centre of the pane, in the lane under it
    const added = page().locator('[data-testid="step-node"][data-step-id="memeriksa-berkas-tambahan"]');
    await added.waitFor();
    const box = (await added.boundingBox())!;
    expect(box.y).toBeGreaterThan(pane.y);
    expect(box.y + box.height).toBeLessThan(pane.y + pane.height);
    expect(Math.abs(box.y + box.height / 2 - cy)).toBeLessThan(pane.height / 3);
    expect(box.x).toBeLessThanOrEqual(cx);
    expect(box.x + box.width).toBeGreaterThanOrEqual(cx - 120);
    await page()
      .getByTestId('diagram')
      .screenshot({ path: join(SCREENSHOTS, 'editor-ux-new-step.png') });
  });
});

describe('the simulator’s kartu kendali', () => {
  it('says why "13 jam 30 menit / 1 hari" is late: 1 hari is a calendar day, the deadline, and by how much', async () => {
    await page().goto(`${session.api.url}/sops/metro/simulasi`);
    await page().getByTestId('sim-page').waitFor();
    // Monday 23 November 2026, 09:00 WIB
    await page().getByTestId('sim-start-input').fill('2026-11-23T09:00');
    await page().getByTestId('sim-restart').click();
    await page().getByTestId('sim-jump-deadline').click();
    const row = page().locator('[data-testid="kartu-row"][data-event="EXPIRE"]');
    await row.waitFor();
    expect(await row.getAttribute('data-over')).toBe('true');
    await expect(row.getByTestId('kartu-spent').textContent()).resolves.toBe('13 jam 30 menit / 1 hari');
    const reason = (await row.getByTestId('kartu-late-reason').textContent()) ?? '';
    expect(reason).toContain('"1 hari" adalah waktu kalender, bukan jam kerja');
    expect(reason).toMatch(/Batas Sel, 24 Nov 2026,? 16\.00; tercatat Sel, 24 Nov 2026,? 16\.01 → terlambat 1 menit\.$/);
    await expect(row.getByTestId('kartu-due').textContent()).resolves.toMatch(/^Sel, 24 Nov 2026,? 16\.00$/);
    // lines on time say nothing of the kind
    expect(await page().locator('[data-testid="kartu-row"][data-over="false"] [data-testid="kartu-late-reason"]').count()).toBe(0);
    await page()
      .getByTestId('sim-kartu')
      .screenshot({ path: join(SCREENSHOTS, 'editor-ux-kartu-late.png') });
  });
});
