// npm run bench:compiler — load, validate and compile the five SOPs and a generated 500-step SOP.
// Prints runs per second and the ratio to parsing the same YAML alone (yaml.parse), measured in the
// same run: absolute times on a noisy machine mean little, the ratio says what our layers cost.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');
const { validateSop } = require('@sop/model');
const { compileSop } = require('@sop/compiler');
const { generateLargeSop } = require('./generate-large-sop');

const root = join(__dirname, '..');
const inputs = readdirSync(join(root, 'sops'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f.replace('.yaml', ''), text: readFileSync(join(root, 'sops', f), 'utf8') }));
inputs.push({ name: 'generated-500', text: generateLargeSop({ steps: 500, lanes: 8 }) });

function runsPerSecond(fn, minMs = 1500) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (runs * 1000) / elapsed;
}

console.log('input           lines   parse only/s   load+validate+compile/s   ratio');
for (const { name, text } of inputs) {
  const full = () => {
    const { sop, issues } = validateSop(text, { file: name });
    if (!sop) throw new Error(`${name} is invalid: ${issues[0]?.message}`);
    compileSop(sop, { id: name });
  };
  const baseline = runsPerSecond(() => parse(text));
  const ours = runsPerSecond(full);
  console.log(
    `${name.padEnd(15)} ${String(text.split('\n').length).padStart(5)}   ${baseline.toFixed(0).padStart(12)}   ${ours.toFixed(0).padStart(23)}   ${(ours / baseline).toFixed(2).padStart(5)}`,
  );
}
console.log('ratio = (load+validate+compile runs/s) / (yaml.parse runs/s) on the same text, same run; 1.00 would mean our layers cost nothing beyond parsing.');
