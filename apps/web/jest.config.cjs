const { projectConfig } = require('../../jest.preset');
const base = projectConfig(__dirname, 'web');
// The web app's pure modules; its sources are TSX with the automatic React runtime.
module.exports = {
  ...base,
  // a page's style sheets: the page-loading test (src/page-messages.spec.ts) loads every page's module
  moduleNameMapper: { ...base.moduleNameMapper, '\\.css$': '<rootDir>/test/style-stub.cjs' },
  // intl-messageformat and its @formatjs parts ship ES modules only: compile them like our sources
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
    ],
  },
};
