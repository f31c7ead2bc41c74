// Shared by the editor's property-style specs (scalar-patch, scalar-command): the texts they edit
// and a seeded random source. A fixture, test code only: Node's fs is allowed here, not in the app.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SOPS_DIR = join(__dirname, '../../../../../sops');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { generateLargeSop } = require('../../../../../scripts/generate-large-sop') as {
  generateLargeSop: (o: { steps: number; lanes: number }) => string;
};

/** The seed SOPs of sops/ and a generated 20-step one, by name. */
export const SEED_TEXTS: [string, string][] = [
  ...readdirSync(SOPS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, string] => [f, readFileSync(join(SOPS_DIR, f), 'utf8')]),
  ['generated 20 steps', generateLargeSop({ steps: 20, lanes: 5 })],
];

/** A small deterministic generator (mulberry32): numbers in [0, 1). */
export { seededRandom as random } from '../../../../../libs/sop-model/src/__fixtures__/random';
