import type { Page } from 'playwright-core';
import { browserSession } from './browser';

/**
 * The pages run under the API's Content-Security-Policy (scripts from the server only, no inline
 * script): no violation is reported while they load and do their work, export included.
 */
const session = browserSession({ viewport: { width: 1600, height: 1100 }, acceptDownloads: true });

/** Collects the policy violations the page reports (the console names each one). */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

it('the SOP page preloads its SOP from a file, draws the flowchart and exports PNG and SVG without a violation', async () => {
  const page = session.page;
  const seen = violations(page);
  const preload = page.waitForResponse((r) => r.url().endsWith('/sop-preload.js'));
  await page.goto(`${session.api.url}/sops/metro`);
  expect((await preload).status()).toBe(200);
  expect((await page.goto(`${session.api.url}/sops/metro`))!.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByTestId('diagram').waitFor();
  await page.locator('[data-testid="step-node"]').first().waitFor();
  for (const kind of ['png', 'svg']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
    expect(download.suggestedFilename()).toBe(`sop-metro-v1.${kind}`);
  }
  expect(seen).toEqual([]);
});

it('the editor (CodeMirror, the validator), the simulation, the complaint form and the comparison run without a violation', async () => {
  const page = session.page;
  const seen = violations(page);
  await page.goto(`${session.api.url}/sops/buleleng/ubah`);
  await page.getByTestId('edit-page').waitFor();
  await page.locator('[data-testid="yaml-pane"] .cm-content').waitFor();
  // the client-side route from the SOP page to its editor runs under the first page's policy
  await page.goto(`${session.api.url}/sops/metro`);
  await page.getByTestId('diagram').waitFor();
  await page.getByTestId('simulate-link').click();
  await page.getByTestId('sim-page').waitFor();
  await page.getByTestId('sim-controls').waitFor();
  await page.goto(`${session.api.url}/lapor/buleleng`);
  await page.getByTestId('file-form').waitFor();
  await page.goto(`${session.api.url}/compare?ids=metro,buleleng`);
  await page.getByTestId('compare-matrix').waitFor();
  expect(seen).toEqual([]);
});

it('the Swagger UI at /api/docs renders its operations without a violation', async () => {
  const page = session.page;
  const seen = violations(page);
  await page.goto(`${session.api.url}/api/docs`);
  await page.locator('.opblock').first().waitFor();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
  expect(seen).toEqual([]);
});
