import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

// Coordination, lane units, routing by a field, a scheduled wait and outcome documents (ADR 0014)
// where the office reads, simulates and edits an SOP: the drawing, the simulator and the editor,
// with the fixture coordination-and-units.yaml published as "contoh".
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1600, height: 1100 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/coordination-and-units.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;
const yamlText = () =>
  page()
    .getByTestId('yaml-pane')
    .evaluate((el) => (el as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText());
const kartuEvents = () =>
  page()
    .locator('[data-testid="kartu-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));

describe('the drawing of an SOP with coordination, units, routing and a schedule', () => {
  it('shows the coordination connector to the Helpdesk, the units of the Bidang, the schedule tag, the routing and the documents', async () => {
    await page().goto(`${session.api.url}/sops/contoh`);
    await page().locator('[data-testid="step-node"]').first().waitFor();
    const box = page().locator('[data-testid="coordination"][data-step-id="bidang-tindak"][data-lane-id="helpdesk"]');
    await expect(box.innerText()).resolves.toBe('Koordinasi dengan Helpdesk');
    expect(await page().locator('path.coordination-line[stroke-dasharray="1 4"]').count()).toBe(1);
    // the box sits in the Helpdesk column: the column is in use
    const header = (await page().locator('[data-testid="lane-header"][data-lane-id="helpdesk"]').boundingBox())!;
    const inColumn = (await box.boundingBox())!;
    expect(inColumn.x).toBeGreaterThanOrEqual(header.x);
    expect(inColumn.x + inColumn.width).toBeLessThanOrEqual(header.x + header.width + 1);
    await expect(page().locator('[data-testid="lane-header"][data-lane-id="bidang"]').getByTestId('lane-units').innerText()).resolves.toBe(
      'Bidang Pelayanan Pendaftaran Penduduk · Bidang Pelayanan Pencatatan Sipil',
    );
    const tindak = page().locator('[data-testid="step-node"][data-step-id="bidang-tindak"]');
    await expect(tindak.getByTestId('schedule-tag').innerText()).resolves.toBe('jadwal');
    await expect(tindak.getByTestId('schedule-tag').getAttribute('title')).resolves.toBe('Dapat dijadwalkan: Jadwal pertemuan dengan pelapor');
    await expect(page().locator('[data-step-id="petugas-teruskan"] [data-testid="route-by"]').innerText()).resolves.toBe('menurut Bidang yang diadukan');
    const labels = await page().getByTestId('edge-label').allInnerTexts();
    expect(labels).toContain('Bidang terkait (Pendaftaran Penduduk, Pencatatan Sipil)');
    await expect(page().locator('[data-testid="mutu-document"][data-outcome="selesai"]').innerText()).resolves.toBe(
      'Selesai: Berita acara penyelesaian pengaduan',
    );
    await page()
      .getByTestId('diagram')
      .screenshot({ path: join(SCREENSHOTS, 'constructs-sop-page.png') });
  });
});

describe('the simulator', () => {
  it('routes by the value picked, asks the Helpdesk and gets its answer, schedules a meeting that the clock brings back, and records the document', async () => {
    await page().goto(`${session.api.url}/sops/contoh/simulasi`);
    await page().getByTestId('sim-controls').waitFor();
    // the drawing shows the constructs here too
    await page().locator('[data-testid="coordination"][data-lane-id="helpdesk"]').waitFor();
    await page().locator('[data-step-id="bidang-tindak"] [data-testid="schedule-tag"]').waitFor();

    // the front office: the field value picks the outcome offered
    await expect(page().getByTestId('sim-current-step').getAttribute('data-step-id')).resolves.toBe('petugas-teruskan');
    expect(await page().locator('[data-testid="sim-event"][data-suggested="true"]').count()).toBe(0);
    await page().locator('[data-testid="sim-field-value"][data-field="bidang"]').selectOption('Pencatatan Sipil');
    const toBidang = page().locator('[data-testid="sim-event"][data-outcome="ke-bidang"]');
    await expect(toBidang.getAttribute('data-suggested')).resolves.toBe('true');
    await expect(toBidang.getByTestId('sim-suggested').innerText()).resolves.toBe('sesuai isian');
    await page().locator('[data-testid="sim-field-value"][data-field="bidang"]').selectOption('Informasi Publik');
    await expect(page().locator('[data-testid="sim-event"][data-outcome="ke-ppid"]').getAttribute('data-suggested')).resolves.toBe('true');
    await page().locator('[data-testid="sim-field-value"][data-field="bidang"]').selectOption('Pencatatan Sipil');
    await toBidang.click();
    await page().locator('[data-testid="sim-current-step"][data-step-id="bidang-tindak"]').waitFor();
    await expect(page().getByTestId('sim-unit').innerText()).resolves.toBe('Unit: Bidang Pelayanan Pencatatan Sipil');

    // coordination: the question and the answer, the case staying at its step
    await page().locator('[data-testid="sim-consult"][data-lane="helpdesk"]').click();
    await expect(page().getByTestId('sim-consulting').innerText()).resolves.toMatch(/^Menunggu jawaban koordinasi dari Helpdesk/);
    await page().getByTestId('sim-plus-hour').click();
    await page().getByTestId('sim-answer').click();
    await page().getByTestId('sim-consult').first().waitFor();
    await expect(kartuEvents()).resolves.toEqual(['START', 'CHOOSE', 'CONSULT', 'ANSWER']);
    const question = page().locator('[data-testid="kartu-row"][data-event="CONSULT"]');
    await expect(question.getAttribute('data-from-lane')).resolves.toBe('bidang');
    await expect(question.getAttribute('data-to-lane')).resolves.toBe('helpdesk');
    await expect(page().getByTestId('sim-current-step').getAttribute('data-step-id')).resolves.toBe('bidang-tindak');

    // a meeting two days on: the case waits, and the clock past that date resumes it
    await page().getByTestId('sim-schedule').click();
    const waiting = page().getByTestId('sim-waiting');
    await expect(waiting.innerText()).resolves.toMatch(/^Dijadwalkan sampai /);
    const until = new Date((await waiting.getAttribute('data-until'))!);
    await page().locator('[data-testid="kartu-row"][data-event="SCHEDULE"]').getByTestId('kartu-scheduled-for').waitFor();
    await page().getByTestId('sim-jump-deadline').click();
    await page().getByTestId('sim-resumed').waitFor();
    await expect(kartuEvents()).resolves.toEqual(['START', 'CHOOSE', 'CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME']);
    expect(new Date((await page().getByTestId('sim-clock').getAttribute('data-iso'))!).getTime()).toBeGreaterThanOrEqual(until.getTime());
    expect(await page().getByTestId('sim-waiting').count()).toBe(0);
    await expect(page().getByTestId('sim-current-step').getAttribute('data-overdue')).resolves.toBe('false');
    await page().screenshot({ path: join(SCREENSHOTS, 'constructs-simulation.png'), fullPage: true });

    // the outcome's document is on its kartu kendali line
    await page().locator('[data-testid="sim-event"][data-outcome="selesai"]').click();
    await page().getByTestId('sim-done').waitFor();
    await expect(page().locator('[data-testid="kartu-row"][data-event="CHOOSE"]').last().getByTestId('kartu-document').innerText()).resolves.toBe(
      'Berita acara penyelesaian pengaduan',
    );
  });
});

describe('the editor', () => {
  it('adds a coordination to a Metro step: the YAML gains it, the drawing shows it, and undo takes it away', async () => {
    await page().goto(`${session.api.url}/sops/metro/ubah`);
    await page().getByTestId('edit-page').waitFor();
    await page().locator('[data-testid="step-node"][data-step-id="kasi-periksa"]').click();
    const panel = page().getByTestId('properties-panel');
    await expect(panel.getAttribute('data-step-id')).resolves.toBe('kasi-periksa');
    const original = await yamlText();
    expect(original).not.toContain('coordination:');

    // the lanes offered: the SOP's other office lanes, not the citizen's nor the step's own
    const offered = await panel
      .getByTestId('prop-coordination-new-lane')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['petugas', 'kabid', 'sekretaris', 'kepala-dinas']);
    await panel.getByTestId('prop-coordination-new-lane').selectOption('kabid');
    await panel.getByTestId('prop-coordination-add').click();
    await page().waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText().includes('coordination:'),
    );
    const added = await yamlText();
    expect(added).toContain('    coordination:\n      - { lane: kabid, label: Koordinasi dengan Kabid yang membidangi permasalahan }\n');
    await page().locator('[data-testid="coordination"][data-step-id="kasi-periksa"][data-lane-id="kabid"]').waitFor();
    await expect(panel.locator('[data-testid="prop-coordination-item"][data-lane="kabid"]').count()).resolves.toBe(1);
    await expect(page().getByTestId('undo').getAttribute('title')).resolves.toBe('Urungkan: Koordinasi langkah "kasi-periksa" dengan lajur "kabid" (Ctrl+Z)');

    // a schedule too, then both undone to the exact text
    await panel.getByTestId('prop-schedule').check();
    await page().locator('[data-testid="step-node"][data-step-id="kasi-periksa"] [data-testid="schedule-tag"]').waitFor();
    expect(await yamlText()).toContain('    schedule: { label: Jadwal pertemuan }\n');
    await page().screenshot({ path: join(SCREENSHOTS, 'constructs-editor.png') });
    await page().getByTestId('undo').click();
    await page().getByTestId('undo').click();
    // the pane follows the command stack after the click, not within it
    await page()
      .waitForFunction(
        (text) => (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText() === text,
        original,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    expect(await yamlText()).toBe(original);
    expect(await page().locator('[data-testid="coordination"]').count()).toBe(0);
  });

  it('edits a routed decision’s values, an outcome’s document and a lane’s units, the YAML following each change', async () => {
    await page().goto(`${session.api.url}/sops/contoh/ubah`);
    await page().getByTestId('edit-page').waitFor();
    await page().locator('[data-testid="step-node"][data-step-id="petugas-teruskan"]').click();
    const panel = page().getByTestId('properties-panel');
    await expect(panel.getByTestId('prop-routeBy').inputValue()).resolves.toBe('bidang');
    const ppid = panel.locator('[data-testid="prop-outcome"][data-outcome-id="ke-ppid"]');
    const info = ppid.locator('[data-testid="prop-outcome-when-value"][data-value="Informasi Publik"]');
    await expect(info.isChecked()).resolves.toBe(true);
    // Informasi Publik moves to the Bidang: the PPID outcome is left with no value, a warning on the decision
    await panel
      .locator('[data-testid="prop-outcome"][data-outcome-id="ke-bidang"] [data-testid="prop-outcome-when-value"][data-value="Informasi Publik"]')
      .check();
    await page().waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('when: [ Pendaftaran Penduduk, Pencatatan Sipil, Informasi Publik ]'),
    );
    await expect(info.isChecked()).resolves.toBe(false);
    expect(await yamlText()).not.toContain('when: [Informasi Publik]');
    await page().getByTestId('undo').click();
    await expect(info.isChecked()).resolves.toBe(true);

    // the document of an outcome of the Bidang's decision
    await page().locator('[data-testid="step-node"][data-step-id="bidang-tindak"]').click();
    const doc = page().locator('[data-testid="prop-outcome"][data-outcome-id="tidak-selesai"] [data-testid="prop-outcome-document"]');
    await expect(doc.inputValue()).resolves.toBe('Surat jawaban');
    await doc.fill('Surat jawaban resmi');
    await doc.press('Enter');
    await page().waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('document: Surat jawaban resmi }'),
    );

    // the Bidang's units: Capil also takes information requests; then a value of two units is refused by the panel
    const lane = page().locator('[data-testid="lane-row"][data-lane-id="bidang"]');
    const capil = lane.locator('[data-testid="lane-unit"][data-unit-id="capil"]');
    await capil.locator('[data-testid="lane-unit-value"][data-value="Informasi Publik"]').check();
    await page().waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('values: [ Pencatatan Sipil, Informasi Publik ]'),
    );
    await expect(
      lane.locator('[data-testid="lane-unit"][data-unit-id="dafduk"] [data-testid="lane-unit-value"][data-value="Informasi Publik"]').isDisabled(),
    ).resolves.toBe(true);
    await page().screenshot({ path: join(SCREENSHOTS, 'constructs-editor-units.png'), fullPage: true });
    // the drawing's header lists the units as the YAML now has them
    await expect(page().locator('[data-testid="lane-header"][data-lane-id="bidang"]').getByTestId('lane-units').innerText()).resolves.toBe(
      'Bidang Pelayanan Pendaftaran Penduduk · Bidang Pelayanan Pencatatan Sipil',
    );
    await expect(page().getByTestId('problems').getAttribute('data-valid')).resolves.toBe('true');
  });
});
