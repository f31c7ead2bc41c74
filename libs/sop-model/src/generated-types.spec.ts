import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Runs scripts/sop-codegen.js --check in a workspace rooted at `dir`. */
function check(dir: string) {
  return spawnSync(process.execPath, [join(dir, 'scripts/sop-codegen.js'), '--check'], { encoding: 'utf8', cwd: dir });
}

describe('generated types', () => {
  it('match schemas/sop.schema.json (run `npm run generate:types` after changing the schema)', () => {
    const result = check(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported out of date when the schema changes without regenerating', () => {
    const copy = mkdtempSync(join(tmpdir(), 'sop-codegen-'));
    for (const dir of ['scripts', 'schemas', 'libs/sop-model/src/generated']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const schemaFile = join(copy, 'schemas/sop.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    schema.$defs.Lane.properties.colour = { type: 'string' };
    writeFileSync(schemaFile, JSON.stringify(schema));
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sop-document.ts is out of date');
  });
});
