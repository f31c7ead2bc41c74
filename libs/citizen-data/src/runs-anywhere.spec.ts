import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The library runs in the API and in the browser: no I/O, no Node-only API, no runtime dependency.
describe('the library source', () => {
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));

  it.each(files)('%s imports only its own files, and @sop/model for types', (name) => {
    const source = readFileSync(join(__dirname, name), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({
      typeOnly: m.at(1) !== undefined,
      from: m[2],
    }));
    for (const { typeOnly, from } of imports) {
      if (from === '@sop/model') expect(typeOnly).toBe(true);
      else expect(from).toMatch(/^\.\//);
    }
    expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|\bglobalThis\b|\bDate\.now\b|\bnew Date\(/);
  });
});
