import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySopsWith } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// Routing by the field concerned, a lane's units, coordination and a scheduled wait, as operators
// work them in the console (docs/adr/0014-coordination-routing-units.md), with the fixture
// coordination-and-units.yaml published as "contoh".
let sopsDir = '';
const session = browserSession({
  viewport: { width: 1440, height: 900 },
  env: () => {
    sopsDir = copySopsWith({ contoh: 'valid/coordination-and-units.yaml' });
    return { SOPS_DIR: sopsDir };
  },
});
afterAll(() => {
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const page = () => session.page;

async function openCase(as: string, id: string): Promise<void> {
  await signIn(session, as);
  await page().goto(`${session.api.url}/cases/${id}`);
  await page().getByTestId('current-step').waitFor();
}

describe('a complaint about civil records', () => {
  it('is routed by its field to the Capil unit, which asks the Helpdesk and schedules a meeting', async () => {
    const client = new ApiClient(session.api.url);
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'contoh', data: { nama: 'Wayan Sudarma', bidang: 'Pencatatan Sipil', isi: 'Akta kelahiran anak saya salah nama' } },
    });
    const { ticket } = filed.body;
    const item = (await client.request('GET', '/api/cases', { as: 'contoh.petugas' })).body.items.find((i: { ticket: string }) => i.ticket === ticket);

    // the front office finds the outcome the field leads to already chosen
    await openCase('contoh.petugas', item.id);
    await expect(page().locator('[data-testid="outcome"][data-outcome="ke-bidang"]').isChecked()).resolves.toBe(true);
    await expect(page().getByTestId('suggested').innerText()).resolves.toBe('sesuai isian pengaduan');
    // another way needs a reason
    await page().locator('[data-testid="outcome"][data-outcome="ke-ppid"]').check();
    await page().getByTestId('decide').click();
    await page().getByTestId('note-required').waitFor();
    await page().locator('[data-testid="outcome"][data-outcome="ke-bidang"]').check();
    await page().getByTestId('action-note').fill('');
    await page().getByTestId('decide').click();
    await page().getByTestId('case-moved').waitFor();

    // only the Capil unit (and the whole lane) has it
    await signIn(session, 'contoh.bidang.dafduk');
    await page().goto(`${session.api.url}/inbox`);
    await page().getByTestId('inbox-table').or(page().getByTestId('inbox-empty')).first().waitFor();
    await expect(page().locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).count()).resolves.toBe(0);
    await signIn(session, 'contoh.bidang.capil');
    await page().goto(`${session.api.url}/inbox`);
    const row = page().locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`);
    await row.waitFor();
    await expect(row.getByTestId('unit-badge').innerText()).resolves.toBe('Bidang Pelayanan Pencatatan Sipil');

    // Capil asks the Helpdesk
    await openCase('contoh.bidang.capil', item.id);
    await page().getByTestId('action-note').fill('Apakah data di SIAK sudah sinkron?');
    await page().locator('[data-testid="consult"][data-lane="helpdesk"]').click();
    await page().getByTestId('consulting').waitFor();
    await expect(page().getByTestId('consulting').innerText()).resolves.toMatch(/Menunggu jawaban koordinasi dari Helpdesk/);

    // the Helpdesk answers from its own inbox
    await signIn(session, 'contoh.helpdesk');
    await page().goto(`${session.api.url}/inbox`);
    await page().locator(`[data-testid="inbox-row"][data-ticket="${ticket}"]`).getByTestId('consulting-badge').waitFor();
    await page().goto(`${session.api.url}/cases/${item.id}`);
    await page().getByTestId('consultation-answer').waitFor();
    await page().getByTestId('answer-note').fill('Sudah sinkron sejak pagi ini.');
    await page().getByTestId('answer').click();
    await page().getByTestId('case-moved').waitFor();
    await page().screenshot({ path: join(SCREENSHOTS, 'coordination-answered.png'), fullPage: true });

    // Capil sees the answer and schedules a meeting with the complainant
    await openCase('contoh.bidang.capil', item.id);
    const lines = await page()
      .getByTestId('kartu')
      .locator('li[data-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(lines.slice(-2)).toEqual(['CONSULT', 'ANSWER']);
    await page().getByTestId('schedule-until').fill('2026-12-10');
    await page().getByTestId('schedule').click();
    await page().getByTestId('scheduled').waitFor();
    await expect(page().getByTestId('scheduled').innerText()).resolves.toMatch(/Jadwal pertemuan dengan pelapor: Kam, 10 Des 2026/);
    await page().screenshot({ path: join(SCREENSHOTS, 'coordination-scheduled.png'), fullPage: true });

    // the complainant sees the date on the ticket page
    await page().goto(`${session.api.url}/tiket/${ticket}`);
    await page().getByTestId('ticket-scheduled').waitFor();
    await expect(page().getByTestId('ticket-scheduled').innerText()).resolves.toMatch(/10 Desember 2026/);
  });
});
