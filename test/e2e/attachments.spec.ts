import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Attachments (docs/adr/0013-attachments.md): a citizen attaches a photo of their KTP on a phone, and
// the office sees it on the case page; the ticket page never names it. The fixture
// with-attachment.yaml is published as "contoh".
let sopsDir = '';
const session = browserSession({
  viewport: { width: 390, height: 844 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/with-attachment.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;
/** A small JPEG: the start of a JFIF file and padding; the upload is checked by its first bytes. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(2048, 1), Buffer.from([0xff, 0xd9])]);

describe('a complaint with a photo of the KTP', () => {
  it('refuses a file of the wrong kind, uploads the photo, files the complaint, and shows the file to the office only', async () => {
    await page().goto(`${session.api.url}/lapor/contoh`);
    await page().getByTestId('file-form').waitFor();
    await page().locator('[data-testid="field-input"][data-field-id="nama"]').fill('Wayan Sudarma');
    await page().locator('[data-testid="field-input"][data-field-id="isi"]').fill('Nama di KTP salah eja');
    const ktp = page().locator('[data-testid="field-input"][data-field-id="ktp"]');
    // a text file named like a photo is refused by its content
    await ktp.setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('bukan foto') });
    const refused = page().locator('[data-testid="field-error"][data-field-id="ktp"]');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/hanya menerima berkas .+; berkas ini jenis yang tidak diterima\.$/);
    // said in the page's language, and again after a switch of it
    await page().getByTestId('lang-en').click();
    expect(await refused.innerText()).toMatch(/takes .+ files; this one is a kind it does not take\.$/);
    await page().getByTestId('lang-id').click();
    await ktp.setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page().locator('[data-testid="file-chosen"][data-field-id="ktp"]').waitFor();
    await page().getByTestId('file-submit').click();
    await page().getByTestId('file-success').waitFor();
    const ticket = (await page().getByTestId('ticket-number').innerText()).trim();
    await page().screenshot({ path: join(SCREENSHOTS, 'attachments-filed.png'), fullPage: true });

    // the ticket page says nothing of the file
    await page().goto(`${session.api.url}/tiket/${ticket}`);
    await page().getByTestId('ticket-status').waitFor();
    await expect(page().content()).resolves.not.toContain('ktp.jpg');

    // the intake lane (which sees the identity) sees the file
    const client = new ApiClient(session.api.url);
    const item = (await client.request('GET', '/api/cases', { as: 'contoh.petugas' })).body.items.find((i: { ticket: string }) => i.ticket === ticket);
    await page().setViewportSize({ width: 1440, height: 900 });
    await signIn(session, 'contoh.petugas');
    await page().goto(`${session.api.url}/cases/${item.id}`);
    const file = page().getByTestId('attachment');
    await file.waitFor();
    await expect(file.innerText()).resolves.toMatch(/ktp\.jpg/);
    await page().screenshot({ path: join(SCREENSHOTS, 'attachments-case.png'), fullPage: true });

    // the officer attaches the corrected document to the decision that settles the complaint
    await page().getByTestId('event-attachment-input').setInputFiles({ name: 'ktp-baru.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page().getByTestId('event-attachment').waitFor();
    await page().locator('[data-testid="outcome"][data-outcome="selesai"]').check();
    await page().getByTestId('decide').click();
    await page().getByTestId('case-moved').waitFor();
    const eventFiles = page().getByTestId('event-attachments');
    await eventFiles.waitFor();
    await expect(eventFiles.innerText()).resolves.toMatch(/ktp-baru\.jpg/);
  });
});
