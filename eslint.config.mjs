// ESLint for the whole repository (flat config): typescript-eslint's strict-type-checked rules, React
// hooks rules for the web app. `npm run lint` runs it, and `npm test` and CI run that. The options
// and the few rules relaxed for tests are explained in docs/adr/0016-lint-format-boundaries.md.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'libs/sop-model/src/generated/**',
      'test-results/**',
      'data/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/web/vite.config.ts',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // numbers and booleans read well in messages ("step 3", "version 2")
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `onClick={() => setOpen(false)}` is how React handlers are written
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // tests read JSON answers (any) and assert on what they know is there
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'apps/api/test/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
