/**
 * The files a lazily loaded page needs beyond what the entry already loads, read off the build's
 * bundle: its own chunk, every chunk it imports statically (transitively), and their CSS. The
 * build writes them into index.html (`<meta name="sop-editor-preload">`), and `sop-preload.js`
 * asks for them at once on the page's route, instead of when the app's code has run and React asks
 * (ADR 0034, addendum 2).
 */

/** The part of a Rollup output chunk this reads (a structural type: no build tool imported). */
export interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export type Bundle = Record<string, BundleChunk | { type: 'asset'; fileName: string }>;

const chunks = (bundle: Bundle): BundleChunk[] => Object.values(bundle).filter((o): o is BundleChunk => o.type === 'chunk');

/** A chunk's file and those of every chunk it imports statically, transitively. */
function closure(bundle: Bundle, start: string[]): Set<string> {
  const byFile = new Map(chunks(bundle).map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) queue.push(dep);
  }
  return seen;
}

/**
 * The files (`base` + name) to preload for the page whose source module path ends with
 * `pageModule` (e.g. `/src/pages/EditSopPage.tsx`), and for the other modules it loads on demand
 * beside its code (`also`: the group of words it needs, `/src/staff-messages.ts`): JavaScript
 * first, the page's own chunk leading, then CSS. Empty when the bundle holds no such page or module.
 */
export function pagePreloads(bundle: Bundle, pageModule: string, base = '/', also: readonly string[] = []): string[] {
  const all = chunks(bundle);
  const chunkOf = (module: string) => all.find((c) => !c.isEntry && c.facadeModuleId?.replace(/\\/g, '/').endsWith(module));
  const page = chunkOf(pageModule);
  const extra = also.map(chunkOf);
  if (!page || extra.some((c) => !c)) return [];
  const loaded = closure(
    bundle,
    all.filter((c) => c.isEntry).map((c) => c.fileName),
  );
  const needed = [...closure(bundle, [page.fileName, ...extra.map((c) => (c as BundleChunk).fileName)])].filter((f) => !loaded.has(f));
  const byFile = new Map(all.map((c) => [c.fileName, c]));
  const loadedCss = new Set([...loaded].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]));
  const css = [...new Set(needed.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]))].filter((f) => !loadedCss.has(f));
  // the page's own chunk first: it is the largest and the last to arrive otherwise
  const js = [page.fileName, ...needed.filter((f) => f !== page.fileName)];
  return [...js, ...css].map((f) => base + f);
}
