import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/lib/**', '.sample-org/**', 'force-app/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      // core runs in browsers: no Node built-ins, no clock, no Math.random.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'crypto', 'stream'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator instead.' },
        { object: 'Date', property: 'now', message: 'Pass asOf instead.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass asOf instead.' },
      ],
    },
  },
  {
    // The dependency rules of @salesops/csv (docs/decisions.md): nothing of ours, and no Node built-in but in the
    // file entry, since the org reader's browser build takes the root entry.
    files: ['packages/csv/src/**/*.ts'],
    ignores: ['packages/csv/src/scanCsvFile.ts', 'packages/csv/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', '@salesops/*'] }] },
  },
  {
    // The local org imports of ours only the CSV scanner at run time; the other packages' tests import it.
    files: ['packages/local-org/src/**/*.ts'],
    ignores: ['packages/local-org/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@salesops/*', '!@salesops/csv', '!@salesops/csv/file'], message: 'See docs/decisions.md.' },
          ],
        },
      ],
    },
  },
);
