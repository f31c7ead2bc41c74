import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import type { Page } from 'playwright-core';
import { browserSession, SCREENSHOTS } from './browser';

const session = browserSession({ viewport: { width: 1600, height: 1100 }, acceptDownloads: true });

async function openEditor(id: string): Promise<void> {
  await session.page.goto(`${session.api.url}/sops/${id}/ubah`);
  await session.page.getByTestId('edit-page').waitFor();
  await session.page.locator('[data-testid="step-node"]').first().waitFor();
}

const yamlText = () => session.page.getByTestId('yaml-pane').inputValue();
const node = (stepId: string) => session.page.locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);

/** The YAML block of one step, from its `- id:` line to the next step's. */
function stepBlock(yaml: string, stepId: string): string {
  const start = yaml.indexOf(`- id: ${stepId}\n`);
  if (start < 0) throw new Error(`no step ${stepId} in the YAML`);
  const next = yaml.indexOf('\n  - id: ', start + 1);
  return yaml.slice(start, next < 0 ? undefined : next);
}

async function centre(locator: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws an arrow: from the source node's connector dot to the target node. */
async function connect(from: string, to: string): Promise<void> {
  await node(from).hover();
  const start = await centre(node(from).getByTestId('connect-handle'));
  const end = await centre(node(to));
  await session.page.mouse.move(start.x, start.y);
  await session.page.mouse.down();
  await session.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await session.page.mouse.move(end.x, end.y, { steps: 8 });
  await session.page.mouse.up();
}

describe('the SOP editor', () => {
  it('is reached from the SOP page', async () => {
    await session.page.goto(`${session.api.url}/sops/metro`);
    await session.page.getByTestId('edit-link').click();
    await session.page.getByTestId('edit-page').waitFor();
    expect(new URL(session.page.url()).pathname).toBe('/sops/metro/ubah');
    expect(await session.page.getByTestId('edit-link').count()).toBe(0);
  });

  it('moves a dragged step to the lane it is dropped in, undoes it to the exact text, and keeps the draft across a reload', async () => {
    await openEditor('metro');
    const original = await yamlText();
    expect(stepBlock(original, 'kasi-periksa')).toContain('lane: kasi\n');
    expect(await session.page.getByTestId('undo').isDisabled()).toBe(true);

    const from = await centre(node('kasi-periksa'));
    const lane = await centre(session.page.locator('[data-testid="lane-header"][data-lane-id="kabid"]'));
    await session.page.mouse.move(from.x, from.y);
    await session.page.mouse.down();
    await session.page.mouse.move((from.x + lane.x) / 2, from.y + 5, { steps: 10 });
    await session.page.mouse.move(lane.x, from.y, { steps: 10 });
    await session.page.mouse.up();

    await session.page.waitForFunction(() => (document.querySelector('[data-testid="yaml-pane"]') as HTMLTextAreaElement).value.includes('lane: kabid\n    label: Periksa pengaduan\n    activity: Pengaduan naik ke Kasi'));
    const moved = await yamlText();
    expect(stepBlock(moved, 'kasi-periksa')).toContain('lane: kabid\n');
    expect(stepBlock(moved, 'kasi-periksa')).not.toContain('lane: kasi\n');
    // only that line changed
    expect(moved.split('\n').filter((l, i) => l !== original.split('\n')[i])).toEqual(['    lane: kabid']);
    expect(await node('kasi-periksa').getAttribute('data-lane')).toBe('kabid');
    expect(await session.page.getByTestId('undo').getAttribute('title')).toBe('Urungkan: Pindahkan langkah "kasi-periksa" ke lajur "kabid" (Ctrl+Z)');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-drag-lane.png') });

    await session.page.getByTestId('undo').click();
    expect(await yamlText()).toBe(original);
    expect(await node('kasi-periksa').getAttribute('data-lane')).toBe('kasi');
    expect(await session.page.getByTestId('redo').getAttribute('title')).toContain('Pindahkan langkah "kasi-periksa"');

    // the keyboard: Ctrl+Shift+Z redoes, Ctrl+Z undoes
    await session.page.locator('.edit-toolbar').click({ position: { x: 2, y: 2 } });
    await session.page.keyboard.press('Control+Shift+Z');
    expect(await yamlText()).toBe(moved);
    await session.page.keyboard.press('Control+Z');
    expect(await yamlText()).toBe(original);
    await session.page.keyboard.press('Control+Shift+Z');
    expect(await yamlText()).toBe(moved);

    // the draft survives a reload, and is discarded on request
    await session.page.reload();
    await session.page.getByTestId('edit-page').waitFor();
    expect(await yamlText()).toBe(moved);
    expect(await session.page.getByTestId('draft-state').textContent()).toContain('Draf tersimpan');
    await session.page.getByTestId('discard-draft').click();
    expect(await yamlText()).toBe(original);
    await session.page.reload();
    await session.page.getByTestId('edit-page').waitFor();
    expect(await yamlText()).toBe(original);
  });

  it('shows a located error when an arrow leaves an end step, marks the node, and selects it from the problems list', async () => {
    await openEditor('metro');
    expect(await session.page.getByTestId('problems').getAttribute('data-valid')).toBe('true');
    await connect('ditolak', 'kasi-periksa');
    await session.page.waitForFunction(() => (document.querySelector('[data-testid="yaml-pane"]') as HTMLTextAreaElement).value.includes('next: kasi-periksa'));
    expect(stepBlock(await yamlText(), 'ditolak')).toContain('next: kasi-periksa');
    const problem = session.page.locator('[data-testid="problem"][data-step-id="ditolak"]').first();
    await problem.waitFor();
    expect(await session.page.getByTestId('problems').getAttribute('data-valid')).toBe('false');
    const text = (await problem.textContent()) ?? '';
    expect(text).toMatch(/^\d+:\d+ \S/);
    // the line given is the line of the new arrow in the pane
    const line = Number(/^(\d+):/.exec(text)![1]);
    expect((await yamlText()).split('\n')[line - 1]).toContain('kasi-periksa');
    expect(await node('ditolak').getAttribute('data-issue')).toBe('error');
    expect(await node('ditolak').getByTestId('node-issue').count()).toBe(1);
    await problem.click();
    expect(await node('ditolak').getAttribute('data-selected')).toBe('true');
    expect(await session.page.getByTestId('properties-panel').getAttribute('data-step-id')).toBe('ditolak');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-invalid-edge.png') });

    await session.page.getByTestId('undo').click();
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');
    expect(await node('ditolak').getAttribute('data-issue')).toBeNull();
  });

  it('asks a decision for the label of the outcome an arrow stands for', async () => {
    await openEditor('metro');
    await connect('kasi-periksa', 'penyelesaian');
    await session.page.getByTestId('outcome-dialog').waitFor();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-outcome-dialog.png') });
    await session.page.getByTestId('outcome-label').fill('Langsung selesai');
    await session.page.getByTestId('outcome-ok').click();
    await session.page.waitForFunction(() => (document.querySelector('[data-testid="yaml-pane"]') as HTMLTextAreaElement).value.includes('Langsung selesai'));
    expect(stepBlock(await yamlText(), 'kasi-periksa')).toMatch(/id: langsung-selesai, label: Langsung selesai, to: penyelesaian/);
    expect(await session.page.getByTestId('edge-label').allTextContents()).toContain('Langsung selesai');
  });

  it('follows the YAML pane: an edit redraws the diagram, and an error is located', async () => {
    await openEditor('metro');
    const original = await yamlText();
    const pane = session.page.getByTestId('yaml-pane');
    await pane.fill(original.replace('    next: petugas-periksa\n', '    next: tidak-ada\n'));
    const problem = session.page.locator('[data-testid="problem"][data-step-id="laporan"]').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^\d+:\d+ .*tidak-ada/);
    await pane.fill(original);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');
  });

  it('edits a step in the properties panel, refuses an invalid SOP with located issues, and publishes a new version', async () => {
    await openEditor('metro');
    const original = await yamlText();
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 1');

    // an invalid SOP is refused by the API with located issues
    await session.page.getByTestId('yaml-pane').fill(original.replace('    next: petugas-periksa\n', '    next: tidak-ada\n'));
    await session.page.locator('[data-testid="problem"][data-step-id="laporan"]').first().waitFor();
    await session.page.getByTestId('save').click();
    await session.page.getByTestId('save-note').fill('percobaan');
    await session.page.getByTestId('save-username').fill('metro.penyusun');
    await session.page.getByTestId('save-password').fill(DEMO_PASSWORD);
    await session.page.getByTestId('save-submit').click();
    await session.page.getByTestId('save-issue').first().waitFor();
    expect(await session.page.getByTestId('save-issue').first().textContent()).toMatch(/^\d+:\d+ .*tidak-ada/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-save-refused.png') });
    await session.page.getByRole('button', { name: 'Batal' }).click();
    await session.page.getByTestId('yaml-pane').fill(original);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');

    // the properties panel
    await node('kasi-periksa').click();
    const panel = session.page.getByTestId('properties-panel');
    expect(await panel.getAttribute('data-step-id')).toBe('kasi-periksa');
    expect(await session.page.getByTestId('prop-waktu').inputValue()).toBe('1 hari');
    await session.page.getByTestId('prop-waktu').fill('2 hari');
    await session.page.getByTestId('prop-apply').click();
    await session.page.waitForFunction(() => (document.querySelector('[data-testid="yaml-pane"]') as HTMLTextAreaElement).value !== '');
    const edited = await yamlText();
    expect(stepBlock(edited, 'kasi-periksa')).toContain('waktu: 2 hari');
    expect(edited.split('\n').filter((l, i) => l !== original.split('\n')[i])).toEqual(['    waktu: 2 hari']);
    expect(await session.page.getByTestId('undo').getAttribute('title')).toContain('Ubah waktu langkah "kasi-periksa"');

    // published by the regency's author, logged in already (the token is kept for the tab)
    await session.page.getByTestId('save').click();
    expect(await session.page.locator('.edit-session').textContent()).toContain('metro.penyusun');
    await session.page.getByTestId('save-note').fill('Waktu pemeriksaan Kasi menjadi 2 hari');
    await session.page.getByTestId('save-submit').click();
    await session.page.getByTestId('save-result').waitFor();
    expect(await session.page.getByTestId('save-result').textContent()).toBe('Tersimpan sebagai versi 2.');
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 2');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-saved.png') });

    await session.page.reload();
    await session.page.getByTestId('edit-page').waitFor();
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 2');
    expect(await session.page.getByTestId('draft-state').textContent()).toBe('Belum ada perubahan.');
    expect(await yamlText()).toBe(edited);
    const latest = (await (await fetch(`${session.api.url}/api/sops/metro`)).json()) as { version: number; changeNote: string; publishedBy: string; yaml: string };
    expect(latest.version).toBe(2);
    expect(latest.changeNote).toBe('Waktu pemeriksaan Kasi menjadi 2 hari');
    expect(latest.publishedBy).toBe('metro.penyusun');
    expect(latest.yaml).toBe(edited);
  });
});
