import { join } from 'node:path';
import { ApiClient, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

/**
 * Reply templates (issue 11): Lumajang's administrator adds an office template on /admin/templat;
 * the operator at the verification step picks the SOP's own template (Lumajang's greeting, in its
 * words) and the office's (its placeholders filled with the ticket, the office and the SOP's
 * channels, never the complainant), edits the text, sends it, and the citizen reads it on the
 * ticket page.
 */
const session = browserSession({ viewport: { width: 1440, height: 900 } });
let client: ApiClient;
beforeAll(() => {
  client = new ApiClient(session.api.url);
});

const OFFICE = {
  title: 'Pengaduan sedang diverifikasi',
  body: 'Pengaduan {tiket} sedang ditangani {kantor}. Hubungi kami melalui {kontak}.',
};
const SOP_GREETING =
  'Terima kasih telah menghubungi Dispendukcapil Lumajang. Silakan beri tahu apa yang dapat kami bantu. 1. Pelayanan Pendaftaran Penduduk 2. Pelayanan Pencatatan Sipil 3. Pelayanan Pengaduan Mohon bersabar kami layani sesuai antrian Tidak menerima telepon Pelayanan GRATIS';

describe('reply templates', () => {
  it("Lumajang's administrator adds an office template; the SOP's own are shown beside it, read-only", async () => {
    const page = session.page;
    await signIn(session, 'admin.lumajang');
    await page.goto(`${session.api.url}/admin/templat`);
    await page.getByTestId('reply-templates-page').waitFor();
    await page.getByTestId('template-form').waitFor();
    expect(await page.getByTestId('sop-templates').textContent()).toContain('Prosedur Salam Pelayanan');
    await page.getByTestId('template-title').fill(OFFICE.title);
    await page.getByTestId('template-body').fill(OFFICE.body);
    await page.getByTestId('template-save').click();
    await page.getByTestId('templates-done').waitFor();
    // the list is read again after the save
    await page.locator(`[data-testid="template-row"][data-title="${OFFICE.title}"]`).waitFor();
    expect(await page.getByTestId('template-row').allTextContents()).toEqual([expect.stringContaining(OFFICE.title)]);
    // the same title again: the API's 409 is shown, nothing is added
    await page.getByTestId('template-title').fill(OFFICE.title.toUpperCase());
    await page.getByTestId('template-body').fill('Lain.');
    await page.getByTestId('template-save').click();
    expect(await page.getByTestId('templates-error').textContent()).toContain('sudah memiliki templat berjudul');
    expect(await page.getByTestId('template-row').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'reply-templates-admin.png'), fullPage: true });
  });

  it('the operator picks the SOP’s template and the office’s, edits, sends; the citizen reads it on the ticket page', async () => {
    const page = session.page;
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'lumajang', data: SAMPLE_COMPLAINTS.lumajang } });
    expect(filed.status).toBe(201);
    const ticket: string = filed.body.ticket;
    const found = await client.request('GET', `/api/cases?ticket=${ticket}`, { as: 'lumajang.petugas-operator' });
    const id: string = found.body.items[0].id;

    await signIn(session, 'lumajang.petugas-operator');
    await page.goto(`${session.api.url}/cases/${id}`);
    await page.locator('[data-testid="case"][data-step="verifikasi"]').waitFor();
    const picker = page.getByTestId('reply-template');
    // both groups arrive on their own (the SOP's version, the office's list)
    await picker.locator('option[data-source="sop"]').waitFor({ state: 'attached' });
    await picker.locator('option[data-source="office"]').waitFor({ state: 'attached' });
    expect(await picker.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Templat SOP', 'Templat kantor']);

    // the SOP's template, in its words
    await picker.selectOption({ label: 'Prosedur Salam Pelayanan' });
    const reply = page.getByTestId('action-reply');
    expect(await reply.inputValue()).toBe(SOP_GREETING);
    // the office's, after it, with its placeholders filled
    await picker.selectOption({ label: OFFICE.title });
    const officeText = `Pengaduan ${ticket} sedang ditangani DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN LUMAJANG. Hubungi kami melalui tatap muka, HP/WA, email, Fanspage.`;
    expect(await reply.inputValue()).toBe(`${SOP_GREETING}\n\n${officeText}`);
    expect(await reply.inputValue()).not.toContain(SAMPLE_COMPLAINTS.lumajang.nama);
    // the picker goes back to its prompt, ready for another
    expect(await picker.inputValue()).toBe('');

    // the operator edits it before sending: the greeting is dropped, a sentence added
    const edited = `${officeText} Mohon tunggu kabar berikutnya.`;
    await reply.fill(edited);
    expect(await page.getByTestId('reply-hint').textContent()).toContain(`${edited.length} / 2000 karakter`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('actions').screenshot({ path: join(SCREENSHOTS, 'reply-templates-picked.png') });
    await page.locator('[data-testid="outcome"][data-outcome="valid"]').check();
    await page.getByTestId('decide').click();
    await page.locator('[data-testid="case"][data-step="pencatatan"]').waitFor();
    expect(await page.getByTestId('kartu-reply').allTextContents()).toEqual([edited]);

    await page.goto(`${session.api.url}/tiket/${ticket}`);
    await page.getByTestId('timeline-reply').first().waitFor();
    expect(await page.getByTestId('timeline-reply').allTextContents()).toEqual([`Balasan${edited}`]);
    await page.screenshot({ path: join(SCREENSHOTS, 'reply-templates-ticket.png'), fullPage: true });
  });

  it('an officer without the right to edit reads the templates but gets no form', async () => {
    const page = session.page;
    await signIn(session, 'lumajang.petugas-operator');
    await page.goto(`${session.api.url}/admin/templat`);
    await page.getByTestId('template-row').first().waitFor();
    expect(await page.getByTestId('template-form').count()).toBe(0);
    expect(await page.getByTestId('template-edit').count()).toBe(0);
  });

  it("the operator sees the reply as the complainant will read it: their name and e-mail struck, the office's number kept", async () => {
    const page = session.page;
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'lumajang', data: SAMPLE_COMPLAINTS.lumajang } });
    expect(filed.status).toBe(201);
    const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'lumajang.petugas-operator' });
    await signIn(session, 'lumajang.petugas-operator');
    await page.goto(`${session.api.url}/cases/${found.body.items[0].id}`);
    await page.locator('[data-testid="case"][data-step="verifikasi"]').waitFor();
    expect(await page.getByTestId('reply-preview').count()).toBe(0); // nothing typed, nothing previewed
    const { nama, email } = SAMPLE_COMPLAINTS.lumajang;
    await page.getByTestId('action-reply').fill(`Yth. ${nama}, jawaban kami kirim ke ${email}. Informasi: 0334-881234.`);
    const preview = page.locator('[data-testid="reply-preview"][data-state="ready"]');
    await preview.waitFor();
    expect(await preview.locator('p').textContent()).toBe('Yth. [identitas disamarkan], jawaban kami kirim ke [identitas disamarkan]. Informasi: 0334-881234.');
    // it follows the typing
    await page.getByTestId('action-reply').fill('Terima kasih, pengaduan Anda sedang diverifikasi.');
    await page.locator('[data-testid="reply-preview"][data-state="ready"] p', { hasText: 'sedang diverifikasi' }).waitFor();
    await page.getByTestId('reply-box').screenshot({ path: join(SCREENSHOTS, 'reply-preview.png') });
  });
});
