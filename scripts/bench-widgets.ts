/**
 * npm run bench:widgets — the widgets' speed and size (issue 7 targets: widgets bundle < 80 KB gzip; first data
 * render < 300 ms), each printed with a reference measured in the same run:
 *
 * - bundle size gzip: the widgets without jsforce, and the static resource in total; reference: a bundle of one
 *   empty Lit element (what any Lit widget pays).
 * - mount-to-first-data-render against the local org in headless Chromium (a rep's token, the default sample org,
 *   read over HTTP with jsforce's browser build); reference: mounting an empty Lit element (salesops-provider alone).
 * - leaderboard with 500 reps (fixtures); reference: the same leaderboard on the 6-user small org.
 *
 * `--analyze` also prints the widgets' minified bytes per package (and per module of the workspace packages) from
 * esbuild's metafile, to see what the bundle is made of.
 *
 * No assertions: figures only (tests make no timed assertions).
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launch } from 'puppeteer-core';
import { OpportunityHistoryTable, type OrgData } from '@salesops/core';
import { SAMPLE_ANCHOR_DATE, start } from '@salesops/local-org';
import { smallOrg, users } from '../packages/core/src/testing/smallOrg.js';
import { recordBenchRows } from './benchRows.js';

const root = join(import.meta.dirname, '..');
const RUNS = 5;

interface BundleModule {
  buildWidgetsBundle(options?: { metafile?: boolean }): Promise<{
    widgets: string;
    jsforce: string;
    metafile?: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  }>;
}
const { buildWidgetsBundle } = (await import(
  pathToFileURL(join(root, 'packages/widgets/scripts/bundle.ts')).href
)) as BundleModule;
const { chromePath, CHROME_ARGS } = (await import(
  pathToFileURL(join(root, 'packages/widgets/web-test-runner.config.mjs')).href
)) as { chromePath(): string; CHROME_ARGS: string[] };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// --- size
const analyze = process.argv.includes('--analyze');
const bundle = await buildWidgetsBundle({ metafile: analyze });
// Every element with jsforce's query path in one script (the pages load one element each: see build:widgets).
const resource = `${bundle.jsforce.trimEnd()}\n;\n${bundle.widgets}`;
const emptyLit = await build({
  stdin: {
    contents:
      "import { LitElement, html } from 'lit'; customElements.define('x-empty', class extends LitElement { render() { return html`<slot></slot>`; } });",
    resolveDir: join(root, 'packages/widgets'),
  },
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  logLevel: 'silent',
});
const emptyLitGz = gz(emptyLit.outputFiles[0]?.text ?? '');
const widgetsGz = gz(bundle.widgets);
console.log('bundle size (gzip -9)');
console.log(
  `  widgets (no jsforce)   ${kb(widgetsGz)}  target < 80 KB: ${(widgetsGz / 1024 / 80).toFixed(2)}× the target`,
);
console.log(`  all elements + jsforce ${kb(gz(resource))}  (jsforce alone ${kb(gz(bundle.jsforce))})`);
console.log(
  `  reference: empty Lit element bundle ${kb(emptyLitGz)}; widgets = ${(widgetsGz / emptyLitGz).toFixed(1)}× it`,
);

if (analyze && bundle.metafile) {
  // Minified bytes (before gzip) per npm package, and per folder of the workspace packages.
  const bytes = new Map<string, number>();
  for (const output of Object.values(bundle.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const key = pkg ?? input.replace(/^.*?packages\/([^/]+)\/src\/([^/]+).*$/, '@salesops/$1 $2');
      bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
    }
  }
  console.log('  minified bytes per input (before gzip):');
  for (const [key, n] of [...bytes].sort((a, b) => b[1] - a[1])) {
    if (n >= 512) console.log(`    ${kb(n).padStart(9)}  ${key}`);
  }
}

// --- 500 reps: the small org's rep A cloned 500 times (deals, history and quotas with them)
function fiveHundredReps(): OrgData {
  const base = smallOrg();
  const id = (prefix: string, n: number) => `${prefix}9${String(n).padStart(11, '0')}AAA`;
  const template = base.users.find((u) => u.Id === users.A);
  if (!template) throw new Error('no rep A');
  const aDeals = base.opportunities.filter((o) => o.OwnerId === users.A);
  const clones = Array.from({ length: 500 }, (_, i) => i);
  const dealId = new Map<string, string>();
  const opportunities = clones.flatMap((i) =>
    aDeals.map((o, j) => {
      const newId = id('006', i * 100 + j);
      dealId.set(`${i}|${o.Id}`, newId);
      // Vary the amounts so ranks differ.
      return {
        ...o,
        Id: newId,
        OwnerId: id('005', i),
        Amount: o.Amount === null ? null : o.Amount * (1 + (i % 37) / 10),
      };
    }),
  );
  return {
    ...base,
    users: [
      ...base.users,
      ...clones.map((i) => ({ ...template, Id: id('005', i), Name: `Rep ${i + 1}`, Username: `rep${i}@example.com` })),
    ],
    opportunities: [...base.opportunities, ...opportunities],
    opportunityHistory: OpportunityHistoryTable.of([
      ...base.opportunityHistory.rows(),
      ...clones.flatMap((i) =>
        base.opportunityHistory
          .rows()
          .filter((h) => dealId.has(`${i}|${h.OpportunityId}`))
          .map((h) => ({ ...h, OpportunityId: dealId.get(`${i}|${h.OpportunityId}`) as string })),
      ),
    ]),
    opportunityLineItems: base.opportunityLineItems,
    forecastingQuotas: [
      ...base.forecastingQuotas,
      ...clones.flatMap((i) =>
        base.forecastingQuotas
          .filter((q) => q.QuotaOwnerId === users.A)
          .map((q) => ({ ...q, QuotaOwnerId: id('005', i) })),
      ),
    ],
  };
}

// --- browser
const org = await start({ sample: { size: 'default', seed: 42 }, port: 0 });
const rep = org.tokens.users.find((u) => u.rep);
if (!rep) throw new Error('no rep in the sample org');
const config = { url: org.url, token: rep.token, userId: rep.userId, asOf: SAMPLE_ANCHOR_DATE, runs: RUNS };
// The measuring code runs in the page as plain JavaScript (not through tsx's transform).
const BENCH_JS = `
window.runBench = async (c) => {
  const mountEmpty = async () => {
    const t0 = performance.now();
    const p = document.createElement('salesops-provider');
    document.body.append(p);
    await p.updateComplete;
    const t = performance.now() - t0;
    p.remove();
    return t;
  };
  const mountOrg = async () => {
    const t0 = performance.now();
    const p = document.createElement('salesops-provider');
    p.connection = new jsforce.Connection({ instanceUrl: c.url, accessToken: c.token, version: '64.0' });
    p.setAttribute('user-id', c.userId);
    p.setAttribute('as-of', c.asOf);
    const e = document.createElement('salesops-attainment');
    p.append(e);
    document.body.append(p);
    await e.updateComplete;
    await e.loaded();
    const t = performance.now() - t0;
    const state = e.state;
    p.remove();
    return { t, state };
  };
  const mountLeaderboard = async (data) => {
    const t0 = performance.now();
    const p = document.createElement('salesops-provider');
    p.client = SalesopsWidgets.createFixtureClient(data);
    p.setAttribute('as-of', '2026-03-15');
    const e = document.createElement('salesops-leaderboard');
    e.limit = 500;
    p.append(e);
    document.body.append(p);
    await e.updateComplete;
    await e.loaded();
    const rows = e.shadowRoot.querySelectorAll('tbody tr').length;
    const t = performance.now() - t0;
    p.remove();
    return { t, rows };
  };
  const large = await (await fetch('/large.json')).json();
  const small = await (await fetch('/small.json')).json();
  const out = { empty: [], org: [], states: [], lb500: [], lbSmall: [], rows: 0 };
  for (let i = 0; i < c.runs; i++) {
    out.empty.push(await mountEmpty());
    const o = await mountOrg();
    out.org.push(o.t);
    out.states.push(o.state);
    const l = await mountLeaderboard(large);
    out.lb500.push(l.t);
    out.rows = l.rows;
    out.lbSmall.push((await mountLeaderboard(small)).t);
  }
  return out;
};`;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/resource.js"></script><script>${BENCH_JS}</script></head><body></body></html>`;
const large = JSON.stringify(fiveHundredReps());
const small = JSON.stringify(smallOrg());
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const bodies: Record<string, [string, string]> = {
    '/': ['text/html', page],
    '/resource.js': ['text/javascript', resource],
    '/large.json': ['application/json', large],
    '/small.json': ['application/json', small],
  };
  const hit = bodies[path];
  if (!hit) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': `${hit[0]}; charset=utf-8` });
  res.end(hit[1]);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const browser = await launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e));
  await tab.goto(url);
  const figures = (await tab.evaluate(`window.runBench(${JSON.stringify(config)})`)) as {
    empty: number[];
    org: number[];
    states: string[];
    lb500: number[];
    lbSmall: number[];
    rows: number;
  };
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`\nheadless Chromium, median of ${RUNS} runs`);
  const first = median(figures.org);
  console.log(
    `  mount → first data render (local org, default sample, rep token): ${ms(first)} ` +
      `(${(first / 300).toFixed(2)}× the 300 ms target; states ${[...new Set(figures.states)].join(',')})`,
  );
  console.log(`  reference: empty Lit element mount ${ms(median(figures.empty))}`);
  console.log(`  leaderboard, 500 reps (${figures.rows} rows rendered): ${ms(median(figures.lb500))}`);
  console.log(`  reference: leaderboard, small org: ${ms(median(figures.lbSmall))}`);
  const heap = (await tab.metrics()).JSHeapUsedSize;
  const heapNote = heap === undefined ? {} : { note: `page JS heap ${(heap / 2 ** 20).toFixed(1)} MiB after the runs` };
  const sizeGroup = 'widgets bundle, gzip -9';
  const renderGroup = `widgets in headless Chromium, median of ${RUNS}`;
  const emptyKb = emptyLitGz / 1024;
  recordBenchRows([
    {
      group: sizeGroup,
      label: 'empty Lit element bundle (reference)',
      value: emptyKb,
      unit: 'KB',
      reference: null,
      peakMiB: null,
    },
    {
      group: sizeGroup,
      label: 'widgets without jsforce (target 80 KB)',
      value: widgetsGz / 1024,
      unit: 'KB',
      reference: { label: 'empty Lit', value: emptyKb },
      peakMiB: null,
    },
    {
      group: sizeGroup,
      label: 'static resource with jsforce',
      value: gz(resource) / 1024,
      unit: 'KB',
      reference: { label: 'empty Lit', value: emptyKb },
      peakMiB: null,
    },
    {
      group: renderGroup,
      label: 'mount of an empty Lit element (reference)',
      value: median(figures.empty),
      unit: 'ms',
      reference: null,
      peakMiB: null,
    },
    {
      group: renderGroup,
      label: 'mount → first data render, local org (target 300 ms)',
      value: first,
      unit: 'ms',
      reference: { label: 'empty mount', value: median(figures.empty) },
      peakMiB: null,
      ...heapNote,
    },
    {
      group: renderGroup,
      label: 'leaderboard, small org (reference)',
      value: median(figures.lbSmall),
      unit: 'ms',
      reference: null,
      peakMiB: null,
    },
    {
      group: renderGroup,
      label: `leaderboard, 500 reps`,
      value: median(figures.lb500),
      unit: 'ms',
      reference: { label: 'small org', value: median(figures.lbSmall) },
      peakMiB: null,
    },
  ]);
} finally {
  await browser.close();
  server.close();
  await org.stop();
}
