import { join } from 'node:path';
import { browserSession, SCREENSHOTS, signIn } from './browser';

/**
 * Publishing is a proposal (docs/adr/0025-version-approval.md): the author sees what the version
 * changes against the one in effect and must say why; the SOP's signer (Kepala Dinas) approves it
 * from a date; the SOP page then shows the new version in effect.
 */

const session = browserSession({ viewport: { width: 1400, height: 1000 } });
const page = () => session.page;

const yamlText = () =>
  page()
    .getByTestId('yaml-pane')
    .evaluate((el) => (el as HTMLElement & { sopYaml: { getText(): string } }).sopYaml.getText());
async function setYaml(text: string) {
  await page().locator('[data-testid="yaml-pane"] .cm-content').click();
  await page().keyboard.press('Control+A');
  await page().keyboard.insertText(text);
}
const versionsOf = async (id: string) =>
  ((await (await fetch(`${session.api.url}/api/sops/${id}/versions`)).json()) as { versions: { version: number; status: string }[] }).versions;

describe('a new SOP version, from its author to its signer', () => {
  it('the author sees the changes against the version in effect, must write a change note, and proposes', async () => {
    await signIn(session, 'buleleng.penyusun');
    await page().goto(`${session.api.url}/sops/buleleng/ubah`);
    await page().getByTestId('edit-page').waitFor();
    await page().locator('[data-testid="step-node"]').first().waitFor();
    const original = await yamlText();
    expect(original).toContain('waktu: 15 Menit');
    await setYaml(original.replace('waktu: 15 Menit', 'waktu: 30 Menit'));
    await page().waitForFunction(() => document.querySelector('[data-testid="problems"]')?.getAttribute('data-valid') === 'true');

    await page().getByTestId('save').click();
    const dialog = page().getByTestId('save-dialog');
    expect(await dialog.locator('h2').first().textContent()).toBe('Usulkan versi baru');
    // the preview: the version diff of the comparison page, against version 1 (in effect)
    await dialog.getByTestId('compare-diff').waitFor();
    expect(await dialog.locator('.compare-diff h2').textContent()).toContain('versi 1 (berlaku)');
    expect(await dialog.getByTestId('compare-diff-changed-kasi-memeriksa').textContent()).toContain('waktu15 Menit → 30 Menit');

    // no change note: refused before anything is sent
    await page().getByTestId('save-note').fill('   ');
    await page().getByTestId('save-submit').click();
    expect(await page().getByTestId('save-error').textContent()).toBe(
      'Tulis catatan perubahan: apa yang berubah dan mengapa. Pengesah membacanya sebelum menyetujui.',
    );
    expect(await page().getByTestId('save-note').getAttribute('aria-invalid')).toBe('true');
    expect((await versionsOf('buleleng')).map((v) => v.version)).toEqual([1]);
    await page().screenshot({ path: join(SCREENSHOTS, 'approval-propose.png') });

    await page().getByTestId('save-note').fill('Waktu pemeriksaan Kasi menjadi 30 menit');
    await page().getByTestId('save-submit').click();
    await page().getByTestId('save-result').waitFor();
    expect(await page().getByTestId('save-result').textContent()).toBe('Diusulkan sebagai versi 2: menunggu persetujuan pengesah (Kepala Dinas).');
    expect(await versionsOf('buleleng')).toEqual([expect.objectContaining({ version: 2, status: 'proposed' }), expect.objectContaining({ version: 1 })]);

    // the SOP page: version 1 still in effect, version 2 proposed
    await page().goto(`${session.api.url}/sops/buleleng`);
    await page().getByTestId('version-status').waitFor();
    expect(await page().getByTestId('version-in-effect').textContent()).toMatch(/^Versi 1 berlaku sejak \d{1,2} \w+ \d{4}$/);
    expect(await page().getByTestId('version-next').textContent()).toBe('; versi 2 diusulkan, menunggu persetujuan');
  });

  it('the signer lands on the proposals, approves version 2 from today, and the SOP page shows it in effect', async () => {
    await signIn(session, 'buleleng.pengesah');
    await page().goto(`${session.api.url}/sops/buleleng/usulan`);
    await page().getByTestId('proposals-table').waitFor();
    expect(await page().getByTestId('proposals-read-only').count()).toBe(0);
    const row = page().locator('[data-testid="proposal-row"][data-version="2"]');
    expect(await row.getByTestId('proposal-status').textContent()).toBe('diusulkan');
    expect(await row.getByTestId('proposal-note').textContent()).toBe('Waktu pemeriksaan Kasi menjadi 30 menit');
    expect(await row.textContent()).toContain('buleleng.penyusun');
    expect(await row.getByTestId('proposal-diff-link').getAttribute('href')).toBe('/compare?ids=buleleng@1,buleleng@2');
    const { today } = (await (await fetch(`${session.api.url}/api/sops/buleleng/versions`)).json()) as { today: string };
    expect(await row.getByTestId('proposal-date').inputValue()).toBe(today);
    expect(await row.getByTestId('proposal-date').getAttribute('min')).toBe(today);

    // a rejection needs a reason
    await row.getByTestId('proposal-reject').click();
    expect(await page().getByTestId('proposals-message').textContent()).toBe('Tulis alasan penolakan: penyusun membacanya.');
    await page().screenshot({ path: join(SCREENSHOTS, 'approval-proposals.png') });

    // a date already passed (typed past the picker's minimum) is refused before anything is sent
    await row.getByTestId('proposal-date').fill('2020-01-01');
    await row.getByTestId('proposal-approve').click();
    expect(await page().getByTestId('proposals-message').textContent()).toBe(
      `Tanggal 2020-01-01 sudah lewat: tanggal berlaku paling awal hari ini (${today}).`,
    );
    expect(await page().locator('[data-testid="proposal-row"][data-version="2"]').getAttribute('data-status')).toBe('proposed');
    await row.getByTestId('proposal-date').fill(today);

    await row.getByTestId('proposal-approve').click();
    await page().locator('[data-testid="proposal-row"][data-version="2"][data-status="approved"]').waitFor();
    expect(await page().getByTestId('proposals-message').textContent()).toMatch(/^Versi 2 disetujui, berlaku mulai \d{1,2} \w+ \d{4}\.$/);
    // the message and its date follow a switch of language
    await page().getByTestId('lang-en').click();
    expect(await page().getByTestId('proposals-message').textContent()).toMatch(/^Version 2 approved, in effect from \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    await page().getByTestId('lang-id').click();
    expect(await page().locator('[data-testid="proposal-row"][data-version="2"]').getByTestId('proposal-decision').textContent()).toContain(
      'buleleng.pengesah',
    );

    await page().goto(`${session.api.url}/sops/buleleng`);
    await page().getByTestId('version-status').waitFor();
    expect(await page().getByTestId('version-in-effect').textContent()).toMatch(/^Versi 2 berlaku sejak \d{1,2} \w+ \d{4}$/);
    expect(await page().getByTestId('version-next').count()).toBe(0);
    expect(await page().locator('.sop-meta .badge').first().textContent()).toBe('Versi 2');
    await page().screenshot({ path: join(SCREENSHOTS, 'approval-in-effect.png') });
  });

  it('shows an author the proposals read-only, with no way to decide', async () => {
    await signIn(session, 'buleleng.penyusun');
    await page().goto(`${session.api.url}/sops/buleleng/usulan`);
    await page().getByTestId('proposals-table').waitFor();
    expect(await page().getByTestId('proposals-read-only').textContent()).toContain('Hanya pengesah SOP');
    expect(await page().getByTestId('proposal-decide').count()).toBe(0);
  });
});
