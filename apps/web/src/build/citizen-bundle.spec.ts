import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What this test reads of each chunk of the real build. */
interface Chunk {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
}

const WEB = resolve(__dirname, '../..');
const SRC = join(WEB, 'src');

// Builds the app as `npm run build -w @sop/web` does (vite.config.ts, its plugins), in memory, in a
// child process (Vite is an ES module), and writes each chunk's modules and imports to a file.
const BUILD = `
import { writeFileSync } from 'node:fs';
import { build } from 'vite';
const result = await build({ root: process.cwd(), configFile: 'vite.config.ts', logLevel: 'error', build: { write: false } });
const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
writeFileSync(process.argv[1], JSON.stringify(chunks.map((c) => ({
  fileName: c.fileName, isEntry: c.isEntry, isDynamicEntry: c.isDynamicEntry, facadeModuleId: c.facadeModuleId,
  imports: c.imports, dynamicImports: c.dynamicImports, moduleIds: c.moduleIds,
}))));
`;

function buildChunks(): Chunk[] {
  const dir = mkdtempSync(join(tmpdir(), 'sop-web-build-'));
  try {
    const out = join(dir, 'chunks.json');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', BUILD, out], { cwd: WEB, encoding: 'utf8', timeout: 110_000 });
    if (run.status !== 0) throw new Error(`vite build failed:\n${run.stderr}${run.stdout}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Chunk[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const slash = (id: string) => id.replace(/\\/g, '/').replace(/\?.*$/, '');

// The staff pages' words: staff-messages.ts and every module of words it gathers.
const STAFF_WORDS = new Set(
  ['staff-messages.ts', ...[...readFileSync(join(SRC, 'staff-messages.ts'), 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => `${m[1]}.ts`)].map((f) =>
    slash(join(SRC, f)),
  ),
);

describe("the citizen's pages in the real build", () => {
  let chunks: Chunk[];
  const byFile = () => new Map(chunks.map((c) => [c.fileName, c]));

  beforeAll(() => {
    chunks = buildChunks();
  }, 120_000);

  /** The chunks downloaded for a page: the entry's static imports, the page's chunk and all it imports, also on demand. */
  function downloadedFor(page: string): Chunk[] {
    const files = byFile();
    const pageChunk = chunks.find((c) => !c.isEntry && slash(c.facadeModuleId ?? '').endsWith(page));
    expect(pageChunk).toBeDefined();
    const seen = new Set<string>();
    const visit = (file: string, onDemand: boolean) => {
      if (seen.has(file)) return;
      seen.add(file);
      const c = files.get(file)!;
      for (const next of c.imports) visit(next, onDemand);
      if (onDemand) for (const next of c.dynamicImports) visit(next, onDemand);
    };
    for (const entry of chunks.filter((c) => c.isEntry)) visit(entry.fileName, false);
    visit(pageChunk!.fileName, true);
    return [...seen].map((f) => files.get(f)!);
  }

  it("puts the staff pages' words in a chunk of their own, loaded on demand", () => {
    expect(STAFF_WORDS.size).toBeGreaterThan(10);
    const staff = chunks.find((c) => slash(c.facadeModuleId ?? '').endsWith('/src/staff-messages.ts'));
    expect(staff?.isDynamicEntry).toBe(true);
    expect(staff?.isEntry).toBe(false);
    // all of them there, so that the checks below look for modules the build has
    const inStaff = new Set(staff?.moduleIds.map(slash));
    expect([...STAFF_WORDS].filter((m) => !inStaff.has(m))).toEqual([]);
  });

  it.each(['/src/public/FilePage.tsx', '/src/public/TicketPage.tsx'])("%s: nothing it downloads holds the staff pages' words", (page) => {
    const downloaded = downloadedFor(page);
    expect(downloaded.length).toBeGreaterThan(1);
    const found = downloaded.flatMap((c) =>
      c.moduleIds
        .map(slash)
        .filter((m) => STAFF_WORDS.has(m))
        .map((m) => `${m.slice(SRC.length + 1)} in ${c.fileName}`),
    );
    expect(found).toEqual([]);
  });
});
