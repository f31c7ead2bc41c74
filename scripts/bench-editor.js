// npm run bench:editor — a generated 300-step, 8-lane SOP opened in headless Chromium: time to the
// first complete render (every step node in the page) and to interactive (the first idle moment of
// the main thread after that), beside the same measure for a 10-step SOP in the same run.
// Needs the built app (npm run build, or WEB_DIR=<a vite build folder>) and Debian's Chromium
// (apt-get install -y chromium).
const { spawn } = require('node:child_process');
const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');
const { generateLargeSop } = require('./generate-large-sop');

const root = join(__dirname, '..');
const RUNS = Number(process.env.RUNS || 3);
const WEB_DIR = process.env.WEB_DIR ? resolve(process.env.WEB_DIR) : join(root, 'apps/web/dist');

async function startApi(dir) {
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      SOPS_DIR: join(dir, 'sops'),
      SWEEP_INTERVAL_MS: '600000',
      WEB_DIR,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /listening on http:\/\/localhost:(\d+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`API exited ${code}`)));
  });
  child.stdout.resume();
  return { url: `http://127.0.0.1:${port}`, child };
}

async function measure(browser, url, steps) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="step-node"]').length === n, steps, { timeout: 60_000, polling: 'raf' });
  const rendered = Date.now() - started;
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 60_000 })));
  const interactive = Date.now() - started;
  await page.close();
  return { rendered, interactive };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-bench-editor-'));
  mkdirSync(join(dir, 'sops'));
  writeFileSync(join(dir, 'sops', 'besar.yaml'), generateLargeSop({ steps: 300, lanes: 8 }));
  writeFileSync(join(dir, 'sops', 'kecil.yaml'), generateLargeSop({ steps: 10, lanes: 8 }));
  const api = await startApi(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await measure(browser, `${api.url}/sops/kecil`, 10); // warm the server and the browser cache
    const results = {};
    for (const [name, steps] of [
      ['kecil', 10],
      ['besar', 300],
    ]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, `${api.url}/sops/${name}`, steps));
      results[name] = { steps, rendered: median(runs.map((r) => r.rendered)), interactive: median(runs.map((r) => r.interactive)) };
    }
    console.log(`median of ${RUNS} runs each, from navigation to: every step node rendered / first idle main thread`);
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `${`${r.steps}-step, 8-lane SOP`.padEnd(24)} rendered ${String(r.rendered).padStart(6)} ms   interactive ${String(r.interactive).padStart(6)} ms`,
      );
    }
    console.log(
      `ratio 300-step / 10-step: rendered ${(results.besar.rendered / results.kecil.rendered).toFixed(1)}x, interactive ${(results.besar.interactive / results.kecil.interactive).toFixed(1)}x; goal: the 300-step SOP interactive under 1500 ms`,
    );
  } finally {
    await browser.close();
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
