import { ApiClient, DEMO_PASSWORD, SAMPLE_COMPLAINTS } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS, signIn } from './browser';
import { join } from 'node:path';

// After handing a complaint over, the operator is offered the next one waiting for them (issue 11).
const session = browserSession({ viewport: { width: 1440, height: 900 } });

describe('the operator goes on to the next complaint', () => {
  it('offers the most urgent complaint still waiting in their lanes once a case leaves their hands', async () => {
    const client = new ApiClient(session.api.url);
    const first = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const second = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const inbox = (await client.request('GET', '/api/cases', { as: 'buleleng.staf-kerjasama' })).body.items as { id: string; ticket: string }[];
    const firstCase = inbox.find((i) => i.ticket === first.body.ticket)!;
    const secondCase = inbox.find((i) => i.ticket === second.body.ticket)!;

    await signIn(session, 'buleleng.staf-kerjasama');
    await session.page.goto(`${session.api.url}/cases/${firstCase.id}`);
    await session.page.getByTestId('actions').waitFor();
    await session.page.getByTestId('action-note').fill('Dicatat di logbook');
    await session.page.locator('[data-testid="action"][data-type="COMPLETE"]').click();
    await session.page.getByTestId('case-moved').waitFor();
    const next = session.page.getByTestId('next-case');
    await next.waitFor();
    expect(await next.textContent()).toContain(second.body.ticket);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'next-case.png'), fullPage: false });
    await next.click();
    await session.page.waitForURL(new RegExp(`/cases/${secondCase.id}$`));
    await session.page.getByTestId('actions').waitFor();
  });

  it('claims a case within the lane: a colleague sees who works it and takes it over only with a reason', async () => {
    const client = new ApiClient(session.api.url);
    await client.request('POST', '/api/admin/users', {
      as: 'admin.buleleng',
      body: { username: 'buleleng.staf-dua', displayName: 'Staf Dua', regency: 'buleleng', lanes: ['staf-kerjasama'], password: DEMO_PASSWORD },
    });
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    const item = (await client.request('GET', '/api/cases', { as: 'buleleng.staf-kerjasama' })).body.items.find(
      (i: { ticket: string }) => i.ticket === filed.body.ticket,
    );

    await signIn(session, 'buleleng.staf-kerjasama');
    await session.page.goto(`${session.api.url}/cases/${item.id}`);
    await session.page.getByTestId('claim').click();
    await session.page.locator('[data-testid="claim-bar"][data-mine="true"]').waitFor();
    expect(await session.page.getByTestId('claim-owner').textContent()).toMatch(/^Anda mengerjakan pengaduan ini sejak/);

    await signIn(session, 'buleleng.staf-dua');
    await session.page.goto(`${session.api.url}/inbox`);
    const badge = session.page.locator(`[data-testid="inbox-row"][data-ticket="${filed.body.ticket}"] [data-testid="assignee-badge"]`);
    await badge.waitFor();
    expect(await badge.textContent()).toBe('Dikerjakan Staf Kerjasama (Kabupaten Buleleng)');
    await session.page.goto(`${session.api.url}/cases/${item.id}`);
    await session.page.getByTestId('claim-owner').waitFor();
    expect(await session.page.getByTestId('claim-owner').textContent()).toMatch(/^Staf Kerjasama \(Kabupaten Buleleng\) mengerjakan pengaduan ini/);
    // no actions while a colleague works it
    expect(await session.page.getByTestId('actions').count()).toBe(0);
    await session.page.getByTestId('take-over').click();
    await session.page.getByTestId('take-over-reason').fill('Rekan sedang cuti');
    await session.page.getByTestId('take-over-confirm').click();
    await session.page.locator('[data-testid="claim-bar"][data-mine="true"]').waitFor();
    await session.page.getByTestId('actions').waitFor();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'claim-taken-over.png'), fullPage: false });
  });
});
