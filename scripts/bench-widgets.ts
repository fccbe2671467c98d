/**
 * npm run bench:widgets [-- --size 100000] [--runs N] — the real Visualforce pages (force-app's `.page` markup with
 * its merge fields filled, the built static resource of `npm run build:widgets`) against the local org, after the
 * CLI's `--write` runs the pages read (as web-test-runner.pages.mjs does for the browser tests). Per page, as a rep
 * and as the VP (issue 17 targets; `--viewers rep,manager,VP` adds the rep's manager, `--language ja --locale ja_JP`
 * the viewers' language, for screenshots):
 *
 * - API requests to the local org during the mount (target ≤ 3), from the local org's request log;
 * - time to first data render (navigation start → the element's ready render), median of N cold loads; reference:
 *   an empty page loading the same page script (navigation start → load event), ratio printed (target < 1 s);
 * - bytes loaded, gzip -9: the page, its stylesheet and its script (target ≤ 150 KB including jsforce).
 *
 * A page whose element ends in any state but `ready` (error, empty, not written, no permission) fails the bench
 * (exit 1) instead of printing a figure. No assertions on times: figures only.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launch, type Browser } from 'puppeteer-core';
import { SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { recordBenchRows, type BenchRow } from './benchRows.js';

const root = join(import.meta.dirname, '..');
const RESOURCE_DIR = join(root, 'force-app/main/default/staticresources/SalesOpsWidgets');
const RESOURCE_URL = '/__salesops/resource/SalesOpsWidgets/';
const API_TARGET = 3;

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '5' },
    // A PNG of each page as each viewer sees it after its last measured load (`<page>-<viewer>.png`).
    screenshots: { type: 'string' },
    // Who opens the pages (rep, manager, VP), and the viewers' language and locale (`--language ja --locale ja_JP`).
    viewers: { type: 'string', default: 'rep,VP' },
    language: { type: 'string', default: 'en_US' },
    locale: { type: 'string', default: 'en_US' },
  },
});
const size = args.size === 'default' ? 'default' : Number(args.size);
const RUNS = Number(args.runs);
if (size !== 'default' && !(size > 0)) throw new Error(`--size ${args.size}: give "default" or a deal count`);
if (!(RUNS >= 1)) throw new Error(`--runs ${args.runs}: give a whole number of runs, at least 1`);

interface Viewer {
  userId: string;
  token: string;
}
interface PagesModule {
  renderPage(root: string, name: string, values: Record<string, string>): Promise<string>;
  withAsOf(page: string, asOf: string): string;
  runCli(org: LocalOrg, asOf: string): Promise<{ territoryCoverage: { territories: TerritoryRow[] } }>;
  pageViewers(org: LocalOrg): Record<'rep' | 'manager' | 'vp', Viewer>;
}
interface TerritoryRow {
  territoryId: string;
  accounts: number;
}
const pages = (await import(
  pathToFileURL(join(root, 'packages/widgets/web-test-runner.pages.mjs')).href
)) as PagesModule;
const { chromePath, CHROME_ARGS } = (await import(
  pathToFileURL(join(root, 'packages/widgets/web-test-runner.config.mjs')).href
)) as { chromePath(): string; CHROME_ARGS: string[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const gzipBytes = (body: string | Buffer) => gzipSync(body, { level: 9 }).length;

/** The page's script file: the `<script src>` of the `.page` markup. */
function pageScript(page: string): string {
  const markup = readFileSync(join(root, 'force-app/main/default/pages', `${page}.page`), 'utf8');
  const file = /URLFOR\(\$Resource\.SalesOpsWidgets,\s*'([\w.-]+\.js)'\)/.exec(markup)?.[1];
  if (!file) throw new Error(`${page}.page loads no script of the SalesOpsWidgets resource`);
  return file;
}

// --- the local org, the CLI's stored results, the record each page is placed on
const log: string[] = [];
console.log(`starting the local org (sample ${String(size)}, seed 42) …`);
const org = await start({ sample: { size, seed: 42 }, port: 0, log: (line) => log.push(line) });
const asOf = SAMPLE_ANCHOR_DATE;
const apiRequests = () => log.filter((line) => / \/services\//.test(line)).length;

async function soql(query: string): Promise<Array<{ Id: string }>> {
  const url = `${org.url}/services/data/v64.0/query?q=${encodeURIComponent(query)}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${org.tokens.admin}` } });
  if (!response.ok) throw new Error(`${query}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { records: Array<{ Id: string }> }).records;
}

const viewers = pages.pageViewers(org);
const ALL_VIEWERS = { rep: viewers.rep, manager: viewers.manager, VP: viewers.vp } as const;
type ViewerName = keyof typeof ALL_VIEWERS;
const VIEWERS: Partial<Record<ViewerName, Viewer>> = {};
for (const name of (args.viewers ?? '').split(',')) {
  if (!(name in ALL_VIEWERS)) throw new Error(`--viewers ${args.viewers}: give a list of rep, manager and VP`);
  VIEWERS[name as ViewerName] = ALL_VIEWERS[name as ViewerName];
}
console.log(
  'running the CLI --write commands the pages read (reps compare, territory coverage, forecast, pipeline hygiene) …',
);
const cli = await pages.runCli(org, asOf);
const territory = cli.territoryCoverage.territories.find((t) => t.accounts > 0);
if (!territory) throw new Error('territory coverage --write covered no territory: the territory page has no record');
const repId = viewers.rep.userId.replace(/'/g, '');
const [openDeal] = await soql(`SELECT Id FROM Opportunity WHERE OwnerId = '${repId}' AND IsClosed = false LIMIT 1`);
if (!openDeal) throw new Error(`the rep ${repId} has no open deal: the deal health page has no record`);
/**
 * Each page with its parameters as an admin places it: the record it is on (`id`) and, for the VP's forecast, the
 * org scope (a rep's page shows their own forecast, and the VP has no rep or team forecast of their own).
 */
const onRecord = (id: string) => ({ rep: `id=${id}`, manager: `id=${id}`, VP: `id=${id}` });
const PAGES: ReadonlyArray<readonly [string, Partial<Record<ViewerName, string>>]> = [
  ['SalesOpsAttainment', {}],
  ['SalesOpsForecast', { VP: 'scope=org' }],
  ['SalesOpsLeaderboard', {}],
  ['SalesOpsTerritoryCoverage', onRecord(territory.territoryId)],
  ['SalesOpsDealHealth', onRecord(openDeal.Id)],
];
const PARAMETERS = ['id', 'period', 'scope', 'anonymise', 'embedded'];

// --- the pages' server: each page as Salesforce serves it to one viewer, the resource, /services on the same origin
/** The gzip bytes of every response of the current load but the API's. */
let loadedBytes = 0;
function send(res: ServerResponse, type: string, body: string | Buffer): void {
  loadedBytes += gzipBytes(body);
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
const server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/services/')) {
      if (req.method !== 'GET') throw new Error(`the page proxy forwards reads only, not ${req.method}`);
      const response = await fetch(`${org.url}${req.url}`, {
        headers: { authorization: req.headers.authorization ?? '', accept: 'application/json' },
      });
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    if (url.pathname.startsWith(RESOURCE_URL)) {
      const file = url.pathname.slice(RESOURCE_URL.length);
      if (!/^[\w.-]+$/.test(file)) throw new Error(`bad resource path ${file}`);
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      send(res, `${type}; charset=utf-8`, readFileSync(join(RESOURCE_DIR, file)));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404);
      res.end();
      return;
    }
    const page = /^\/pages\/(\w+)\.html$/.exec(url.pathname)?.[1];
    const viewer = VIEWERS[url.searchParams.get('viewer') as ViewerName];
    if (!page || !viewer) throw new Error(`no page at ${url.pathname}${url.search}`);
    if (url.searchParams.get('empty')) {
      // The reference: an empty page that loads the same page script, no element, no data.
      const script = `${RESOURCE_URL}${pageScript(page)}`;
      send(
        res,
        'text/html; charset=utf-8',
        `<!doctype html><html><body><script src="${script}"></script></body></html>`,
      );
      return;
    }
    const body = await pages.renderPage(root, page, {
      '$Api.Session_ID': viewer.token,
      '$User.Id': viewer.userId,
      '$User.LanguageLocaleKey': args.language,
      '$User.LocaleSidKey': args.locale,
      ...Object.fromEntries(PARAMETERS.map((p) => [`$CurrentPage.parameters.${p}`, url.searchParams.get(p) ?? ''])),
    });
    send(res, 'text/html; charset=utf-8', pages.withAsOf(body, asOf));
  })().catch((error: unknown) => {
    console.error(error);
    res.writeHead(500);
    res.end(String(error));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/**
 * Runs before the page's own scripts: once the page's element has rendered after its data task, notes the time
 * since navigation start and the element's state (plain JavaScript: it runs in the page, not through tsx).
 */
const FIRST_DATA_PROBE = `
document.addEventListener('DOMContentLoaded', async () => {
  const element = document.querySelector('salesops-provider')?.firstElementChild;
  if (!element) return;
  await customElements.whenDefined(element.localName);
  await element.loaded();
  window.__salesopsFirstData = { ms: performance.now(), state: element.state };
});
window.addEventListener('load', () => { window.__salesopsLoad = performance.now(); });`;

interface Load {
  ms: number;
  state: string;
  requests: number;
  bytes: number;
}
/** One cold load (a fresh browser context: no cache) of a page, or of its empty reference page. */
async function load(browser: Browser, path: string, empty: boolean, screenshot?: string): Promise<Load> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setViewport({ width: 420, height: 600 });
    await tab.evaluateOnNewDocument(FIRST_DATA_PROBE);
    const requestsBefore = apiRequests();
    loadedBytes = 0;
    await tab.goto(`${base}${path}${empty ? '&empty=1' : ''}`, { waitUntil: 'load' });
    const probe = empty ? 'window.__salesopsLoad' : 'window.__salesopsFirstData';
    await tab.waitForFunction(probe, { timeout: 120_000 });
    const result = (await tab.evaluate(
      empty ? '({ ms: window.__salesopsLoad, state: "reference" })' : 'window.__salesopsFirstData',
    )) as { ms: number; state: string };
    if (screenshot) await tab.screenshot({ path: screenshot as `${string}.png`, fullPage: true });
    return { ...result, requests: apiRequests() - requestsBefore, bytes: loadedBytes };
  } finally {
    await context.close();
  }
}

// --- measure
const failures: string[] = [];
const rows: BenchRow[] = [];
const table: string[][] = [];
const orgLabel = size === 'default' ? 'default sample org' : `${size.toLocaleString('en-US')}-deal org`;
if (args.screenshots) mkdirSync(args.screenshots, { recursive: true });
const browser = await launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
try {
  for (const [page, placements] of PAGES) {
    for (const viewerName of Object.keys(VIEWERS) as ViewerName[]) {
      const placement = placements[viewerName];
      const path = `/pages/${page}.html?viewer=${viewerName}${placement ? `&${placement}` : ''}`;
      const real: Load[] = [];
      const reference: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        reference.push(await load(browser, path, true));
        const shot =
          args.screenshots && i === RUNS - 1 ? join(args.screenshots, `${page}-${viewerName}.png`) : undefined;
        real.push(await load(browser, path, false, shot));
      }
      const states = [...new Set(real.map((r) => r.state))];
      const subject = `${page} as ${viewerName}${placement?.startsWith('scope') ? ` (${placement})` : ''}`;
      if (states.join() !== 'ready') {
        failures.push(`${subject}: the element ended in state ${states.join(', ')}, not ready`);
        continue;
      }
      const requests = Math.max(...real.map((r) => r.requests));
      const ms = median(real.map((r) => r.ms));
      const refMs = median(reference.map((r) => r.ms));
      const kb = (real[0] as Load).bytes / 1024;
      table.push([
        subject,
        `${requests}${requests > API_TARGET ? ' (over 3)' : ''}`,
        `${ms.toFixed(0)} ms`,
        `${refMs.toFixed(0)} ms`,
        `${(ms / refMs).toFixed(1)}×`,
        `${kb.toFixed(1)} KB`,
      ]);
      const group = `widget pages, ${orgLabel}: ${subject}`;
      const note = `headless Chromium, median of ${RUNS} cold loads`;
      rows.push(
        {
          group,
          label: 'API requests during mount (target ≤ 3)',
          value: requests,
          unit: 'requests',
          reference: null,
          peakMiB: null,
        },
        {
          group,
          label: 'empty page, same script (reference)',
          value: refMs,
          unit: 'ms',
          reference: null,
          peakMiB: null,
          note,
        },
        {
          group,
          label: 'first data render (target < 1 s)',
          value: ms,
          unit: 'ms',
          reference: { label: 'empty page', value: refMs },
          peakMiB: null,
          note,
        },
        {
          group,
          label: 'bytes loaded, gzip -9 (target ≤ 150 KB)',
          value: kb,
          unit: 'KB',
          reference: null,
          peakMiB: null,
        },
      );
    }
  }
} finally {
  await browser.close();
  server.close();
  await org.stop();
}

const header = ['page as viewer', 'API requests', 'first data (median)', 'empty page (ref.)', 'ratio', 'gzip loaded'];
console.log(`\n${orgLabel}, as-of ${asOf}, headless Chromium, median of ${RUNS} cold loads`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const row of table) console.log(`| ${row.join(' | ')} |`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAILED ${failure}`);
  process.exitCode = 1;
} else {
  recordBenchRows(rows);
}
