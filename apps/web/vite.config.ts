import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const lib = (name: string, entry = 'index') => fileURLToPath(new URL(`../../libs/${name}/src/${entry}.ts`, import.meta.url));

// The libraries are bundled from their TypeScript sources (the path aliases of tsconfig.base.json),
// so the browser runs the same code as the server without a separate browser build of each.
export default defineConfig({
  plugins: [react()],
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
