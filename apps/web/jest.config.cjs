const { projectConfig } = require('../../jest.preset');
const base = projectConfig(__dirname, 'web');
// The web app's pure modules; its sources are TSX with the automatic React runtime.
module.exports = {
  ...base,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
    ],
  },
};
