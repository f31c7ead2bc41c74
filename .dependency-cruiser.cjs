/**
 * The codebase's boundaries, checked by dependency-cruiser (`npm run lint:deps`, run by `npm test`):
 * libraries never depend on the apps, never do Node I/O (they run in the browser and the API alike),
 * the web app never imports the API's code and nothing in Node's I/O, and nothing is circular.
 * See docs/adr/0016-lint-format-boundaries.md.
 */
const NODE_IO = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|tls|dns)$';
const SPECS = '(\\.spec\\.ts|\\.int-spec\\.ts|__fixtures__/|^libs/[^/]+/test/)';

module.exports = {
  forbidden: [
    {
      name: 'libs-not-on-apps',
      comment: 'a library is used by the apps, never the reverse',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-not-on-api',
      comment: 'the web app talks to the API over HTTP; shared types belong in a library',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/(api|cli)/' },
    },
    {
      name: 'cli-not-on-api-code',
      comment: "the CLI uses the libraries and the API over HTTP, not the API's modules",
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/(api|web)/' },
    },
    {
      name: 'libs-no-node-io',
      comment: 'libraries are pure: they run in the browser and the API alike (their tests may read fixtures)',
      severity: 'error',
      from: { path: '^libs/', pathNot: SPECS },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'web-no-node-io',
      comment: 'the web app runs in the browser',
      severity: 'error',
      from: { path: '^apps/web/src/', pathNot: SPECS },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
