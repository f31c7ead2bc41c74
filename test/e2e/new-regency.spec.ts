import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSession, SCREENSHOTS, signIn as signInAs } from './browser';

/**
 * A new regency joins from the browser (docs/adr/0012-new-regency-from-the-browser.md): the platform
 * administrator creates its SOP at /sops/baru (empty, or a copy of a seed), draws and publishes it
 * as version 1, creates an officer's account from the suggestions, and a citizen files a complaint
 * on /lapor/{id} that the officer finds in their inbox. No file in sops/, no code change.
 */

const session = browserSession({ viewport: { width: 1440, height: 1000 } });
const page = (): Page => session.page;
const PASSWORD = 'kata-sandi-petugas-baru-1';
const node = (stepId: string) => page().locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);
const yamlText = () =>
  page()
    .getByTestId('yaml-pane')
    .evaluate((el) => (el as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText());

async function shoot(name: string): Promise<void> {
  await page().evaluate(() => window.scrollTo(0, 0));
  await page().screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fills /sops/baru and opens the editor on the draft. */
async function startRegency(options: { id: string; regency: string; zone: string; copyFrom?: string }): Promise<void> {
  await page().goto(`${session.api.url}/sops`);
  await page().getByTestId('new-sop-link').click();
  await page().getByTestId('new-sop-form').waitFor();
  expect(new URL(page().url()).pathname).toBe('/sops/baru');
  // checked as it is typed: a seed's id is taken, a bad one explained, then the new one is free
  await page().getByTestId('new-sop-id').fill('metro');
  await page().locator('[data-testid="new-sop-id-check"][data-state="taken"]').waitFor();
  expect(await page().getByTestId('new-sop-id-check').innerText()).toBe('Id "metro" sudah dipakai SOP Kota Metro.');
  await page().getByTestId('new-sop-id').fill('Kab Baru');
  await page().locator('[data-testid="new-sop-id-check"][data-state="bad"]').waitFor();
  expect(await page().getByTestId('new-sop-submit').isDisabled()).toBe(true);
  await page().getByTestId('new-sop-id').fill(options.id);
  await page().locator('[data-testid="new-sop-id-check"][data-state="free"]').waitFor();
  await page().getByTestId('new-sop-regency').fill(options.regency);
  expect(await page().getByTestId('new-sop-government').inputValue()).toBe(`PEMERINTAH ${options.regency.toUpperCase()}`);
  await page().getByTestId('new-sop-timezone').selectOption(options.zone);
  if (options.copyFrom) {
    await page().getByTestId('new-sop-start-copy').check();
    await page().getByTestId('new-sop-source').selectOption(options.copyFrom);
  } else await page().getByTestId('new-sop-start-empty').check();
  await shoot(`new-regency-form-${options.id}`);
  await page().getByTestId('new-sop-submit').click();
  await page().getByTestId('edit-page').waitFor();
  await page().locator('[data-testid="step-node"]').first().waitFor();
  expect(new URL(page().url()).pathname).toBe(`/sops/${options.id}/ubah`);
  expect(await page().getByTestId('edit-version').innerText()).toBe('Draf baru (belum terbit)');
}

/** Publishes the draft as version 1 and follows the offer to create its accounts; creates one officer. */
async function publishAndCreateOfficer(id: string, regency: string, lane: string): Promise<string> {
  await page().locator('[data-testid="problems"][data-valid="true"]').waitFor();
  await page().getByTestId('save').click();
  // the dialog counts the SOP's warnings before publishing, and holds no log-out button (the header's)
  await page().locator('[data-testid="save-check"]:not([data-checking])').waitFor();
  expect(await page().getByTestId('save-check').getAttribute('data-errors')).toBe('0');
  expect(await page().getByTestId('save-dialog').locator('button', { hasText: 'Keluar' }).count()).toBe(0);
  expect(await page().getByTestId('save-as').innerText()).toBe('Diterbitkan atas nama admin.');
  await page().getByTestId('save-note').fill(`${regency} bergabung`);
  await page().getByTestId('save-submit').click();
  await page().getByTestId('new-sop-published').waitFor();
  expect(await page().getByTestId('edit-version').innerText()).toBe('Versi 1');
  await shoot(`new-regency-published-${id}`);
  const published = await (await fetch(`${session.api.url}/api/sops/${id}`)).json();
  expect(published).toMatchObject({ id, version: 1, regency, publishedBy: 'admin' });

  await page().getByTestId('new-sop-make-accounts').click();
  await page().getByTestId('accounts-suggested').waitFor();
  expect(new URL(page().url()).search).toBe(`?regency=${id}`);
  const suggested = await page()
    .getByTestId('accounts-suggestion')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-username')));
  // the signer too: without them no version after the first can be approved
  expect(suggested.slice(0, 3)).toEqual([`admin.${id}`, `${id}.penyusun`, `${id}.pengesah`]);
  expect(await page().getByTestId('accounts-suggestion-why').innerText()).toMatch(/versi 2/);
  expect(suggested).toContain(`${id}.${lane}`);
  await page().locator(`[data-testid="accounts-suggestion"][data-username="${id}.${lane}"]`).click();
  expect(await page().getByTestId('accounts-new-username').inputValue()).toBe(`${id}.${lane}`);
  expect(await page().getByTestId('accounts-new-regency').inputValue()).toBe(id);
  expect(await page().getByTestId(`accounts-lane-${lane}`).isChecked()).toBe(true);
  await page().getByTestId('accounts-new-password').fill(PASSWORD);
  await page().getByTestId('accounts-create-submit').click();
  await page().locator(`[data-testid="accounts-row"][data-username="${id}.${lane}"]`).waitFor();
  await page().locator(`[data-testid="accounts-suggestion-exists"][data-username="${id}.${lane}"]`).waitFor();
  await shoot(`new-regency-accounts-${id}`);
  return `${id}.${lane}`;
}

/** A citizen files on /lapor/{id}; the officer logs in and finds the ticket in their inbox. */
async function citizenFilesAndOfficerSees(id: string, officer: string, data: Record<string, string>): Promise<void> {
  await page().evaluate(() => localStorage.removeItem('sop.session')); // signed out, as a citizen
  await page().goto(`${session.api.url}/lapor/${id}`);
  await page().getByTestId('file-form').waitFor();
  for (const [field, value] of Object.entries(data)) await page().locator(`[data-testid="field-input"][data-field-id="${field}"]`).fill(value);
  await page().getByTestId('file-submit').click();
  await page().getByTestId('file-success').waitFor();
  const ticket = (await page().getByTestId('ticket-number').textContent())!.trim();
  await shoot(`new-regency-filed-${id}`);

  await page().goto(`${session.api.url}/login`);
  await page().getByTestId('login-username').fill(officer);
  await page().getByTestId('login-password').fill(PASSWORD);
  await page().getByTestId('login-submit').click();
  await page().locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).waitFor();
  await shoot(`new-regency-inbox-${id}`);
}

describe('a new regency joins from the browser', () => {
  it('empty: drawn and validated live in the editor, kept across a reload, published, an officer created, a complaint filed and found', async () => {
    await signInAs(session, 'admin');
    await startRegency({ id: 'kab-sukamaju', regency: 'Kabupaten Sukamaju', zone: 'Asia/Makassar' });
    expect(
      await page()
        .locator('[data-testid="step-node"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id'))),
    ).toEqual(['pengaduan', 'tindak-lanjut', 'selesai']);
    expect(await yamlText()).toContain('regency: "Kabupaten Sukamaju"');

    // draw: a step added after the task is not connected yet, and the problems list says so at once
    await node('tindak-lanjut').click();
    await page().getByTestId('add-step').click();
    await page().getByTestId('add-step-activity').fill('Kasi memeriksa tindak lanjut');
    await page().getByTestId('add-step-ok').click();
    await page().locator('[data-testid="problems"][data-valid="false"]').waitFor();
    await shoot('new-regency-editor-problem');
    await page().getByTestId('undo').click();
    await page().locator('[data-testid="problems"][data-valid="true"]').waitFor();
    // and change the task's words
    await node('tindak-lanjut').click();
    await page().getByTestId('prop-activity').fill('Petugas Sukamaju menindaklanjuti pengaduan');
    await page().getByTestId('prop-activity').press('Tab');
    await page().waitForFunction(() =>
      (document.querySelector('[data-testid="yaml-pane"]') as HTMLElement & { sopYaml: { getText(): string } }).sopYaml
        .getText()
        .includes('Petugas Sukamaju menindaklanjuti'),
    );

    // a reload keeps the draft
    await page().reload();
    await page().getByTestId('edit-page').waitFor();
    await page().locator('[data-testid="step-node"]').first().waitFor();
    expect(await yamlText()).toContain('Petugas Sukamaju menindaklanjuti pengaduan');
    expect(await page().getByTestId('edit-version').innerText()).toBe('Draf baru (belum terbit)');
    await shoot('new-regency-editor-empty');

    const officer = await publishAndCreateOfficer('kab-sukamaju', 'Kabupaten Sukamaju', 'petugas');
    const listed = await (await fetch(`${session.api.url}/api/sops/kab-sukamaju`)).json();
    expect(listed.sop.steps.find((s: { id: string }) => s.id === 'tindak-lanjut').activity).toBe('Petugas Sukamaju menindaklanjuti pengaduan');
    await citizenFilesAndOfficerSees('kab-sukamaju', officer, { nama: 'Ni Kadek Sari', telepon: '081234567890', isi: 'Akta kelahiran belum terbit' });
  });

  it('a copy of a seed: the seed’s lanes and words under the new identity, published, an officer created, a complaint filed and found', async () => {
    await signInAs(session, 'admin');
    await startRegency({ id: 'kota-contoh', regency: 'Kota Contoh', zone: 'Asia/Jakarta', copyFrom: 'metro' });
    const yaml = await yamlText();
    expect(yaml).toContain('regency: Kota Contoh');
    expect(yaml).toContain('Salinan SOP Kota Metro (metro versi 1)');
    expect(yaml).not.toContain('regency: Kota Metro');
    await shoot('new-regency-editor-copy');
    const officer = await publishAndCreateOfficer('kota-contoh', 'Kota Contoh', 'petugas');
    const metro = await (await fetch(`${session.api.url}/api/sops/metro`)).json();
    const copy = await (await fetch(`${session.api.url}/api/sops/kota-contoh`)).json();
    expect(copy.sop.steps).toEqual(metro.sop.steps);
    await citizenFilesAndOfficerSees('kota-contoh', officer, {
      nama: 'Siti Rahayu',
      telepon: '0812-3456-7890',
      isi: 'KTP-el saya belum jadi setelah tiga bulan',
    });
  });

  it('is offered to the platform administrator only', async () => {
    await signInAs(session, 'admin.metro');
    await page().goto(`${session.api.url}/sops`);
    await page().getByTestId('sop-list').waitFor();
    expect(await page().getByTestId('new-sop-link').count()).toBe(0);
    await page().goto(`${session.api.url}/sops/baru`);
    await page().getByTestId('new-sop-need-admin').waitFor();
  });
});
