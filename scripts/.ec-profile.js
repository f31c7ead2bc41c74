// temporary: CPU profile of the editor at 300 steps (load, then keystrokes)
const { spawn } = require('node:child_process');
const { mkdtempSync, mkdirSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { chromium } = require('playwright-core');
const { generateLargeSop } = require('./generate-large-sop');
const root = join(__dirname, '..');
(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec-prof-'));
  mkdirSync(join(dir, 'sops'));
  writeFileSync(join(dir, 'sops', 'besar.yaml'), generateLargeSop({ steps: 300, lanes: 8 }));
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), SOPS_DIR: join(dir, 'sops'), SWEEP_INTERVAL_MS: '600000', WEB_DIR: process.env.WEB_DIR || join(root, 'apps/web/dist') }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((r) => { let b = ''; child.stdout.on('data', (d) => { b += d; const m = /listening on http:\/\/localhost:(\d+)/.exec(b); if (m) r(m[1]); }); });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${port}/sops/besar/ubah`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="step-node"]').length === 300, null, { timeout: 120000 });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r())));
  const load = (await cdp.send('Profiler.stop')).profile;
  writeFileSync('/tmp/ec-load.cpuprofile', JSON.stringify(load));
  await page.evaluate(() => { const v = document.querySelector('[data-testid="yaml-pane"] .cm-content').cmTile.root.view; const t = v.state.doc.toString(); const at = t.indexOf('label: Langkah 2\n') + 16; v.focus(); v.dispatch({ selection: { anchor: at } }); });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 8; i++) { await page.keyboard.type('x'); await page.waitForTimeout(900); }
  const keys = (await cdp.send('Profiler.stop')).profile;
  writeFileSync('/tmp/ec-keys.cpuprofile', JSON.stringify(keys));
  await browser.close(); child.kill();
})();
