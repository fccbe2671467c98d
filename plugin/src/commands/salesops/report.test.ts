/**
 * The S&OP pack on the default sample org with a rep named like an XSS payload: every value escaped in HTML and
 * Markdown (Markdown escapes, never HTML entities), no external resource, the run's one forecast equal to
 * `sf salesops forecast --json`'s, each language's texts, numbers and dates, and the CSV lists behind the top N; the
 * funnel and retention sections equal `sf salesops funnel` and `sf salesops revenue retention`, and name missing data.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrgSnapshot, NO_REVOPS_RECORDS, type OrgData } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { renderReportHtml } from '../../report/renderHtml.js';
import { renderReportMarkdown } from '../../report/renderMarkdown.js';
import { reportData } from '../../report/reportData.js';
import { REPORT_LANGUAGES, reportText } from '../../report/reportLanguage.js';
import { SOURCES_SHOWN } from '../../report/reportRevops.js';
import { SUMMARY_ACTIONS } from '../../report/reportSummary.js';
import type { ReportData } from '../../report/reportTypes.js';
import Forecast, { type SalesopsForecastResult } from './forecast.js';
import Funnel, { type SalesopsFunnelResult } from './funnel.js';
import Report, { type SalesopsReportResult } from './report.js';
import RevenueRetention, { type SalesopsRevenueRetentionResult } from './revenue/retention.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
let dir: string;
let config: Config;
/** A pack takes 5–15 s on a busy 2-core machine; the first also loads the org. */
const PACK_TIMEOUT = 180_000;
const results = new Map<string, SalesopsReportResult>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-'));
  await generateSampleOrg({ outDir: join(dir, 'org'), size: 'default' });
  // The best-performing rep of the sample org gets a hostile name (the name is a CSV field without commas).
  const users = join(dir, 'org', 'User.csv');
  await writeFile(users, (await readFile(users, 'utf8')).replace('Zoe Patel', HOSTILE));
  config = await Config.load(join(import.meta.dirname, '../../..'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function report(language: string): Promise<SalesopsReportResult> {
  const cached = results.get(language);
  if (cached) return cached;
  const args = ['--data-dir', join(dir, 'org'), '--as-of', SAMPLE_ANCHOR_DATE, '--language', language];
  const result = (await quietly(() =>
    Report.run([...args, '--output-dir', join(dir, language), '--json'], config),
  )) as SalesopsReportResult;
  results.set(language, result);
  return result;
}

describe('sf salesops report', () => {
  it(
    'escapes every value and inlines everything it needs',
    async () => {
      const result = await report('en');
      const html = await readFile(result.html, 'utf8');
      const markdown = await readFile(result.markdown, 'utf8');
      expect(result.data.reps.top.map((r) => r.name)).toContain(HOSTILE);
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(markdown).not.toContain(HOSTILE);
      expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
      // Offline and static: no scripts at all, no external styles or images; the charts are inline SVG.
      expect(html).not.toMatch(/<script|<link|<img/);
      expect(html).toMatch(/<svg viewBox=/);
      for (const id of ['summary', 'forecast', 'waterfall', 'kpis', 'accuracy', 'reps', 'territories', 'hygiene'])
        expect(html).toContain(`<section id="${id}">`);
      expect(markdown).toMatch(/^# S\\&OP review — Sample Sales Co\n/);
    },
    PACK_TIMEOUT,
  );

  it(
    'leads with the forecast of `sf salesops forecast --json` for the same period and date',
    async () => {
      const result = await report('en');
      const forecast = (await quietly(() =>
        Forecast.run(
          ['--data-dir', join(dir, 'org'), '--as-of', SAMPLE_ANCHOR_DATE, '--group-by', 'org', '--json'],
          config,
        ),
      )) as SalesopsForecastResult;
      const org = forecast.forecasts[0];
      expect(org?.forecast).not.toBeNull();
      expect(result.data.headline.forecast).toBe(org?.forecast);
      expect(result.data.headline.method).toBe(org?.chosenMethod);
      expect(result.data.headline.quota).toBe(org?.quota);
      expect(result.data.headline.forecastAttainment).toBe(org?.forecastAttainment);
      // The summary states that one figure, not the Monte Carlo P50 or another method's.
      const html = await readFile(result.html, 'utf8');
      const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
      expect(html).toContain(`Forecast for ${forecast.period.label}: ${money.format(org?.forecast ?? 0)}`);
    },
    PACK_TIMEOUT,
  );

  it(
    'names at most five actions first, each owner and kind once, and writes the full lists to CSV',
    async () => {
      const result = await report('en');
      const html = await readFile(result.html, 'utf8');
      const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('</section>'));
      const items = summary.match(/<ol>(.*?)<\/ol>/s)?.[1]?.match(/<li>/g) ?? [];
      expect(items).toHaveLength(Math.min(SUMMARY_ACTIONS, result.data.actions.length));
      const keys = result.data.actions.map((a) => `${a.kind}|${a.owner}|${'stage' in a ? a.stage : ''}`);
      expect(new Set(keys).size).toBe(keys.length);
      const money = result.data.actions.map((a) => a.money);
      expect(money).toEqual([...money].sort((a, b) => b - a));
      const csv = await readFile(join(dir, 'en', 'actions.csv'), 'utf8');
      expect(csv.trim().split('\n')).toHaveLength(result.data.actions.length + 1);
      const reps = await readFile(join(dir, 'en', 'reps.csv'), 'utf8');
      expect(reps.trim().split('\n')).toHaveLength(result.data.reps.ranked + 1);
    },
    PACK_TIMEOUT,
  );

  it.each([
    ['de', 'Zusammenfassung für die Geschäftsleitung', 'Prognose für', /Stand 16\.11\.2026/],
    ['ja', 'エグゼクティブサマリー', 'の予測', /2026\/11\/16 時点/],
    ['zh-CN', '执行摘要', '的预测', /截至 2026年11月16日/],
    ['zh-TW', '執行摘要', '的預測', /截至 2026年11月16日/],
  ])(
    'writes the pack in %s, with its numbers and dates',
    async (language, summaryTitle, headline, asOf) => {
      const result = await report(language);
      const html = await readFile(result.html, 'utf8');
      const markdown = await readFile(result.markdown, 'utf8');
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(`<h2>${summaryTitle}</h2>`);
      expect(html).toContain(headline);
      expect(html).toMatch(asOf);
      // No English method, rule or step name is left in the pack (the org's own names aside).
      for (const english of ['Monte Carlo', 'Weighted pipeline', 'Pushed out', 'pushed twice', 'Closed won', 'Top'])
        expect(html, english).not.toContain(`>${english}`);
      expect(markdown).not.toMatch(/&#|&amp;|&lt;|&gt;|&quot;/);
    },
    PACK_TIMEOUT,
  );

  it(
    'writes Markdown with Markdown escapes and never an HTML entity',
    async () => {
      const markdown = await readFile((await report('en')).markdown, 'utf8');
      expect(markdown).not.toMatch(/&#|&amp;|&lt;|&gt;|&quot;/);
      expect(markdown).toContain("run's one method");
    },
    PACK_TIMEOUT,
  );

  it(
    'says the data is incomplete instead of "Nothing needs attention" for a quarter without quotas',
    async () => {
      const out = join(dir, 'no-quota');
      const args = ['--data-dir', join(dir, 'org'), '--as-of', SAMPLE_ANCHOR_DATE, '--period', 'FY2028-Q2'];
      const result = (await quietly(() =>
        Report.run([...args, '--output-dir', out, '--json'], config),
      )) as SalesopsReportResult;
      expect(result.data.warnings?.map((w) => w.code)).toContain('NO_QUOTAS_IN_PERIOD');
      expect(result.data.headline.quota).toBeNull();
      const markdown = await readFile(result.markdown, 'utf8');
      expect(markdown).toContain('no quota is set for the period');
      expect(markdown).not.toContain('Nothing needs attention');
      expect(markdown).toContain('The data is incomplete (NO\\_QUOTAS\\_IN\\_PERIOD)');
      // No item rests on a quota the period does not have.
      expect(result.data.actions.filter((a) => a.kind === 'forecastGap' || a.kind === 'lowCoverage')).toEqual([]);
    },
    PACK_TIMEOUT,
  );

  it(
    'prints to A4 and Letter within a page bound, no element wider than the page',
    async () => {
      const result = await report('en');
      const { chromePath, CHROME_ARGS } = (await import(
        pathToFileURL(join(import.meta.dirname, '../../../../packages/widgets/web-test-runner.config.mjs')).href
      )) as { chromePath(): string; CHROME_ARGS: string[] };
      const browser = await launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
      try {
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(result.html).href);
        await tab.emulateMediaType('print');
        // Printable width at 96 px/in: the paper less the 14 mm margins of the pack's @page rule.
        for (const [format, paperMm, maxPages] of [
          ['A4', 210, 9],
          ['Letter', 215.9, 10],
        ] as const) {
          const pdf = Buffer.from(await tab.pdf({ format })).toString('latin1');
          const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
          expect(pages, format).toBeGreaterThan(1);
          expect(pages, format).toBeLessThanOrEqual(maxPages);
          const width = Math.floor(((paperMm - 28) / 25.4) * 96);
          await tab.setViewport({ width, height: 1000 });
          const wider = (await tab.evaluate(
            `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${width} + 0.5).map((e) => e.tagName + ' ' + e.textContent.slice(0, 40))`,
          )) as string[];
          expect(wider, format).toEqual([]);
        }
      } finally {
        await browser.close();
      }
    },
    PACK_TIMEOUT,
  );

  it(
    'stays the same size however many teams, territories and action items the org has',
    async () => {
      const data = (await report('en')).data;
      const inflate = (n: number): ReportData => ({
        ...data,
        teams: Array.from({ length: n }, (_, i) =>
          data.teams.map((t) => ({ ...t, id: `${t.id}-${i}`, name: `${t.name} ${i}` })),
        ).flat(),
        actions: Array.from({ length: n }, () => data.actions).flat(),
        territories: {
          ...data.territories,
          territories: Array.from({ length: n }, (_, i) =>
            data.territories.territories.map((t) => ({
              ...t,
              territoryId: `${t.territoryId}-${i}`,
              name: `${t.name} ${i}`,
            })),
          ).flat(),
        },
      });
      const rows = (html: string) => (html.match(/<tr>/g) ?? []).length;
      const [ten, hundred] = [10, 100].map((n) => renderReportHtml(inflate(n), 'en'));
      expect(rows(hundred ?? '')).toBe(rows(ten ?? ''));
      expect((hundred ?? '').length / (ten ?? '').length).toBeLessThan(1.02);
    },
    PACK_TIMEOUT,
  );
});

const revopsArgs = () => ['--data-dir', join(dir, 'org'), '--as-of', SAMPLE_ANCHOR_DATE, '--json'];
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('the report’s funnel and revenue retention sections', () => {
  it(
    'show the figures of sf salesops funnel and sf salesops revenue retention, in every language',
    async () => {
      const pack = await report('en');
      const funnel = (await quietly(() =>
        Funnel.run([...revopsArgs(), '--group-by', 'source'], config),
      )) as SalesopsFunnelResult;
      const retention = (await quietly(() =>
        RevenueRetention.run([...revopsArgs(), '--group-by', 'period'], config),
      )) as SalesopsRevenueRetentionResult;
      const { data } = pack;
      expect(data.period.label).toBe(funnel.period.label);
      expect(funnel.funnel?.totals.leads).toBeGreaterThan(0);
      expect(plain(data.funnel.totals)).toEqual(plain(funnel.funnel?.totals));
      expect(plain(data.funnel.bySource)).toEqual(plain(funnel.funnel?.bySource.slice(0, SOURCES_SHOWN)));
      expect(data.funnel.sourcesTotal).toBe(funnel.funnel?.bySource.length);
      expect(data.funnel.gaps).toEqual([]);
      expect(retention.totals.grr).not.toBeNull();
      expect(plain(data.retention.byPeriod)).toEqual(plain(retention.byPeriod));
      expect(plain(data.retention.totals)).toEqual(plain(retention.totals));
      expect(data.retention.basePeriod).toBe(retention.basePeriod.label);
      expect(data.retention.gaps).toEqual([]);

      const html = await readFile(pack.html, 'utf8');
      for (const id of ['funnel', 'retention']) {
        const section = html.slice(html.indexOf(`<section id="${id}">`));
        expect(section.slice(0, section.indexOf('</section>'))).toMatch(/<svg viewBox=/);
      }
      // Every language titles the sections and its charts in its own words, and heads the tables from its glossary.
      for (const language of REPORT_LANGUAGES) {
        const t = reportText(language);
        const page = renderReportHtml(data, language);
        for (const key of ['funnel.title', 'retention.title', 'chart.retention'])
          expect(page, `${language} ${key}`).toContain(t(key));
        expect(page).toContain(t('chart.funnel', data.period.label));
        expect(renderReportMarkdown(data, language)).toContain(t('retention.title'));
      }
    },
    PACK_TIMEOUT,
  );

  it(
    'says what is not computed without leads or opportunity types, never zeros',
    async () => {
      const full = await readDataDir(join(dir, 'org'));
      const bare: OrgData = {
        ...full,
        ...NO_REVOPS_RECORDS,
        opportunities: full.opportunities.map((o) => ({ ...o, Type: null })),
      };
      const snapshot = createOrgSnapshot(bare);
      const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
      const { data } = await reportData(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE, seed: 42 });
      expect(data.funnel.totals).toBeNull();
      expect(data.funnel.bySource).toEqual([]);
      expect(data.funnel.gaps.map((g) => g.code)).toEqual(['NO_LEADS']);
      expect(data.retention.gaps.map((g) => g.code)).toEqual(['NO_OPPORTUNITY_TYPES']);
      for (const language of REPORT_LANGUAGES) {
        const t = reportText(language);
        const page = renderReportHtml(data, language);
        const section = (id: string) => {
          const from = page.slice(page.indexOf(`<section id="${id}">`));
          return from.slice(0, from.indexOf('</section>'));
        };
        expect(section('funnel')).toContain(t('revops.notComputed', 'NO_LEADS'));
        expect(section('retention')).toContain(t('revops.notComputed', 'NO_OPPORTUNITY_TYPES'));
        for (const id of ['funnel', 'retention']) expect(section(id)).not.toMatch(/<svg|<table/);
      }
    },
    PACK_TIMEOUT,
  );
});
