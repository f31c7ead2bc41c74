module.exports = {
  projects: ['<rootDir>/libs/*', '<rootDir>/apps/*'],
  // integration tests start the API as a child process (the embedded database takes a few seconds)
  testTimeout: 120_000,
};
