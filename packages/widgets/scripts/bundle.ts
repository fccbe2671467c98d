/**
 * Builds the widgets with esbuild: one bundle per Visualforce page (its element, the provider, the page bootstrap
 * and jsforce's query path, so a page loads one file), the files of the `SalesOpsWidgets` static resource (a zip: one
 * `<element>.js` per page), and, for the gallery and the benchmark, any entry as one bundle with jsforce beside it.
 * Used by `npm run build:widgets`, the gallery, the benchmark and the metadata and size tests, so they all see the
 * same bytes.
 */
import { join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { JSFORCE_GLOBALS, jsforceQueryPathPlugin } from './jsforceQueryPath.js';

export const STATIC_RESOURCE_NAME = 'SalesOpsWidgets';
export const WIDGETS_ROOT = join(import.meta.dirname, '..');
export const REPO_ROOT = join(WIDGETS_ROOT, '..', '..');
export const STATIC_RESOURCE_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'staticresources');

/** What each Visualforce page mounts: the element's folder under src/ (also the file name in the static resource). */
export const PAGE_ELEMENTS: Readonly<Record<string, string>> = {
  SalesOpsAttainment: 'attainment',
  SalesOpsDealHealth: 'deal-health',
  SalesOpsForecast: 'forecast',
  SalesOpsLeaderboard: 'leaderboard',
  SalesOpsTerritoryCoverage: 'territory-coverage',
};

/** The pages' stylesheet (copied into the static resource as `page.css`). */
export const PAGE_STYLESHEET = join(WIDGETS_ROOT, 'src', 'host', 'page.css');

/** The most a page may load, gzip (issue 17: ≤ 150 KB including jsforce). */
export const PAGE_BUDGET_GZIP_BYTES = 150 * 1024;

export interface PageBundle {
  /** The Visualforce page's name (`SalesOpsAttainment`). */
  readonly page: string;
  /** The file inside the static resource (`attainment.js`), what the page's `URLFOR` names. */
  readonly file: string;
  /** The minified IIFE. */
  readonly code: string;
  readonly metafile?: Metafile;
}

export interface WidgetsBundle {
  /** The entry's bundle (the gallery: every element), minified IIFE. */
  readonly widgets: string;
  /** jsforce's query path alone, an IIFE that sets the global `jsforce` (`{ Connection }`). */
  readonly jsforce: string;
}

interface BundleOptions {
  readonly minify?: boolean;
  readonly metafile?: boolean;
}

async function bundle(
  entry: { file: string } | { contents: string },
  options: BundleOptions & { globalName?: string; plugins?: Plugin[] },
): Promise<{ code: string; metafile?: Metafile }> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: WIDGETS_ROOT, loader: 'ts' as const } }),
    bundle: true,
    write: false,
    format: 'iife',
    ...(options.globalName ? { globalName: options.globalName } : {}),
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify: options.minify ?? true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    metafile: options.metafile ?? false,
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    inject: [JSFORCE_GLOBALS],
    plugins: [jsforceQueryPathPlugin(), ...(options.plugins ?? [])],
  });
  return {
    code: result.outputFiles[0]?.text ?? '',
    ...(result.metafile ? { metafile: result.metafile } : {}),
  };
}

/** The entry module of a page: jsforce's query path, the provider, the element, the bootstrap. */
export function pageEntry(element: string): string {
  const src = (path: string) => JSON.stringify(join(WIDGETS_ROOT, 'src', path));
  return [
    "import { Connection } from 'jsforce';",
    `import ${src('provider/provider.ts')};`,
    `import ${src(`${element}/${element}.ts`)};`,
    `import { bootstrapPage } from ${src('host/bootstrap.ts')};`,
    'bootstrapPage(Connection);',
  ].join('\n');
}

/** One bundle per Visualforce page. */
export async function buildPageBundles(options: BundleOptions = {}): Promise<PageBundle[]> {
  return Promise.all(
    Object.entries(PAGE_ELEMENTS).map(async ([page, element]) => {
      const { code, metafile } = await bundle({ contents: pageEntry(element) }, options);
      return { page, file: `${element}.js`, code, ...(metafile ? { metafile } : {}) };
    }),
  );
}

/** jsforce's query path as a classic script defining the global `jsforce` (the gallery, the browser tests). */
export async function buildJsforceBundle(options: BundleOptions = {}): Promise<string> {
  return (await bundle({ contents: "export { Connection } from 'jsforce';" }, { ...options, globalName: 'jsforce' }))
    .code;
}

/** An entry (default: every element, src/index.ts) as one bundle, with jsforce's query path beside it. */
export async function buildWidgetsBundle(options: { entry?: string; minify?: boolean } = {}): Promise<WidgetsBundle> {
  const [widgets, jsforce] = await Promise.all([
    bundle(
      { file: options.entry ?? join(WIDGETS_ROOT, 'src', 'index.ts') },
      { ...options, globalName: 'SalesopsWidgets' },
    ),
    buildJsforceBundle({ minify: options.minify ?? true }),
  ]);
  return { widgets: widgets.code, jsforce };
}
