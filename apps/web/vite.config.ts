import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { pagePreloads, type Bundle } from './src/build/route-preloads';

const lib = (name: string, entry = 'index') => fileURLToPath(new URL(`../../libs/${name}/src/${entry}.ts`, import.meta.url));

/** The staff pages' words, loaded with their code (App.tsx, i18n.tsx): preloaded with it too. */
const STAFF_WORDS = ['/src/staff-messages.ts'];

/**
 * The pages whose code `sop-preload.js` asks for on their own address, by the meta that names their
 * files, with the modules they load beside it (their words; the citizen's pages need none).
 */
const PRELOADED_PAGES: Record<string, [page: string, also: string[]]> = {
  'sop-editor-preload': ['/src/pages/EditSopPage.tsx', STAFF_WORDS],
  'sop-view-preload': ['/src/pages/SopPage.tsx', STAFF_WORDS],
  'sop-print-preload': ['/src/pages/PrintPage.tsx', STAFF_WORDS],
  'sop-file-preload': ['/src/public/FilePage.tsx', []],
  'sop-ticket-preload': ['/src/public/TicketPage.tsx', []],
};

/**
 * Names each lazily loaded page's chunks in index.html (`<meta name="sop-editor-preload">` …):
 * `sop-preload.js` asks for them at once on the page's address, beside the app's own code (ADR
 * 0034, addendum 2), so a page loaded on demand costs no extra round trip where it is opened.
 */
function pagePreload(): Plugin {
  return {
    name: 'sop-page-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        let out = html;
        for (const [meta, [page, also]] of Object.entries(PRELOADED_PAGES)) {
          const placeholder = `<meta name="${meta}" content="" />`;
          const files = ctx.bundle ? pagePreloads(ctx.bundle as unknown as Bundle, page, '/', also) : [];
          // a renamed page or a lost placeholder fails the build rather than the page loading late unnoticed
          if (!out.includes(placeholder) || !files.length)
            throw new Error(`${meta}: index.html needs ${placeholder} and the build a chunk of each of ${[page, ...also].join(', ')}`);
          out = out.replace(placeholder, `<meta name="${meta}" content="${files.join(' ')}" />`);
        }
        return out;
      },
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each script, style and SVG of the build, which
 * the API serves to browsers that accept them (@fastify/static `preCompressed`): the app's code is
 * about a third of its size on the wire, and a citizen's phone on a slow network waits that much
 * less, also where no proxy in front compresses (the embedded default). Compressed once here, at
 * the highest levels, rather than on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  let write = true;
  return {
    name: 'sop-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir;
      write = config.build.write;
    },
    closeBundle: () => {
      if (!write) return; // a build kept in memory (build/citizen-bundle.spec.ts) wrote nothing to compress
      const assets = join(fileURLToPath(new URL('.', import.meta.url)), outDir, 'assets');
      for (const name of readdirSync(assets).filter((n) => /\.(js|css|svg)$/.test(n))) {
        const file = join(assets, name);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// The libraries are bundled from their TypeScript sources (the path aliases of tsconfig.base.json),
// so the browser runs the same code as the server without a separate browser build of each.
export default defineConfig({
  plugins: [react(), pagePreload(), precompress()],
  resolve: {
    alias: {
      // before '@sop/model', which would also match '@sop/model/graph' (an alias matches its sub-paths)
      '@sop/model/graph': lib('sop-model', 'graph'),
      '@sop/model': lib('sop-model'),
      '@sop/business-time': lib('business-time'),
      '@sop/swimlane-layout': lib('swimlane-layout'),
      '@sop/editor': lib('sop-editor'),
      '@sop/compiler': lib('sop-compiler'),
      '@sop/case-engine': lib('case-engine'),
      '@sop/compare': lib('sop-compare'),
      '@sop/report-model': lib('report-model'),
      '@sop/api-contract': lib('api-contract'),
      '@sop/csv': lib('csv'),
      '@sop/citizen-data': lib('citizen-data'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
