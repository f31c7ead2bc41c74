// node scripts/profile-summary.js FILE.cpuprofile [TOP] [LAST_SECONDS] — the functions that take most of a CPU
// profile's time (written by `node --cpu-prof`, e.g. API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p"
// with bench:runtime or bench:deadlines), by self time, and the same summed per package or file
// (node_modules/<package>, libs/<lib>, apps/api/<dir>, node internals), so that a cost spread over
// many small functions shows too. LAST_SECONDS keeps only the end of the profile (the measured run,
// not the start-up and set-up before it).
const { readFileSync } = require('node:fs');

const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.js FILE.cpuprofile [TOP]');
  process.exit(2);
}
const TOP = Number(topArg || 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// self time per node: the sampled intervals, attributed to the node each sample hit
const self = new Map();
const from = lastArg ? profile.endTime - Number(lastArg) * 1e6 : -Infinity;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from) continue;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Where a function lives, in a few words: its package, lib, API folder, or the node internals. */
function place(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  let m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  m = /\/libs\/([^/]+)\//.exec(url);
  if (m) return `libs/${m[1]}`;
  m = /\/apps\/api\/dist\/(.+)$/.exec(url);
  if (m) return `api/${m[1].replace(/\.js$/, '')}`;
  return url.replace(/^file:\/\//, '');
}

const fns = new Map();
const places = new Map();
for (const [id, us] of self) {
  const { callFrame } = byId.get(id);
  const where = place(callFrame.url);
  const key = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  places.set(where, (places.get(where) ?? 0) + us);
}
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('self time by function', fns);
show('self time by package / file', places);
