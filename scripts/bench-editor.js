// npm run bench:editor — a generated 300-step, 8-lane SOP in headless Chromium, beside a 10-step SOP
// in the same run (the baseline):
// - the view page (/sops/{id}): time to the first complete render (every step node in the page) and
//   to interactive (the first idle moment of the main thread after that);
// - the editor (/sops/{id}/ubah): the same two times, with the YAML pane ready too;
// - the author typing in the editor: from a keystroke in the YAML pane, and from a property change
//   (the step's label, committed with Enter) in the properties panel, to the diagram validated and
//   redrawn with the change (the node shows the new text and a frame has been painted). Each is
//   timed inside the page (keydown to painted frame); p50 and p95 over KEYSTROKES (default 30).
// The app marks `sop-editor:applied` (the command stack validated the new text) and
// `sop-editor:drawn` (the diagram committed a new layout) with performance.mark; the bench reports
// how much of each keystroke was spent before each mark.
// Needs the built app (npm run build, or WEB_DIR=<a vite build folder>) and Debian's Chromium
// (apt-get install -y chromium). The last line is the one a script reads:
//   editor 300-step interactive: N ms; keystroke p95: N ms
const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');
const { generateLargeSop } = require('./generate-large-sop');
const { parse } = require('yaml');
const { root, BUILT_API, startApi: start } = require('./lib/bench-db');
const { layoutSwimlanes } = require('../libs/swimlane-layout/dist');

const RUNS = Number(process.env.RUNS || 3);
const WEB_DIR = process.env.WEB_DIR ? resolve(process.env.WEB_DIR) : join(root, 'apps/web/dist');

async function startApi(dir) {
  const api = start({ DATA_DIR: join(dir, 'data'), SOPS_DIR: join(dir, 'sops'), SWEEP_INTERVAL_MS: '600000', WEB_DIR }, { main: BUILT_API, nodeArgs: [] });
  return { url: await api.listening, child: api.child };
}

async function measure(browser, url, steps, { editor = false, boxes = [] } = {}) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const started = Date.now();
  await page.goto(url);
  if (editor) {
    // the editor draws only the steps in view (React Flow's onlyRenderVisibleElements, ADR 0034): its
    // diagram is complete when the first step is drawn and the set of drawn steps holds for two frames
    await page.waitForFunction(
      () => {
        const drawn = document.querySelectorAll('[data-testid="step-node"]').length;
        const ready =
          drawn > 0 &&
          document.querySelector('[data-testid="yaml-pane"] .cm-content') &&
          document.querySelector('[data-testid="step-node"][data-step-id="langkah-1"]');
        const w = window;
        w.__benchDrawn = ready ? [...(w.__benchDrawn || []), drawn].slice(-3) : [];
        return w.__benchDrawn.length === 3 && w.__benchDrawn.every((n) => n === drawn);
      },
      undefined,
      { timeout: 120_000, polling: 'raf' },
    );
  } else {
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="step-node"]').length === n, steps, { timeout: 120_000, polling: 'raf' });
  }
  const rendered = Date.now() - started;
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 60_000 })));
  const interactive = Date.now() - started;
  const drawn = await page.evaluate(() => document.querySelectorAll('[data-testid="step-node"]').length);
  if (editor) await assertEveryStepInViewDrawn(page, boxes);
  return { rendered, interactive, drawn, page };
}

/** The step boxes of an SOP's main flow on the sheet, as the editor lays them out (Mutu Baku shown). */
function stepBoxes(yaml) {
  return layoutSwimlanes(parse(yaml), { flow: 'main', showMutuBaku: true }).nodes.map(({ id, x, y, width, height }) => ({ id, x, y, width, height }));
}

/** Every step whose box lies (even partly) in the diagram's pane is in the page: nothing in view is left undrawn. */
async function assertEveryStepInViewDrawn(page, boxes) {
  const missing = await page.evaluate((boxes) => {
    const flow = document.querySelector('[data-testid="diagram"] .react-flow');
    const pane = flow.getBoundingClientRect();
    const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(flow.querySelector('.react-flow__viewport').style.transform);
    const [x, y, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const drawn = new Set([...document.querySelectorAll('[data-testid="step-node"]')].map((n) => n.getAttribute('data-step-id')));
    const inView = (b) => b.x * zoom + x < pane.width && (b.x + b.width) * zoom + x > 0 && b.y * zoom + y < pane.height && (b.y + b.height) * zoom + y > 0;
    return boxes.filter((b) => inView(b) && !drawn.has(b.id)).map((b) => b.id);
  }, boxes);
  if (missing.length > 0) throw new Error(`steps in view but not drawn: ${missing.join(', ')}`);
}

/**
 * Arms a timer in the page: from the next keydown (in the capture phase, before the app sees it) to
 * the first painted frame after the diagram's node `stepId` shows `text`. Resolves to the time and
 * to how far into it the app's marks fell.
 */
function armTimer(page, stepId, text) {
  return page.evaluate(
    ([stepId, text]) => {
      performance.clearMarks();
      window.__benchTimer = new Promise((resolve) => {
        let t0 = 0;
        const shows = () => document.querySelector(`.react-flow__node[data-id="${stepId}"]`)?.textContent?.includes(text);
        document.addEventListener(
          'keydown',
          () => {
            t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (!shows()) return;
              observer.disconnect();
              // the frame that shows it: the next animation frame's callback runs before its paint, the task after it after the paint
              requestAnimationFrame(() =>
                setTimeout(() => {
                  const at = (name) => {
                    const m = performance.getEntriesByName(name, 'mark').find((e) => e.startTime >= t0);
                    return m ? m.startTime - t0 : null;
                  };
                  resolve({ ms: performance.now() - t0, applied: at('sop-editor:applied'), drawn: at('sop-editor:drawn') });
                }, 0),
              );
            });
            observer.observe(document.querySelector('[data-testid="diagram"]'), { subtree: true, childList: true, characterData: true });
          },
          { capture: true, once: true },
        );
      });
    },
    [stepId, text],
  );
}

const readTimer = (page) => page.evaluate(() => window.__benchTimer);

/** Puts the YAML pane's cursor at the end of the first line that contains `needle`. */
async function cursorAfter(page, needle) {
  await page.evaluate((needle) => {
    // the EditorView behind the pane (EditorView.findFromDOM does the same)
    const view = document.querySelector('[data-testid="yaml-pane"] .cm-content').cmTile.root.view;
    const text = view.state.doc.toString();
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`not in the YAML pane: ${needle}`);
    view.focus();
    view.dispatch({ selection: { anchor: at + needle.length } });
  }, needle);
}

/** Types KEYSTROKES characters at the end of step 2's label in the YAML pane, one at a time, each timed to the redrawn node. */
async function typeInYaml(page) {
  await cursorAfter(page, 'label: Langkah 2\n');
  await page.keyboard.press('ArrowLeft');
  const times = [];
  let label = 'Langkah 2';
  for (let i = 0; i < KEYSTROKES; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    label += ch;
    await armTimer(page, 'langkah-2', label);
    await page.keyboard.type(ch);
    times.push(await readTimer(page));
  }
  return times;
}

/** Changes step 3's label KEYSTROKES times in the properties panel (each committed with Enter), each timed to the redrawn node. */
async function changeProperty(page) {
  // the node may lie outside the diagram's viewport: the click goes to it wherever it is
  await page.dispatchEvent('.react-flow__node[data-id="langkah-3"]', 'click');
  await page.waitForSelector('[data-testid="properties-panel"][data-step-id="langkah-3"]');
  const times = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const label = `Langkah tiga ${i + 1}`;
    await page.fill('[data-testid="prop-label"]', label);
    await armTimer(page, 'langkah-3', label);
    await page.press('[data-testid="prop-label"]', 'Enter');
    times.push(await readTimer(page));
  }
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => (x === null || x === undefined ? '   —' : String(Math.round(x)).padStart(4));
const KEYSTROKES = Math.max(30, Number(process.env.KEYSTROKES || 30));

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-bench-editor-'));
  mkdirSync(join(dir, 'sops'));
  const yamls = { besar: generateLargeSop({ steps: 300, lanes: 8 }), kecil: generateLargeSop({ steps: 10, lanes: 8 }) };
  for (const [name, yaml] of Object.entries(yamls)) writeFileSync(join(dir, 'sops', `${name}.yaml`), yaml);
  const boxes = { besar: stepBoxes(yamls.besar), kecil: stepBoxes(yamls.kecil) };
  const api = await startApi(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // warm the server and the browser cache
    await (await measure(browser, `${api.url}/sops/kecil`, 10)).page.close();
    await (await measure(browser, `${api.url}/sops/kecil/ubah`, 10, { editor: true, boxes: boxes.kecil })).page.close();
    const sizes = [
      ['kecil', 10],
      ['besar', 300],
    ];
    const results = {};
    for (const [name, steps] of sizes) {
      const view = [];
      const edit = [];
      for (let i = 0; i < RUNS; i++) {
        const v = await measure(browser, `${api.url}/sops/${name}`, steps);
        await v.page.close();
        view.push(v);
        const e = await measure(browser, `${api.url}/sops/${name}/ubah`, steps, { editor: true, boxes: boxes[name] });
        await e.page.close();
        edit.push(e);
      }
      const page = (await measure(browser, `${api.url}/sops/${name}/ubah`, steps, { editor: true, boxes: boxes[name] })).page;
      const yaml = await typeInYaml(page);
      const property = await changeProperty(page);
      await page.close();
      results[name] = {
        steps,
        view: { rendered: median(view.map((r) => r.rendered)), interactive: median(view.map((r) => r.interactive)), drawn: median(view.map((r) => r.drawn)) },
        edit: { rendered: median(edit.map((r) => r.rendered)), interactive: median(edit.map((r) => r.interactive)), drawn: median(edit.map((r) => r.drawn)) },
        yaml,
        property,
      };
    }
    console.log(`median of ${RUNS} runs each, from navigation to: every step node rendered (the editor: every step in view) / first idle main thread`);
    for (const r of Object.values(results)) {
      for (const [what, m] of [
        ['view page', r.view],
        ['editor', r.edit],
      ]) {
        console.log(
          `${`${r.steps}-step ${what}`.padEnd(20)} rendered ${String(m.rendered).padStart(6)} ms   interactive ${String(m.interactive).padStart(6)} ms   (${m.drawn} of ${r.steps} steps drawn)`,
        );
      }
    }
    console.log(`\ntyping in the editor, ${KEYSTROKES} changes each: keydown to the redrawn diagram (ms); median time of the app's marks within it`);
    console.log('                              p50   p95   max | applied drawn');
    for (const r of Object.values(results)) {
      for (const [what, times] of [
        ['YAML keystroke', r.yaml],
        ['property change', r.property],
      ]) {
        const t = times.map((x) => x.ms);
        const applied = times.every((x) => x.applied !== null) ? median(times.map((x) => x.applied)) : null;
        const drawn = times.every((x) => x.drawn !== null) ? median(times.map((x) => x.drawn)) : null;
        console.log(
          `${`${r.steps}-step ${what}`.padEnd(28)} ${ms(median(t))}  ${ms(p95(t))}  ${ms(t.reduce((a, b) => Math.max(a, b), -Infinity))} |    ${ms(applied)}  ${ms(drawn)}`,
        );
        // BENCH_VERBOSE=1: each change in order (ms to redrawn, applied, drawn)
        if (process.env.BENCH_VERBOSE) console.log(`  ${times.map((x) => `${Math.round(x.ms)}(${ms(x.applied).trim()},${ms(x.drawn).trim()})`).join(' ')}`);
      }
    }
    const big = results.besar;
    const small = results.kecil;
    const bigKey = p95(big.yaml.map((x) => x.ms));
    const smallKey = p95(small.yaml.map((x) => x.ms));
    console.log(
      `\nratio 300-step / 10-step: view interactive ${(big.view.interactive / small.view.interactive).toFixed(1)}x, editor interactive ${(big.edit.interactive / small.edit.interactive).toFixed(1)}x, keystroke p95 ${(bigKey / smallKey).toFixed(1)}x, property p95 ${(p95(big.property.map((x) => x.ms)) / p95(small.property.map((x) => x.ms))).toFixed(1)}x`,
    );
    console.log('goals: the 300-step editor interactive under 1500 ms; keystroke to redrawn diagram p95 under 50 ms');
    console.log(`editor 300-step interactive: ${big.edit.interactive} ms; keystroke p95: ${Math.round(bigKey)} ms`);
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
