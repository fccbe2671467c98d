/**
 * What one widget page loads: its bundle (the element, the provider, the bootstrap, chart.js's parts for that
 * element and jsforce's query path) stays within 150 KB gzip (issue 17; before it: 446 KB for every page). Each
 * bundle carries its own element only, and neither classic zod nor jsforce's prebuilt browser build.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

interface PageBundle {
  page: string;
  file: string;
  code: string;
  metafile?: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
}
interface BundleModule {
  PAGE_ELEMENTS: Record<string, string>;
  PAGE_BUDGET_GZIP_BYTES: number;
  buildPageBundles(options: { metafile: boolean }): Promise<PageBundle[]>;
}

const root = join(import.meta.dirname, '..');
let bundleModule: BundleModule;
let pages: PageBundle[];

/** The inputs a bundle is made of, by minified bytes (largest first). */
function inputs(page: PageBundle): Array<[string, number]> {
  const output = Object.values(page.metafile?.outputs ?? {})[0];
  return Object.entries(output?.inputs ?? {})
    .map(([path, { bytesInOutput }]): [string, number] => [path, bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
}

beforeAll(async () => {
  // The widgets' build script is its own TypeScript project; load it at run time.
  bundleModule = (await import(pathToFileURL(join(root, 'packages/widgets/scripts/bundle.ts')).href)) as BundleModule;
  pages = await bundleModule.buildPageBundles({ metafile: true });
  // Five minified bundles on a busy 2-core machine.
}, 180_000);

describe('widget page size', () => {
  it('is within the budget for every page, jsforce included', () => {
    expect(pages.map((p) => p.page).sort()).toEqual(Object.keys(bundleModule.PAGE_ELEMENTS).sort());
    expect(bundleModule.PAGE_BUDGET_GZIP_BYTES).toBe(150 * 1024);
    for (const page of pages) {
      const gzip = gzipSync(page.code).length;
      const largest = inputs(page)
        .slice(0, 8)
        .map(([path, bytes]) => `${(bytes / 1024).toFixed(1)} KB ${path.replace(/^.*node_modules\//, '')}`);
      expect(
        gzip,
        `${page.file}: ${(gzip / 1024).toFixed(1)} KB gzip; largest inputs: ${largest.join(', ')}`,
      ).toBeLessThanOrEqual(bundleModule.PAGE_BUDGET_GZIP_BYTES);
    }
  });

  it('bundles only the page’s own element', () => {
    const elements = Object.values(bundleModule.PAGE_ELEMENTS);
    for (const page of pages) {
      const own = bundleModule.PAGE_ELEMENTS[page.page];
      expect(page.code, page.file).toContain(`"salesops-${own}"`);
      for (const other of elements.filter((e) => e !== own)) {
        expect(page.code.includes(`"salesops-${other}"`), `${page.file} defines salesops-${other}`).toBe(false);
      }
    }
  });

  it('keeps classic zod and jsforce’s prebuilt browser build (and its polyfills) out', () => {
    for (const page of pages) {
      const paths = inputs(page).map(([path]) => path);
      expect(
        paths.filter((p) => p.includes('zod/v4/classic')),
        page.file,
      ).toEqual([]);
      expect(
        paths.filter((p) => /jsforce\/(dist|browser)\/|core-js|@babel\/runtime/.test(p)),
        page.file,
      ).toEqual([]);
      // jsforce comes from its sources (the query path).
      expect(
        paths.some((p) => p.includes('jsforce/src/connection.ts')),
        page.file,
      ).toBe(true);
    }
  });
});
