#!/usr/bin/env node
/**
 * Screenshots of the users' journeys (issue 11) against a running server, for any version of the
 * product: it signs in through the login page and files through the public API, as a user would.
 *
 *   node scripts/journey-screenshots.js --base http://127.0.0.1:3000 --out test-results/journeys/after
 *   node scripts/journey-screenshots.js --compose before-dir after-dir out-dir
 *
 * The second form writes one image per journey with the two screenshots side by side
 * ("before" left, "after" right), for the closing note of issue 11.
 */
const { mkdirSync, existsSync, readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');

const PASSWORD = 'demo-sop-2026';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function arg(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function fileComplaint(base) {
  const res = await fetch(`${base}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sop: 'lumajang',
      data: { nama: 'Dewi Lestari', email: 'dewi@example.id', isi: 'Pendaftaran online tidak bisa diakses sejak Senin' },
    }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  return res.json();
}

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(600);
}

async function shoot(browser, out, name, viewport, steps) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await steps(page);
    await settle(page);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: false });
    console.log(`  ${name}`);
  } catch (e) {
    console.log(`  ${name}: ${e.message.split('\n')[0]}`);
    await page.screenshot({ path: join(out, `${name}.png`) }).catch(() => undefined);
  } finally {
    await context.close();
  }
}

async function login(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill('[data-testid="login-username"]', username);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 10_000 });
  await settle(page);
}

async function capture(base, out) {
  mkdirSync(out, { recursive: true });
  const filed = await fileComplaint(base);
  const ticket = filed.ticket;
  let caseId = filed.id ?? filed.caseId;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const go = (path) => async (page) => page.goto(base + path);
  const as = (user, path) => async (page) => {
    await login(page, base, user);
    if (path) await page.goto(base + path);
  };
  const journeys = [
    ['citizen-1-home-phone', PHONE, go('/')],
    ['citizen-2-form-phone', PHONE, go('/lapor/lumajang')],
    ['citizen-3-ticket-phone', PHONE, go(`/tiket/${ticket}`)],
    ['operator-1-landing', DESKTOP, as('lumajang.petugas-operator')],
    ['operator-2-inbox', DESKTOP, as('lumajang.petugas-operator', '/inbox')],
    [
      'operator-3-case',
      DESKTOP,
      async (page) => {
        await login(page, base, 'lumajang.petugas-operator');
        if (caseId) return void (await page.goto(`${base}/cases/${caseId}`));
        await page.goto(`${base}/inbox`);
        await settle(page);
        await page.getByText(ticket).first().click();
        await page.waitForURL(/\/cases\/[^/]+$/, { timeout: 10_000 });
        caseId = new URL(page.url()).pathname.split('/')[2];
      },
    ],
    ['operator-4-register', DESKTOP, as('lumajang.petugas-operator', '/cases/new')],
    ['operator-5-kartu-print', DESKTOP, async (page) => as('lumajang.petugas-operator', `/cases/${caseId}/kartu`)(page)],
    ['author-1-sop-page', DESKTOP, go('/sops/metro')],
    ['author-2-editor', DESKTOP, as('metro.penyusun', '/sops/metro/ubah')],
    ['author-3-other-regency', DESKTOP, as('lumajang.penyusun', '/sops/metro/ubah')],
    ['author-4-simulator', DESKTOP, go('/sops/metro/simulasi')],
    ['author-5-print', DESKTOP, go('/sops/metro/cetak')],
    ['reviewer-1-landing', DESKTOP, as('reviewer')],
    ['reviewer-2-compare', DESKTOP, go('/compare?ids=metro,buleleng')],
    ['reviewer-3-reports', DESKTOP, as('reviewer', '/reports')],
    ['reviewer-4-national', DESKTOP, as('reviewer', '/reports/nasional')],
    ['everywhere-1-not-found', DESKTOP, go('/halaman-yang-tidak-ada')],
  ];
  for (const [name, viewport, steps] of journeys) await shoot(browser, out, name, viewport, steps);
  await browser.close();
}

async function compose(beforeDir, afterDir, out) {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 600 } });
  for (const file of readdirSync(afterDir).filter((f) => f.endsWith('.png'))) {
    const img = (dir) => (existsSync(join(dir, file)) ? `data:image/png;base64,${readFileSync(join(dir, file)).toString('base64')}` : '');
    const phone = file.includes('phone');
    const width = phone ? 390 : 760;
    await page.setContent(
      `<html><body style="margin:0;font:16px sans-serif;background:#eee"><div style="display:flex;gap:16px;padding:12px">` +
        ['before', 'after']
          .map(
            (label, i) =>
              `<figure style="margin:0;width:${width}px"><figcaption style="padding:4px 0;font-weight:bold">${file.replace('.png', '')} — ${label}</figcaption>` +
              `<img style="width:${width}px;border:1px solid #999;background:#fff" src="${img(i === 0 ? beforeDir : afterDir)}"></figure>`,
          )
          .join('') +
        `</div></body></html>`,
    );
    await page.waitForLoadState('load');
    const box = await page.locator('div').first().boundingBox();
    await page.screenshot({
      path: join(out, file.replace('.png', '.jpg')),
      type: 'jpeg',
      quality: 70,
      clip: { x: 0, y: 0, width: box.width, height: box.height },
    });
    console.log(`  ${file}`);
  }
  await browser.close();
}

const composeAt = process.argv.indexOf('--compose');
const run =
  composeAt !== -1
    ? compose(resolve(process.argv[composeAt + 1]), resolve(process.argv[composeAt + 2]), resolve(process.argv[composeAt + 3]))
    : capture(arg('--base') ?? 'http://127.0.0.1:3000', resolve(arg('--out') ?? 'test-results/journeys'));
run.catch((e) => {
  console.error(e);
  process.exit(1);
});
