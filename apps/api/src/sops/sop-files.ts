import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An SOP file of the sops/ folder: its name, the SOP id it names, and its text. */
export interface SopFile {
  file: string;
  sopId: string;
  text: string;
}

/** The `*.yaml` / `*.yml` files of a folder, by name: the SOPs published at start (SOPS_DIR). */
export function readSopFiles(dir: string): SopFile[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((file) => ({ file, sopId: file.replace(/\.ya?ml$/i, ''), text: readFileSync(join(dir, file), 'utf8') }));
}
