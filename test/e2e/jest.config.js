const { projectConfig } = require('../../jest.preset');
// Browser tests: the built API serving the built web app, driven in Debian's Chromium through
// playwright-core. Not part of `npm test` (a machine without chromium must still pass it): run with
// `npm run build && npm run test:e2e`.
module.exports = {
  ...projectConfig(__dirname, 'e2e'),
  testMatch: ['<rootDir>/*.spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
