/**
 * Builds the widgets bundle with esbuild and the one static resource Visualforce pages load: jsforce's browser build
 * followed by the widgets (an IIFE that defines the custom elements). Used by `npm run build:widgets`, the gallery,
 * the benchmark and the metadata test, so they all see the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';

export const STATIC_RESOURCE_NAME = 'SalesOpsWidgets';
export const WIDGETS_ROOT = join(import.meta.dirname, '..');
export const REPO_ROOT = join(WIDGETS_ROOT, '..', '..');
export const STATIC_RESOURCE_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'staticresources');

export interface WidgetsBundle {
  /** The widgets alone (Lit, chart.js, core, the org reader), minified IIFE. */
  readonly widgets: string;
  /** jsforce's browser build (global `jsforce`). */
  readonly jsforce: string;
  /** What the static resource holds: jsforce, then the widgets. */
  readonly resource: string;
  /** esbuild's metafile of the widgets (bytes per input), when asked for. */
  readonly metafile?: Metafile;
}

/** The path of jsforce's minified browser build (global `jsforce`; core API: query, describe, request). */
export function jsforceBrowserBuildPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('jsforce/package.json')), 'dist', 'jsforce-core.min.js');
}

export async function buildWidgetsBundle(
  options: { entry?: string; minify?: boolean; metafile?: boolean } = {},
): Promise<WidgetsBundle> {
  const result = await build({
    entryPoints: [options.entry ?? join(WIDGETS_ROOT, 'src', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'SalesopsWidgets',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify: options.minify ?? true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    metafile: options.metafile ?? false,
  });
  const widgets = result.outputFiles[0]?.text ?? '';
  const jsforce = await readFile(jsforceBrowserBuildPath(), 'utf8');
  return {
    widgets,
    jsforce,
    resource: `${jsforce.trimEnd()}\n;\n${widgets}`,
    ...(result.metafile ? { metafile: result.metafile } : {}),
  };
}
