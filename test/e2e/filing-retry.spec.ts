import type { Request, Route } from 'playwright-core';
import { ApiClient } from '../../apps/api/test/api-harness';
import { browserSession } from './browser';

// The phone audit's lost answer: the complaint reaches the API, the answer never reaches the phone.
// The citizen is told it was not sent and taps send again: the same ticket and access code come
// back (the form sent the same Idempotency-Key), and the office has one complaint, not two.
const PHONE = { width: 390, height: 844 };
const session = browserSession({ viewport: PHONE });

const page = () => session.page;
const input = (fieldId: string) => page().locator(`[data-testid="field-input"][data-field-id="${fieldId}"]`);
const api = () => new ApiClient(session.api.url);

interface Filed {
  ticket: string;
  accessCode: string;
}

/** How many complaints of Kota Metro the office has, and which of them have the ticket. */
async function officeSees(ticket: string): Promise<{ total: number; withTicket: string[] }> {
  const all = await api().request('GET', '/api/cases?pageSize=1', { as: 'metro.petugas' });
  const found = await api().request('GET', `/api/cases?ticket=${encodeURIComponent(ticket)}`, { as: 'metro.petugas' });
  expect([all.status, found.status]).toEqual([200, 200]);
  return { total: all.body.total as number, withTicket: (found.body.items as { ticket: string }[]).map((i) => i.ticket) };
}

async function officeTotal(): Promise<number> {
  const all = await api().request('GET', '/api/cases?pageSize=1', { as: 'metro.petugas' });
  expect(all.status).toBe(200);
  return all.body.total as number;
}

/**
 * Lets each POST of a complaint reach the API; the first one's answer is lost on the way back (the
 * connection resets after the API answered), the others' come through. Returns what the API
 * answered the first time and the requests as sent.
 */
async function loseFirstAnswer(): Promise<{ sent: Request[]; lost: () => Filed | null }> {
  const sent: Request[] = [];
  let lost: Filed | null = null;
  await page().route('**/api/public/complaints', async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent.push(route.request());
    if (sent.length > 1) return route.continue();
    const answer = await route.fetch();
    expect(answer.status()).toBe(201);
    lost = (await answer.json()) as Filed;
    await route.abort('connectionreset');
  });
  return { sent, lost: () => lost };
}

async function fillMetro(words: string): Promise<void> {
  await input('nama').fill('Siti Rahayu');
  await input('telepon').fill('0812-3456-7890');
  await input('isi').fill(words);
}

async function expectNotSent(): Promise<void> {
  const alert = page().getByRole('alert').filter({ hasText: 'Pengaduan belum terkirim' });
  await alert.waitFor();
  expect(await alert.textContent()).toContain('coba kirim lagi');
}

describe('a complaint whose answer was lost on the way back', () => {
  it('sent again, gets the ticket and access code already filed, and files one complaint', async () => {
    const before = await officeTotal();
    const { sent, lost } = await loseFirstAnswer();
    await page().goto(`${session.api.url}/lapor/metro`);
    await page().getByTestId('file-form').waitFor();
    await fillMetro('Lampu jalan di depan rumah saya mati sejak seminggu (percobaan 1)');

    await page().getByTestId('file-submit').click();
    await expectNotSent();
    // the API did file it: the citizen just never heard
    const first = lost();
    expect(first).not.toBeNull();
    expect(await page().getByTestId('file-success').count()).toBe(0);

    await page().getByTestId('file-submit').click();
    await page().getByTestId('file-success').waitFor();
    const shown = (await page().getByTestId('ticket-number').textContent())!.trim();
    expect(shown).toBe(first!.ticket);
    expect((await page().getByTestId('access-code').textContent())!.trim()).toBe(first!.accessCode);

    // both sends carried one key, a UUID
    expect(sent).toHaveLength(2);
    const keys = sent.map((r) => r.headers()['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(sent[1].postData()).toBe(sent[0].postData());

    const office = await officeSees(shown);
    expect(office.total).toBe(before + 1);
    expect(office.withTicket).toEqual([shown]);
  });

  it('after a reload, the same complaint typed again still gets the ticket already filed; the next complaint a new one', async () => {
    const before = await officeTotal();
    const { sent, lost } = await loseFirstAnswer();
    const words = 'Saluran air di gang kami tersumbat (percobaan 2)';
    await page().goto(`${session.api.url}/lapor/metro`);
    await page().getByTestId('file-form').waitFor();
    await fillMetro(words);
    await page().getByTestId('file-submit').click();
    await expectNotSent();

    // the citizen reloads the page and types the same complaint again (the key is kept for the tab's session)
    await page().reload();
    await page().getByTestId('file-form').waitFor();
    await fillMetro(words);
    await page().getByTestId('file-submit').click();
    await page().getByTestId('file-success').waitFor();
    const shown = (await page().getByTestId('ticket-number').textContent())!.trim();
    expect(shown).toBe(lost()!.ticket);
    expect(sent[1].headers()['idempotency-key']).toBe(sent[0].headers()['idempotency-key']);
    expect(await officeTotal()).toBe(before + 1);

    // "send another": a new submission, a new key, a complaint of its own
    await page().getByTestId('file-another').click();
    await page().getByTestId('file-form').waitFor();
    await fillMetro(words);
    await page().getByTestId('file-submit').click();
    await page().getByTestId('file-success').waitFor();
    const next = (await page().getByTestId('ticket-number').textContent())!.trim();
    expect(next).not.toBe(shown);
    expect(sent).toHaveLength(3);
    expect(sent[2].headers()['idempotency-key']).not.toBe(sent[0].headers()['idempotency-key']);
    expect(await officeTotal()).toBe(before + 2);
  });
});
