// Shared jest settings: @swc/jest transforms TypeScript (type-checking is `npm run typecheck`),
// and the path aliases of tsconfig.base.json resolve to each library's source.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(__dirname, target)]));

function projectConfig(dir, displayName) {
  return {
    displayName,
    rootDir: dir,
    testEnvironment: 'node',
    // TypeScript sources first: a stray compiled .js beside a .ts must never shadow it
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json', 'node'],
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper,
  };
}

module.exports = { projectConfig, moduleNameMapper };
