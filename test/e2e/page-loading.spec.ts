import { browserSession } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 900 } });

describe("loading a page's code", () => {
  it("asks for the editor's code at once on the editor's address, and only there", async () => {
    const asked: string[] = [];
    session.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await session.page.goto(`${session.api.url}/sops/metro`);
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
    expect(asked.some((p) => /\/assets\/EditSopPage-[\w-]+\.js$/.test(p))).toBe(false);
    await session.page.goto(`${session.api.url}/sops/metro/ubah`);
    // sop-preload.js adds the editor's chunks as module preloads before the app's code has run
    const preloaded = await session.page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
    );
    expect(preloaded.some((p) => /\/assets\/EditSopPage-[\w-]+\.js$/.test(p))).toBe(true);
    await session.page.locator('[data-testid="yaml-pane"] .cm-content').waitFor();
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
  });

  it("keeps the citizen's form light: no flowchart or editor code, its own code asked for at once, every script compressed", async () => {
    const asked: string[] = [];
    const encodings = new Map<string, string>();
    session.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    session.page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (/\/assets\/.+\.js$/.test(path)) encodings.set(path, r.headers()['content-encoding'] ?? 'none');
    });
    await session.page.goto(`${session.api.url}/lapor/metro`);
    await session.page.getByTestId('file-form').waitFor();
    const scripts = asked.filter((p) => /\/assets\/.+\.js$/.test(p));
    expect(scripts.some((p) => /\/assets\/FilePage-[\w-]+\.js$/.test(p))).toBe(true);
    expect(scripts.filter((p) => /\/assets\/(SwimlaneDiagram|SopPage|EditSopPage|validation\.worker)-[\w-]+\.js$/.test(p))).toEqual([]);
    // sop-preload.js asked for the form's code, and for its SOP, before the app's code had run
    const preloaded = await session.page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
    );
    expect(preloaded.some((p) => /\/assets\/FilePage-[\w-]+\.js$/.test(p))).toBe(true);
    expect(asked.filter((p) => p === '/api/sops/metro')).toHaveLength(1);
    // the build's brotli copies, where the browser accepts them
    expect([...encodings.values()].every((e) => e === 'br')).toBe(true);
    expect(encodings.size).toBeGreaterThan(2);

    // an SOP's own page still asks for its flowchart's code at once
    await session.page.goto(`${session.api.url}/sops/metro`);
    const viewPreloads = await session.page.evaluate(() =>
      [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
    );
    expect(viewPreloads.some((p) => /\/assets\/SwimlaneDiagram-[\w-]+\.js$/.test(p))).toBe(true);
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
  });

  it('says so when a page cannot be loaded, and loads it on reload', async () => {
    const blocked = /\/assets\/ComparePage-[\w-]+\.js$/;
    await session.page.route(blocked, (route) => route.abort('connectionreset'));
    await session.page.goto(`${session.api.url}/compare`);
    const failed = session.page.getByTestId('page-load-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toBe('Halaman ini tidak dapat dimuat. Periksa sambungan, lalu muat ulang.');
    // what the browser said stays readable, for whoever is asked for help
    expect(await session.page.getByTestId('page-load-error').textContent()).toContain('ComparePage');
    // the header and its navigation stay: the rest of the app still works
    expect(await session.page.locator('header a').count()).toBeGreaterThan(0);
    await session.page.unroute(blocked);
    await session.page.getByRole('button', { name: 'Muat ulang' }).click();
    await session.page.getByTestId('compare-choose-more').waitFor();
    expect(await failed.count()).toBe(0);
  });
});
