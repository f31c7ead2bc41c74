// Test support (Node only, excluded from the library build): golden files. A golden file is the
// checked-in output of a renderer or compiler for one input; the spec compares what the code makes
// now with it, so a change of output shows in review as a change of the file. Regenerate with
// `UPDATE_GOLDEN=1 npx jest <spec>` and review the diff before committing (test/README.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const updating = process.env.UPDATE_GOLDEN === '1';
const ROOT = `${__dirname}/../../../..`;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function missing(file: string): Error {
  return new Error(`golden file ${relative(ROOT, file)} is missing: run the spec with UPDATE_GOLDEN=1 to write it, and review it`);
}

/** Compares a text output with the golden file (or writes it, under UPDATE_GOLDEN=1). */
export function expectGoldenText(file: string, actual: string): void {
  if (updating) {
    write(file, actual);
    return;
  }
  if (!existsSync(file)) throw missing(file);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * Compares a JSON-able output with the golden `.json` file (or writes it, under UPDATE_GOLDEN=1,
 * two-space indented as Prettier keeps it). Compared as data: the file's layout does not matter.
 */
export function expectGoldenJson(file: string, actual: unknown): void {
  const data: unknown = JSON.parse(JSON.stringify(actual));
  if (updating) {
    write(file, `${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) throw missing(file);
  expect(data).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
