const { projectConfig } = require('../../jest.preset');
const base = projectConfig(__dirname, 'api');
// Integration tests (*.int-spec.ts) start the built API (apps/api/dist) as a child process and talk
// HTTP to it, against a fresh PostgreSQL database (DATABASE_URL, CI) or embedded PGlite (elsewhere).
module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
};
