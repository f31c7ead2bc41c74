import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, DEMO_PASSWORD, ROOT, startApi, type ApiProcess, type TestDatabase } from '../../apps/api/test/api-harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const DOWNLOADS = join(ROOT, 'test-results/downloads');

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const webDir = process.env.WEB_DIR ?? join(ROOT, 'apps/web/dist');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`the web app is not built in ${webDir}: run npm run build first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface BrowserSession {
  /** The built API serving the built web app, on a fresh database for this test file. */
  readonly api: ApiProcess;
  /** A new page in a new browser context for each test. */
  readonly page: Page;
  /** Uncaught errors of the page during the current test (each test fails when any remain). */
  readonly pageErrors: string[];
}

/**
 * Registers the hooks every browser test file needs: a fresh database and API for the file,
 * Chromium, a new context and page per test, and a check after each test that the page threw no
 * uncaught error.
 */
export function browserSession(options: {
  viewport: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Extra environment for the API (e.g. a SOPS_DIR with a fixture SOP), read when the file's API starts. */
  env?: () => Record<string, string>;
}): BrowserSession {
  let db: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, options.env?.() ?? {});
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.drop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: options.viewport, acceptDownloads: options.acceptDownloads ?? false });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });
  return {
    get api() {
      return api;
    },
    get page() {
      return page;
    },
    get pageErrors() {
      return pageErrors;
    },
  };
}

/**
 * Puts a demo account's login into the browser's localStorage the way the login page does, before the
 * app starts (call before the page's first navigation).
 */
export async function signIn(session: BrowserSession, username: string): Promise<void> {
  const res = await fetch(session.api.url + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const login = (await res.json()) as { token: string; user: { username: string } };
  await session.page.addInitScript((value) => localStorage.setItem('sop.session', value), JSON.stringify({ token: login.token, user: login.user }));
}

/**
 * Fits the whole SOP sheet in the diagram's pane with the fit-view control, as a reader does for an
 * overview: the SOP page and the editor open at a readable zoom at the top of the sheet, so a test
 * that drags or connects across the whole sheet fits it first.
 */
export async function fitWholeSheet(page: Page): Promise<void> {
  // the readable view is set on the frame after the pane has a size (12 px from the top): after it, not before
  await page.waitForFunction(() =>
    /translate\(\s*[\d.]+px,\s*12px\)/.test(document.querySelector<HTMLElement>('[data-testid="diagram"] .react-flow__viewport')?.style.transform ?? ''),
  );
  const viewport = page.locator('[data-testid="diagram"] .react-flow__viewport');
  const before = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
  await page.locator('[data-testid="diagram"] .react-flow__controls-fitview').click();
  await page.waitForFunction(
    (previous) => document.querySelector<HTMLElement>('[data-testid="diagram"] .react-flow__viewport')?.style.transform !== previous,
    before,
  );
}

/**
 * The SOP's signer (`<sop>.pengesah`) approves a proposed version from today on the API's clock, so
 * that it is in effect (docs/adr/0025-version-approval.md): for tests about something else than approval.
 */
export async function approveVersion(apiUrl: string, sopId: string, version: number): Promise<void> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `${sopId}.pengesah`, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login of ${sopId}.pengesah failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const { today } = (await (await fetch(`${apiUrl}/api/sops/${sopId}/versions`)).json()) as { today: string };
  const res = await fetch(`${apiUrl}/api/sops/${sopId}/versions/${version}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ effectiveDate: today }),
  });
  if (res.status !== 201) throw new Error(`approving ${sopId}@${version} failed: ${res.status} ${await res.text()}`);
}
