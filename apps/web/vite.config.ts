import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { pagePreloads, type Bundle } from './src/build/route-preloads';

const lib = (name: string, entry = 'index') => fileURLToPath(new URL(`../../libs/${name}/src/${entry}.ts`, import.meta.url));

/**
 * Names the editor's chunks in index.html (`<meta name="sop-editor-preload">`): `sop-preload.js`
 * asks for them at once on /sops/{id}/ubah, beside the app's own code (ADR 0034, addendum 2).
 */
function editorPreload(): Plugin {
  return {
    name: 'sop-editor-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const placeholder = '<meta name="sop-editor-preload" content="" />';
        const files = ctx.bundle ? pagePreloads(ctx.bundle as unknown as Bundle, '/src/pages/EditSopPage.tsx') : [];
        // a renamed page or a lost placeholder fails the build rather than the editor loading late unnoticed
        if (!html.includes(placeholder) || !files.length)
          throw new Error(`sop-editor-preload: index.html needs ${placeholder} and the build a chunk of src/pages/EditSopPage.tsx`);
        return html.replace(placeholder, `<meta name="sop-editor-preload" content="${files.join(' ')}" />`);
      },
    },
  };
}

// The libraries are bundled from their TypeScript sources (the path aliases of tsconfig.base.json),
// so the browser runs the same code as the server without a separate browser build of each.
export default defineConfig({
  plugins: [react(), editorPreload()],
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
