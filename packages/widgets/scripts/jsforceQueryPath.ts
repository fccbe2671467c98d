/**
 * jsforce for the browser, bundled from its own TypeScript sources with only what the widgets' reads need
 * (`Connection` → `query`/`queryMore`/`describe`/`request` over REST, JSON responses).
 *
 * jsforce 3 ships no package `exports`; its prebuilt browser bundle (`dist/jsforce-core.min.js`, ≈296 KB gzip) and its
 * Babel ES modules (`browser/`, with core-js polyfills and regenerator) carry every API. Its `src/` holds the ES
 * module sources, so esbuild bundles them directly with the same substitutions jsforce's webpack build makes for
 * browsers (`./request` and `./registry` → `./browser/…`, Node's `stream` → readable-stream), and leaves out what the
 * query path never reaches: XML (SOAP/Metadata) and CSV (Bulk) parsing, OAuth2's PKCE hashing. Those entry points
 * throw if anything calls them, so a wrong use fails loudly instead of misbehaving.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

const require = createRequire(import.meta.url);
const JSFORCE_SRC = join(dirname(require.resolve('jsforce/package.json')), 'src');

const offPath = (what: string) => `() => { throw new Error('${what} is not in the jsforce query-path build'); }`;

/** Module bodies for the Node built-ins and packages the query path imports but never calls (or needs small). */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  crypto: `export const createHash = ${offPath('crypto')}; export const randomBytes = createHash;`,
  querystring:
    'export default { stringify: (o) => new URLSearchParams(o).toString(), parse: (s) => Object.fromEntries(new URLSearchParams(s)) };',
  'form-data': 'export default globalThis.FormData;',
  timers: 'export const setImmediate = (f, ...args) => setTimeout(f, 0, ...args);',
  xml2js: `const no = ${offPath('XML')}; export default { parseStringPromise: no, Builder: no };`,
  'csv-parse': `export const Parser = class { constructor() { (${offPath('CSV')})(); } };`,
  'csv-parse/sync': `export const parse = ${offPath('CSV')};`,
  'csv-stringify': `export const stringify = ${offPath('CSV')};`,
  'csv-stringify/sync': `export const stringify = ${offPath('CSV')};`,
  // The five checks jsforce's request-body sizing makes, instead of the whole type-checking library.
  '@sindresorhus/is': [
    'const is = {',
    "  nodeStream: (v) => v !== null && typeof v === 'object' && typeof v.pipe === 'function',",
    "  function_: (v) => typeof v === 'function',",
    "  string: (v) => typeof v === 'string',",
    '  urlSearchParams: (v) => v instanceof URLSearchParams,',
    "  buffer: (v) => typeof v?.constructor?.isBuffer === 'function' && v.constructor.isBuffer(v),",
    '};',
    'export default is;',
  ].join('\n'),
};

/** esbuild `inject`: the Node globals (`Buffer`, `process`) jsforce and readable-stream use. */
export const JSFORCE_GLOBALS = join(import.meta.dirname, 'jsforceGlobals.js');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const SUBSTITUTED = new RegExp(`^(${Object.keys(SUBSTITUTES).map(escapeRegExp).join('|')})$`);

/** `import { Connection } from 'jsforce'` resolves to jsforce's `Connection` on the query path. */
export const JSFORCE_ENTRY = `export { default as Connection } from ${JSON.stringify(join(JSFORCE_SRC, 'connection.ts'))};`;

/** The esbuild plugin: `jsforce` → the query-path entry, browser substitutions inside jsforce's sources. */
export function jsforceQueryPathPlugin(): Plugin {
  return {
    name: 'jsforce-query-path',
    setup(build) {
      build.onResolve({ filter: /^jsforce$/ }, () => ({ path: 'jsforce', namespace: 'jsforce-query-path' }));
      build.onLoad({ filter: /.*/, namespace: 'jsforce-query-path' }, () => ({
        contents: JSFORCE_ENTRY,
        loader: 'ts',
        resolveDir: JSFORCE_SRC,
      }));
      build.onResolve({ filter: SUBSTITUTED }, (args) => ({ path: args.path, namespace: 'jsforce-substitute' }));
      build.onLoad({ filter: /.*/, namespace: 'jsforce-substitute' }, (args) => ({
        contents: SUBSTITUTES[args.path] ?? '',
        loader: 'js',
      }));
      build.onResolve({ filter: /^stream$/ }, () => ({ path: require.resolve('readable-stream') }));
      // What jsforce's package.json `browser` field does for its compiled files, for its sources.
      build.onResolve({ filter: /^\.\/(request|registry)$/ }, (args) =>
        dirname(args.importer) === JSFORCE_SRC
          ? { path: join(JSFORCE_SRC, 'browser', `${args.path.slice(2)}.ts`) }
          : undefined,
      );
    },
  };
}
