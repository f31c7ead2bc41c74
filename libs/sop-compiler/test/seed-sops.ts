import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop, type SopDocument } from '@sop/model';

export const SOPS_DIR = join(__dirname, '../../../sops');

/** The SOP files of the repository, validated: [id, document]. */
export function seedSops(): [string, SopDocument][] {
  return readdirSync(SOPS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const result = validateSop(readFileSync(join(SOPS_DIR, f), 'utf8'), { file: f });
      if (!result.sop) throw new Error(`${f} is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
      return [f.replace(/\.yaml$/, ''), result.sop];
    });
}
