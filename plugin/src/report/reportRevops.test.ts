/**
 * The pack's funnel and retention sections on the default sample org: their figures equal `sf salesops funnel
 * --json` and `sf salesops revenue retention --json` on the same files, each language shows them with its own
 * texts and a chart each, and an org without leads or opportunity types says what is not computed (the warning
 * codes), never zeros.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrgSnapshot, NO_REVOPS_RECORDS, type OrgData } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import Funnel, { type SalesopsFunnelResult } from '../commands/salesops/funnel.js';
import Report, { type SalesopsReportResult } from '../commands/salesops/report.js';
import RevenueRetention, { type SalesopsRevenueRetentionResult } from '../commands/salesops/revenue/retention.js';
import { renderReportHtml } from './renderHtml.js';
import { renderReportMarkdown } from './renderMarkdown.js';
import { reportData } from './reportData.js';
import { REPORT_LANGUAGES, reportText } from './reportLanguage.js';
import { SOURCES_SHOWN } from './reportRevops.js';

let dir: string;
let config: Config;
/** Each command reads the default sample org and computes: 5–30 s on a busy 2-core machine. */
const COMMAND_TIMEOUT = 240_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-revops-'));
  await generateSampleOrg({ outDir: join(dir, 'org'), size: 'default' });
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

const args = () => ['--data-dir', join(dir, 'org'), '--as-of', SAMPLE_ANCHOR_DATE, '--json'];
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('the report’s funnel and revenue retention sections', () => {
  it(
    'show the figures of sf salesops funnel and sf salesops revenue retention, in every language',
    async () => {
      const report = (await quietly(() =>
        Report.run([...args(), '--language', 'en', '--output-dir', join(dir, 'en')], config),
      )) as SalesopsReportResult;
      const funnel = (await quietly(() =>
        Funnel.run([...args(), '--group-by', 'source'], config),
      )) as SalesopsFunnelResult;
      const retention = (await quietly(() =>
        RevenueRetention.run([...args(), '--group-by', 'period'], config),
      )) as SalesopsRevenueRetentionResult;
      const { data } = report;
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

      const html = await readFile(report.html, 'utf8');
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
    COMMAND_TIMEOUT,
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
      const { data } = reportData(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE, seed: 42 });
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
    COMMAND_TIMEOUT,
  );
});
