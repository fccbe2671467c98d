import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'plugin/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The widgets' tests run in Chromium with @web/test-runner (npm run test:widgets).
    exclude: ['**/node_modules/**', 'packages/widgets/**'],
    testTimeout: 60_000,
    // oclif prints through console.Console; vitest's console interception lacks it.
    disableConsoleIntercept: true,
  },
});
