import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';

// a receiver on this machine (WEBHOOK_ALLOW_LOCALHOST, as in development) that accepts every delivery
let receiver: Server;
let receiverUrl = '';
const bodies: string[] = [];
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      bodies.push(raw);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sop`;
});
afterAll(async () => {
  await new Promise((r) => receiver.close(() => r(null)));
});

const session = browserSession({
  viewport: { width: 1440, height: 1000 },
  env: () => ({ WEBHOOK_ALLOW_LOCALHOST: 'true', NOTIFY_INTERVAL_MS: '100' }),
});

describe("a regency's administrator and webhooks", () => {
  it('is told why a private address is refused, registers an endpoint, sees its secret once and reads its delivery log', async () => {
    await signIn(session, 'admin.lumajang');
    const page = session.page;
    await page.goto(`${session.api.url}/sops`);
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('webhook-form').waitFor();

    await page.getByTestId('webhook-url').fill('https://192.168.1.10/hook');
    await page.getByTestId('webhook-create').click();
    expect(await page.getByTestId('webhooks-error').innerText()).toContain('adalah alamat privat');
    // the refusal on screen follows a switch of language
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('webhooks-error').innerText()).toMatch(/192\.168\.1\.10 is a private/);
    await page.getByTestId('lang-id').click();

    await page.getByTestId('webhook-url').fill(receiverUrl);
    await page.getByTestId('webhook-create').click();
    const secret = await page.getByTestId('webhook-secret-value').innerText();
    expect(secret).toMatch(/^whsec_/);
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.getByTestId('webhook-row').innerText()).toContain(receiverUrl);

    const filed = await fetch(`${session.api.url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sop: 'lumajang', data: SAMPLE_COMPLAINTS.lumajang }),
    });
    const { ticket } = (await filed.json()) as { ticket: string };
    for (let i = 0; i < 100 && !bodies.some((b) => b.includes(ticket)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(bodies.some((b) => b.includes(ticket))).toBe(true);

    await page.getByTestId('webhook-log').click();
    await page.locator('[data-testid="delivery-row"][data-status="sent"]').waitFor();
    const line = await page.getByTestId('delivery-row').first().innerText();
    expect(line).toContain(ticket);
    expect(line).toContain('pengaduan masuk');
    expect(line).toContain('200');
    // the secret is not shown again once dismissed, nor after a reload
    await page.reload();
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await page.getByTestId('webhook-log').click();
    await page.getByTestId('delivery-row').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-webhooks.png'), fullPage: true });
  }, 90_000);
});
