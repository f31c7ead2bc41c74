import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import type { Page } from 'playwright-core';
import { approveVersion, browserSession, fitWholeSheet, SCREENSHOTS } from './browser';

const session = browserSession({ viewport: { width: 1600, height: 1100 }, acceptDownloads: true });

async function openEditor(id: string): Promise<void> {
  await session.page.goto(`${session.api.url}/sops/${id}/ubah`);
  await session.page.getByTestId('edit-page').waitFor();
  await session.page.locator('[data-testid="step-node"]').first().waitFor();
  // the text opened is validated in a worker: its verdict follows the drawing
  await session.page.locator('[data-testid="problems"]:not([data-checking])').waitFor();
  // the editor opens readable at the top of the sheet: these tests drag and connect across all of it
  await fitWholeSheet(session.page);
}

// the pane is CodeMirror, which renders only the visible lines: read the whole text through its hook
const yamlText = () => session.page.getByTestId('yaml-pane').evaluate((el) => (el as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText());
/** Replaces the pane's text as typing would (select all, insert), without the editor's auto-indent. */
async function setYaml(text: string) {
  await session.page.locator('[data-testid="yaml-pane"] .cm-content').click();
  await session.page.keyboard.press('Control+A');
  await session.page.keyboard.insertText(text);
}
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
    // a screen reader names each arrow in the page's language (React Flow's own is English)
    const arrow = session.page.locator('.react-flow__edge[data-id^="laporan->"]').first();
    await arrow.waitFor({ state: 'attached' });
    expect(await arrow.getAttribute('aria-label')).toMatch(/^Alur dari langkah laporan ke langkah [a-z-]+$/);
    expect(await arrow.getAttribute('aria-roledescription')).toBe('panah alur');
    // and says what a step's node is, and the sheet's
    expect(await session.page.locator('.react-flow__node[data-id="laporan"]').getAttribute('aria-roledescription')).toBe('langkah');
    const sheet = session.page.locator('.react-flow__node[data-id="__sheet"]');
    expect([await sheet.getAttribute('role'), await sheet.getAttribute('aria-roledescription')]).toEqual(['group', 'lembar SOP']);
    expect(await session.page.locator('.react-flow__node[aria-roledescription="node"]').count()).toBe(0);
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

    await session.page.waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('lane: kabid\n    label: Periksa pengaduan\n    activity: Pengaduan naik ke Kasi'),
    );
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
    await session.page.waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('next: kasi-periksa'),
    );
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
    await session.page.waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText().includes('Langsung selesai'),
    );
    expect(stepBlock(await yamlText(), 'kasi-periksa')).toMatch(/id: langsung-selesai, label: Langsung selesai, to: penyelesaian/);
    expect(await session.page.getByTestId('edge-label').allTextContents()).toContain('Langsung selesai');
  });

  it('follows typing inside a value at once; the full validation (in a worker) then locates what the typing broke, and undo restores it', async () => {
    await openEditor('metro');
    const original = await yamlText();
    /** Puts the pane's cursor after the first occurrence of `needle` (through CodeMirror's view, as the bench does). */
    const cursorAfter = (needle: string) =>
      session.page.evaluate((needle) => {
        const content = document.querySelector('[data-testid="yaml-pane"] .cm-content') as HTMLElement & {
          cmTile: { root: { view: { state: { doc: { toString(): string } }; focus(): void; dispatch(spec: unknown): void } } };
        };
        const view = content.cmTile.root.view;
        view.focus();
        view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf(needle) + needle.length } });
      }, needle);
    // a label typed letter by letter: the node follows
    await cursorAfter('    label: Mulai');
    await session.page.keyboard.type(' lapor');
    await session.page.waitForFunction(() => document.querySelector('[data-testid="step-node"][data-step-id="laporan"]')?.textContent.includes('Mulai lapor'));
    expect(await session.page.getByTestId('problems').getAttribute('data-valid')).toBe('true');
    // a reference typed wrong: the problem comes with its line and column, on the step
    await cursorAfter('    next: petugas-periksa');
    await session.page.keyboard.type('x');
    const problem = session.page.locator('[data-testid="problem"][data-step-id="laporan"]').first();
    await problem.waitFor();
    expect(await session.page.getByTestId('problems').getAttribute('data-valid')).toBe('false');
    const text = (await problem.textContent()) ?? '';
    expect(text).toMatch(/^\d+:\d+ .*petugas-periksax/);
    expect((await yamlText()).split('\n')[Number(/^(\d+):/.exec(text)![1]) - 1]).toBe('    next: petugas-periksax');
    expect(await node('laporan').getAttribute('data-issue')).toBe('error');
    // undo: the text before the typing, valid again
    await session.page.getByTestId('undo').click();
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');
    await session.page.waitForFunction(
      (text) => (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText() === text,
      original,
    );
    expect(await node('laporan').textContent()).not.toContain('lapor');
  });

  it('follows the YAML pane: an edit redraws the diagram, and an error is located', async () => {
    await openEditor('metro');
    const original = await yamlText();
    await setYaml(original.replace('    next: petugas-periksa\n', '    next: tidak-ada\n'));
    const problem = session.page.locator('[data-testid="problem"][data-step-id="laporan"]').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^\d+:\d+ .*tidak-ada/);
    // choosing the problem selects its line in the pane, marked in the gutter
    await problem.click();
    await session.page.locator('[data-testid="yaml-pane"] .cm-lint-marker-error').first().waitFor();
    expect(await session.page.locator('[data-testid="yaml-pane"] .cm-activeLine').textContent()).toContain('next: tidak-ada');
    // a quote never closed: the last readable diagram stays, and the problem says in Indonesian where the text opens
    await setYaml(original.replace('    activity: Laporan Pengaduan/', '    activity: "Laporan Pengaduan/'));
    await session.page.getByTestId('unreadable').waitFor();
    const quote = session.page.getByTestId('problem').filter({ hasText: 'tidak ditutup' });
    await quote.waitFor();
    expect(await session.page.getByTestId('problem').count()).toBe(1);
    // located at the opening quote: the activity's line, after "    activity: "
    const line = original.split('\n').findIndex((l) => l.startsWith('    activity: Laporan Pengaduan/')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(await quote.textContent()).toBe(`${line}:15 YAML: teks ini dibuka dengan " tetapi tidak ditutup: tambahkan " penutup di akhir teksnya`);
    expect(await node('laporan').count()).toBe(1);
    await setYaml(original);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');
  });

  it('completes keys and values from the SOP language in the YAML pane', async () => {
    await openEditor('metro');
    const original = await yamlText();
    // the first step, then a new key being typed on a new line of it
    const cut = original.indexOf('\n\n  - id: petugas-periksa');
    await setYaml(`${original.slice(0, cut)}\n    on`);
    const options = session.page.locator('.cm-tooltip-autocomplete li');
    await session.page.keyboard.press('Control+Space');
    await options.first().waitFor();
    // only the step's properties not yet written that start with "on"
    expect(await options.allTextContents()).toEqual([expect.stringMatching(/^onTimeout/)]);
    // the language's note on the chosen key, in the page's language
    const info = session.page.locator('.cm-completionInfo');
    await info.waitFor();
    expect(await info.textContent()).toMatch(/^Apa yang terjadi bila Waktu langkah terlewati\. flag: kasus tetap di tempatnya/);
    // CodeMirror ignores Enter for a moment after the list opens (so a fast typist does not pick by accident): choose by clicking
    await options.first().click();
    await session.page.keyboard.type('ac');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual([expect.stringMatching(/^action/)]);
    await options.first().click();
    await session.page.keyboard.press('Control+Space');
    await session.page.locator('.cm-tooltip-autocomplete li', { hasText: 'escalate' }).waitFor();
    expect(await options.allTextContents()).toEqual(['flag', 'escalate', 'complete', 'choose']);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-yaml-completion.png') });
    await session.page.locator('.cm-tooltip-autocomplete li', { hasText: 'escalate' }).click();
    expect(await yamlText()).toMatch(/    next: petugas-periksa\n    onTimeout:\n      action: escalate$/);
    await setYaml(original);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');
  });

  it('edits a step in the properties panel, refuses an invalid SOP with located issues, and publishes a new version', async () => {
    await openEditor('metro');
    const original = await yamlText();
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 1');

    // an invalid SOP is refused by the API with located issues
    await setYaml(original.replace('    next: petugas-periksa\n', '    next: tidak-ada\n'));
    await session.page.locator('[data-testid="problem"][data-step-id="laporan"]').first().waitFor();
    await session.page.getByTestId('save').click();
    await session.page.getByTestId('save-note').fill('percobaan');
    await session.page.getByTestId('save-username').fill('metro.penyusun');
    // a wrong password is said in the page's language (the API's English before)
    await session.page.getByTestId('save-password').fill('bukan-kata-sandinya');
    await session.page.getByTestId('save-submit').click();
    const refusal = session.page.getByTestId('save-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('Gagal masuk: Anda belum masuk, sesi Anda berakhir, atau nama pengguna/kata sandi salah.');
    await session.page.getByTestId('save-password').fill(DEMO_PASSWORD);
    await session.page.getByTestId('save-submit').click();
    await session.page.getByTestId('save-issue').first().waitFor();
    expect(await session.page.getByTestId('save-issue').first().textContent()).toMatch(/^\d+:\d+ .*tidak-ada/);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-save-refused.png') });
    await session.page.getByRole('button', { name: 'Batal' }).click();
    await setYaml(original);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');

    // the properties panel
    await node('kasi-periksa').click();
    const panel = session.page.getByTestId('properties-panel');
    expect(await panel.getAttribute('data-step-id')).toBe('kasi-periksa');
    expect(await session.page.getByTestId('prop-waktu').inputValue()).toBe('1 hari');
    await session.page.getByTestId('prop-waktu').fill('2 hari');
    await session.page.getByTestId('prop-waktu').press('Enter');
    await session.page.waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText().includes('waktu: 2 hari'),
    );
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
    // a proposal for Metro's signer (ADR 0025; test/e2e/approval.spec.ts follows it to the signer)
    expect(await session.page.getByTestId('save-result').textContent()).toBe('Diusulkan sebagai versi 2: menunggu persetujuan pengesah (Kepala Dinas).');
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 2');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-saved.png') });

    await session.page.reload();
    await session.page.getByTestId('edit-page').waitFor();
    expect(await session.page.getByTestId('edit-version').textContent()).toBe('Versi 2');
    expect(await session.page.getByTestId('draft-state').textContent()).toBe('Belum ada perubahan.');
    expect(await yamlText()).toBe(edited);
    await approveVersion(session.api.url, 'metro', 2);
    const latest = (await (await fetch(`${session.api.url}/api/sops/metro`)).json()) as {
      version: number;
      changeNote: string;
      publishedBy: string;
      yaml: string;
    };
    expect(latest.version).toBe(2);
    expect(latest.changeNote).toBe('Waktu pemeriksaan Kasi menjadi 2 hari');
    expect(latest.publishedBy).toBe('metro.penyusun');
    expect(latest.yaml).toBe(edited);
  });
});

describe('the SOP editor’s editing controls', () => {
  const undoTitle = () => session.page.getByTestId('undo').getAttribute('title');
  const waitForYaml = (includes: string, present = true) =>
    session.page.waitForFunction(
      ([text, want]) =>
        (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText().includes(text as string) ===
        want,
      [includes, present] as const,
    );
  const undo = () => session.page.getByTestId('undo').click();
  /** The YAML pane once it shows `expected` (the pane follows the command stack after the click, not within it). */
  const yamlOnceItIs = async (expected: string) => {
    await session.page
      .waitForFunction(
        (text) => (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText() === text,
        expected,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    return yamlText();
  };
  const laneHeader = (laneId: string) => session.page.locator(`[data-testid="lane-header"][data-lane-id="${laneId}"]`);
  const laneRow = (laneId: string) => session.page.locator(`[data-testid="lane-row"][data-lane-id="${laneId}"]`);
  /** The lines of `after` that differ from `before` (for edits that change lines in place). */
  const changedLines = (before: string, after: string) => after.split('\n').filter((l, i) => l !== before.split('\n')[i]);

  it('adds a step after the selected one, shows it in the diagram and the YAML, deletes it with the Delete key, and undoes each', async () => {
    await openEditor('metro');
    const original = await yamlText();
    await node('kasi-periksa').click();
    expect(await session.page.getByTestId('selection').textContent()).toBe('Terpilih: 4. Periksa pengaduan (baris 5)');

    await session.page.getByTestId('add-step').click();
    const dialog = session.page.getByTestId('add-step-dialog');
    // after the selected step, in its lane, a task unless chosen otherwise
    expect(await dialog.getByTestId('add-step-position').inputValue()).toBe('kasi-periksa');
    expect(await dialog.getByTestId('add-step-lane').inputValue()).toBe('kasi');
    expect(await dialog.getByTestId('add-step-kind').inputValue()).toBe('task');
    expect(await dialog.getByTestId('add-step-kind').locator('option').allTextContents()).toEqual(['Kegiatan', 'Keputusan', 'Mulai', 'Selesai']);
    await dialog.getByTestId('add-step-activity').fill('Membuat laporan tindak lanjut');
    await dialog.getByTestId('add-step-number').fill('4a');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-add-step-dialog.png') });
    await dialog.getByTestId('add-step-ok').click();

    const added = node('membuat-laporan-tindak-lanjut');
    await added.waitFor();
    expect(await added.getAttribute('data-lane')).toBe('kasi');
    expect(await added.getAttribute('data-kind')).toBe('task');
    const yaml = await yamlText();
    expect(yaml.indexOf('- id: membuat-laporan-tindak-lanjut')).toBeGreaterThan(yaml.indexOf('- id: kasi-periksa'));
    expect(yaml.indexOf('- id: membuat-laporan-tindak-lanjut')).toBeLessThan(yaml.indexOf('- id: kabid-periksa'));
    expect(stepBlock(yaml, 'membuat-laporan-tindak-lanjut')).toContain(
      'number: 4a\n    kind: task\n    lane: kasi\n    label: null\n    activity: Membuat laporan tindak lanjut',
    );
    // the new step is selected, and the problems list says it is not connected yet
    expect(await session.page.getByTestId('properties-panel').getAttribute('data-step-id')).toBe('membuat-laporan-tindak-lanjut');
    await session.page.locator('[data-testid="problem"][data-step-id="membuat-laporan-tindak-lanjut"]').first().waitFor();
    expect(await added.getAttribute('data-issue')).not.toBeNull();
    expect(await undoTitle()).toBe('Urungkan: Tambah langkah kegiatan "Membuat laporan tindak lanjut" di lajur "kasi" (Ctrl+Z)');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-add-step.png') });

    // Delete on the selected node asks first, then deletes it
    await added.click();
    await session.page.keyboard.press('Delete');
    const confirm = session.page.getByTestId('delete-step-dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Tidak ada panah yang menuju langkah ini.');
    await confirm.getByTestId('delete-step-ok').click();
    await waitForYaml('membuat-laporan-tindak-lanjut', false);
    expect(await yamlText()).toBe(original);
    expect(await added.count()).toBe(0);
    expect(await undoTitle()).toBe('Urungkan: Hapus langkah "membuat-laporan-tindak-lanjut" (Ctrl+Z)');

    await undo();
    await added.waitFor();
    expect(await yamlText()).toBe(yaml);
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
    expect(await added.count()).toBe(0);
  });

  it('deletes a step others lead to, bridging the gap when asked, says what went with it, and undoes it', async () => {
    await openEditor('metro');
    const original = await yamlText();
    await node('kadis-periksa').click();
    await session.page.getByTestId('delete-step').click();
    const confirm = session.page.getByTestId('delete-step-dialog');
    expect(await confirm.getByTestId('delete-step-arrows').locator('li').allTextContents()).toEqual([
      '6. Periksa pengaduan → kadis-periksa (Tidak terselesaikan)',
    ]);
    await confirm.getByTestId('delete-step-reconnect').check();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-delete-step.png') });
    await confirm.getByTestId('delete-step-ok').click();
    await waitForYaml('- id: kadis-periksa', false);
    expect(stepBlock(await yamlText(), 'sekretaris-periksa')).toContain(
      '{ id: tidak-terselesaikan, label: Tidak terselesaikan, to: penyelesaian, kind: escalation, provenance: { status: inferred,',
    );
    expect(await session.page.getByTestId('command-effects').textContent()).toContain(
      'alur dari "sekretaris-periksa" kini menuju "penyelesaian", bukan "kadis-periksa"',
    );
    expect(await node('kadis-periksa').count()).toBe(0);
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
    await node('kadis-periksa').waitFor();
  });

  it('moves the selected step up and down the rows, and undoes it', async () => {
    await openEditor('metro');
    const original = await yamlText();
    await node('laporan').click();
    expect(await session.page.getByTestId('move-step-up').isDisabled()).toBe(true);
    await node('ditolak').click();
    expect(await session.page.getByTestId('selection').textContent()).toBe('Terpilih: 2. Ditolak (baris 3)');
    const before = (await node('ditolak').boundingBox())!.y;
    await session.page.getByTestId('move-step-down').click();
    await session.page.waitForFunction(() => {
      const y = (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText();
      return y.indexOf('- id: ditolak') > y.indexOf('- id: tim-teknis');
    });
    expect(await session.page.getByTestId('selection').textContent()).toBe('Terpilih: 2. Ditolak (baris 4)');
    expect(await undoTitle()).toBe('Urungkan: Pindahkan langkah "ditolak" ke baris 4 (Ctrl+Z)');
    // the row moved in the diagram too, below the technical team's row
    expect((await node('ditolak').boundingBox())!.y).toBeGreaterThan((await node('tim-teknis').boundingBox())!.y);
    expect((await node('ditolak').boundingBox())!.y).toBeGreaterThan(before);
    await session.page.getByTestId('move-step-up').click();
    expect(await yamlText()).toBe(original);
    await session.page.getByTestId('move-step-up').click();
    await session.page.waitForFunction(() => {
      const y = (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText();
      return y.indexOf('- id: ditolak') < y.indexOf('- id: petugas-periksa');
    });
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
  });

  it('adds, renames, reorders and removes a lane, refuses to remove a lane in use, and undoes each', async () => {
    await openEditor('metro');
    const original = await yamlText();
    const panel = session.page.getByTestId('lanes-panel');
    await panel.getByTestId('lane-new-name').fill('Tim Teknis Pengaduan');
    await panel.getByTestId('lane-new-role').selectOption('bidang-teknis');
    await panel.getByTestId('lane-add').click();
    await laneHeader('tim-teknis-pengaduan').waitFor();
    expect(await laneHeader('tim-teknis-pengaduan').textContent()).toBe('Tim Teknis Pengaduan');
    const added = await yamlText();
    expect(added).toContain(
      '  - id: kepala-dinas\n    name: Kepala Dinas Dukcapil\n    role: kepala-dinas\n  - id: tim-teknis-pengaduan\n    name: Tim Teknis Pengaduan\n    role: bidang-teknis\n',
    );
    expect(await undoTitle()).toBe('Urungkan: Tambah lajur "Tim Teknis Pengaduan" (Ctrl+Z)');
    expect(await laneRow('tim-teknis-pengaduan').getByTestId('lane-steps').textContent()).toBe('0 langkah');

    // rename the header
    await laneRow('tim-teknis-pengaduan').getByTestId('lane-name').fill('Tim Teknis');
    await laneRow('tim-teknis-pengaduan').getByTestId('lane-name').press('Enter');
    await waitForYaml('    name: Tim Teknis\n');
    expect(await laneHeader('tim-teknis-pengaduan').textContent()).toBe('Tim Teknis');
    expect(changedLines(added, await yamlText())).toEqual(['    name: Tim Teknis']);
    expect(await undoTitle()).toBe('Urungkan: Ganti nama lajur "tim-teknis-pengaduan" menjadi "Tim Teknis" (Ctrl+Z)');
    const renamed = await yamlText();

    // one column to the left, before the Kepala Dinas
    await laneRow('tim-teknis-pengaduan').getByTestId('lane-left').click();
    await waitForYaml('  - id: tim-teknis-pengaduan\n    name: Tim Teknis\n    role: bidang-teknis\n  - id: kepala-dinas\n');
    expect((await laneHeader('tim-teknis-pengaduan').boundingBox())!.x).toBeLessThan((await laneHeader('kepala-dinas').boundingBox())!.x);
    expect(await undoTitle()).toBe('Urungkan: Pindahkan lajur "tim-teknis-pengaduan" ke kolom 6 (Ctrl+Z)');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-lanes.png'), fullPage: true });
    const moved = await yamlText();

    // a lane that still holds steps is not removed, and the message says which
    await laneRow('kasi').getByTestId('lane-remove').click();
    expect(await session.page.getByTestId('command-error').textContent()).toContain(
      'lajur "kasi" masih memuat langkah "kasi-periksa": pindahkan ke lajur lain atau hapus terlebih dahulu',
    );
    expect(await yamlText()).toBe(moved);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-lane-refused.png') });

    await laneRow('tim-teknis-pengaduan').getByTestId('lane-remove').click();
    await waitForYaml('tim-teknis-pengaduan', false);
    expect(await laneHeader('tim-teknis-pengaduan').count()).toBe(0);
    expect(await yamlText()).toBe(original);
    expect(await undoTitle()).toBe('Urungkan: Hapus lajur "tim-teknis-pengaduan" (Ctrl+Z)');

    await undo();
    expect(await yamlOnceItIs(moved)).toBe(moved);
    await undo();
    expect(await yamlOnceItIs(renamed)).toBe(renamed);
    await undo();
    expect(await yamlOnceItIs(added)).toBe(added);
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
    expect(await laneHeader('tim-teknis-pengaduan').count()).toBe(0);
  });

  it('edits the SOP’s own fields when no step is selected, keeping every comment, and undoes each', async () => {
    await openEditor('metro');
    const original = await yamlText();
    const comments = (yaml: string) => yaml.split('\n').filter((l) => l.includes('#'));
    const sop = session.page.getByTestId('sop-properties');
    await sop.waitFor();
    expect(await sop.getByTestId('sop-title').inputValue()).toBe('Pelayanan Pengaduan Dinas Dukcapil');

    await sop.getByTestId('sop-title').fill('Pelayanan Pengaduan Dinas Dukcapil Kota Metro');
    await sop.getByTestId('sop-title').press('Enter');
    await waitForYaml('  title: Pelayanan Pengaduan Dinas Dukcapil Kota Metro\n');
    const titled = await yamlText();
    expect(changedLines(original, titled)).toEqual(['  title: Pelayanan Pengaduan Dinas Dukcapil Kota Metro']);
    expect(comments(titled)).toEqual(comments(original));
    expect(await session.page.getByTestId('edit-title').textContent()).toBe('Ubah SOP: Pelayanan Pengaduan Dinas Dukcapil Kota Metro');
    expect(await undoTitle()).toBe('Urungkan: Ubah Nama SOP (Ctrl+Z)');

    // a date left blank in the source, and a section item added at the end of its list
    await sop.getByTestId('sop-dates-revisi').fill('Maret 2024');
    await sop.getByTestId('sop-dates-revisi').press('Tab');
    await waitForYaml('    revisi: Maret 2024\n');
    const section = sop.getByTestId('sop-section-dasarHukum');
    expect(await section.getByTestId('sop-section-dasarHukum-item').count()).toBe(4);
    await section.getByTestId('sop-section-dasarHukum-new').fill('Permendagri Nomor 109 Tahun 2019');
    await section.getByTestId('sop-section-dasarHukum-add').click();
    await waitForYaml('Penyelenggaraan Pendaftaran Penduduk dan Pencatatan Sipil\n    - Permendagri Nomor 109 Tahun 2019\n  kualifikasiPelaksana:');
    expect(await section.getByTestId('sop-section-dasarHukum-item').count()).toBe(5);
    expect(await undoTitle()).toBe('Urungkan: Ubah Dasar hukum 5 (Ctrl+Z)');
    const extended = await yamlText();
    expect(comments(extended)).toEqual(comments(original));
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-sop-properties.png'), fullPage: true });

    // an invalid value is written all the same, and the validator says what is wrong
    await sop.getByTestId('sop-regionCode').fill('18-72');
    await sop.getByTestId('sop-regionCode').press('Enter');
    await waitForYaml('18-72');
    // the comment on the changed line spoke of the old value and goes; the others stay
    expect(changedLines(extended, await yamlText())).toEqual([expect.stringMatching(/^  regionCode: "?18-72"?$/)]);
    await session.page.waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'false');
    const problem = (await session.page.getByTestId('problem').allTextContents()).find((p) => p.includes('"18-72"'))!;
    expect(problem).toContain('NN.NN');
    expect((await yamlText()).split('\n')[Number(/^(\d+):/.exec(problem)![1]) - 1]).toContain('regionCode');

    await undo();
    expect(await yamlOnceItIs(extended)).toBe(extended);
    await undo();
    await undo();
    expect(await yamlOnceItIs(titled)).toBe(titled);
    expect(await sop.getByTestId('sop-dates-revisi').inputValue()).toBe('');
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
    expect(await sop.getByTestId('sop-title').inputValue()).toBe('Pelayanan Pengaduan Dinas Dukcapil');
  });

  it('edits a step’s id, outcome label and time-out rule in the properties panel, and undoes each', async () => {
    await openEditor('metro');
    const original = await yamlText();
    await node('kasi-periksa').click();
    const panel = session.page.getByTestId('properties-panel');

    expect(await panel.getByTestId('prop-onTimeout').inputValue()).toBe('escalate');
    await panel.getByTestId('prop-onTimeout').selectOption('flag');
    // Metro's escalation on timeout is a platform decision (ADR 0011): the rule changes, the mark stays
    await waitForYaml('onTimeout: { action: flag, provenance: { status: inferred,');
    expect(await undoTitle()).toBe('Urungkan: Ubah onTimeout langkah "kasi-periksa" (Ctrl+Z)');

    const outcome = panel.locator('[data-testid="prop-outcome"][data-outcome-id="selesai"]');
    await outcome.getByTestId('prop-outcome-label').fill('Selesai di Kasi');
    await outcome.getByTestId('prop-outcome-label').press('Enter');
    await waitForYaml('{ id: selesai, label: Selesai di Kasi, to: penyelesaian, provenance: { status: inferred,');
    expect(await session.page.getByTestId('edge-label').allTextContents()).toContain('Selesai di Kasi');

    await panel.getByTestId('prop-id').fill('kasi-memeriksa');
    await panel.getByTestId('prop-id').press('Enter');
    await node('kasi-memeriksa').waitFor();
    // the arrow that led to the step follows the new id, and the step stays selected
    expect(stepBlock(await yamlText(), 'tim-teknis')).toContain('to: kasi-memeriksa, kind: escalation, provenance: { status: inferred,');
    expect(await session.page.getByTestId('properties-panel').getAttribute('data-step-id')).toBe('kasi-memeriksa');
    expect(await undoTitle()).toBe('Urungkan: Ganti id langkah "kasi-periksa" menjadi "kasi-memeriksa" (Ctrl+Z)');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'editor-step-properties.png'), fullPage: true });

    await undo();
    await undo();
    await undo();
    expect(await yamlOnceItIs(original)).toBe(original);
    await node('kasi-periksa').click();
    expect(await session.page.getByTestId('prop-onTimeout').inputValue()).toBe('escalate');
  });
});
