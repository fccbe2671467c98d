/**
 * The real Visualforce pages (force-app's `.page` markup with its merge fields filled, the built static resource)
 * against the local org, after the real `sf salesops … --write` runs: a rep, a manager and the VP see the same
 * team, territory and leaderboard figures, equal to the CLI's `--json`, each page within its API request budget.
 */
import { expect } from 'chai';
import { pipelineToAdd } from '@salesops/core';
import { createFormatters } from '../i18n/format.js';
import type { SalesopsElement } from '../shared/base.js';

type Viewer = 'rep' | 'manager' | 'vp';
const VIEWERS: readonly Viewer[] = ['rep', 'manager', 'vp'];
/** widgets.md "Data": at most 3 API requests per element mount (at least 1: none means the log was not read). */
const PER_ELEMENT = 3;
/** widgets.md "Data": at most 15 API requests for a page with all five elements. */
const PER_PAGE = 15;

interface CliResults {
  asOf: string;
  viewers: Record<Viewer, { userId: string; name: string }>;
  repsCompare: {
    reps: Array<{
      repId: string;
      quota: number | null;
      closedWon: number;
      attainment: number | null;
      percentile: number | null;
      winRateShrunk: number | null;
      pace: number | null;
      openPipeline: number;
      requiredCoverage: number | null;
    }>;
    totals: { openPipeline: number };
    reconciliation: { difference: Record<string, number | null> } | null;
  };
  territoryCoverage: {
    territories: Array<{
      territoryId: string;
      name: string;
      coverage: number | null;
      accounts: number;
      coveredAccounts: number;
      reps: number;
    }>;
  };
  forecastRep: { forecasts: ForecastRow[] };
  forecastTeam: { forecasts: ForecastRow[] };
  forecastOrg: { forecasts: ForecastRow[] };
  pipelineHygiene: {
    deals: Array<{ opportunityId: string; ownerId: string; stage: string; flags: Array<{ rule: string }> }>;
    benchmarks: { stages: Array<{ stage: string; typicalDaysInStage: number | null; winChance: number | null }> };
  };
}
interface ForecastRow {
  scopeId: string;
  scopeName: string;
  quota: number | null;
  closedWon: number;
  /** The point forecast of the method auto chose (the P50 for Monte Carlo). */
  forecast: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  pace: number | null;
  openPipeline: number | null;
  requiredCoverage: number | null;
  pipelineToAdd: number | null;
}

const f = createFormatters('en-US', 'USD');

async function apiRequests(): Promise<number> {
  const log = (await (await fetch('/__salesops/request-log.json', { cache: 'no-store' })).json()) as string[];
  return log.filter((line) => / \/services\//.test(line)).length;
}

/** Loads a page as a viewer in a frame; resolves with its element (loaded) and the API requests it made. */
async function openPage(page: string, viewer: Viewer, recordId = '') {
  const before = await apiRequests();
  const element = await mountPage(page, viewer, recordId);
  return { element, requests: (await apiRequests()) - before };
}

/**
 * Loads a page as a viewer in a frame (420 px, as an admin places it, with the App Builder's `settings` such as
 * `scope`); resolves with its element, loaded.
 */
async function mountPage(page: string, viewer: Viewer, recordId = '', settings: Record<string, string> = {}) {
  const frame = document.createElement('iframe');
  frame.style.width = '420px';
  frame.style.height = '600px';
  frame.src = `/__salesops/pages/${page}.html?${new URLSearchParams({ viewer, id: recordId, ...settings }).toString()}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument as Document;
  const element = doc.querySelector('salesops-provider')?.firstElementChild as SalesopsElement<unknown> | null;
  if (!element) throw new Error(`${page}.page mounted no element`);
  await (doc.defaultView as Window & typeof globalThis).customElements.whenDefined(element.localName);
  await element.loaded();
  return element;
}

const cells = (root: ParentNode | null | undefined, selector: string) =>
  [...(root?.querySelectorAll(selector) ?? [])].map((c) => c.textContent?.trim() ?? '');

describe('the real pages for a rep, a manager and the VP', function () {
  let cli: CliResults;
  before(async function () {
    this.timeout(900_000); // six sf CLI runs on a busy 2-core machine
    cli = (await (await fetch('/__salesops/cli-results.json')).json()) as CliResults;
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it("shows every viewer the CLI's leaderboard of the rep's peer group", async function () {
    this.timeout(120_000);
    const shown: Record<string, string[][]> = {};
    for (const viewer of VIEWERS) {
      const { element, requests } = await openPage('SalesOpsLeaderboard', viewer);
      expect(element.state, viewer).to.equal('ready');
      expect(requests, `${viewer}: API requests`).to.be.within(1, PER_ELEMENT);
      console.log(`SalesOpsLeaderboard as ${viewer}: ${requests} API requests`);
      const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
      shown[viewer] = rows.map((r) => [r.getAttribute('data-rep') ?? '', ...cells(r, '[data-figure]')]);
    }
    const rep = shown['rep'] ?? [];
    expect(rep.length).to.be.greaterThan(1);
    expect(shown['manager']).to.deep.equal(rep);
    // The VP (no peer group of their own) sees every group: the rep's rows among them, identical.
    for (const row of rep) expect(shown['vp']).to.deep.include(row);
    for (const [repId, ...figures] of rep) {
      const c = cli.repsCompare.reps.find((r) => r.repId === repId);
      expect(figures, repId).to.deep.equal([
        f.percent(c?.attainment),
        // The percentile p in plain words: ahead of p% of peers.
        f.wholePercent(c?.percentile == null ? null : c.percentile / 100),
        f.percent(c?.winRateShrunk),
      ]);
    }
  });

  it("shows every viewer the CLI's territory coverage", async function () {
    this.timeout(120_000);
    const territory = cli.territoryCoverage.territories.find((t) => t.accounts > 0);
    if (!territory) throw new Error('the CLI covered no territory');
    const accounts = territory.accounts === 1 ? 'account' : 'accounts';
    const expected = [
      f.multiple(territory.coverage),
      `${f.integer(territory.coveredAccounts)} of ${f.integer(territory.accounts)} ${accounts} covered`,
      `${f.integer(territory.reps)} ${territory.reps === 1 ? 'rep' : 'reps'}`,
    ];
    for (const viewer of VIEWERS) {
      const { element, requests } = await openPage('SalesOpsTerritoryCoverage', viewer, territory.territoryId);
      expect(element.state, viewer).to.equal('ready');
      expect(requests, `${viewer}: API requests`).to.be.within(1, PER_ELEMENT);
      console.log(`SalesOpsTerritoryCoverage as ${viewer}: ${requests} API requests`);
      const figure = (key: string) => cells(element.shadowRoot, `[data-figure="${key}"]`)[0];
      expect([figure('coverage'), figure('covered-accounts'), figure('reps')], viewer).to.deep.equal(expected);
    }
  });

  it("shows the rep the CLI's rep forecast and the manager the CLI's team forecast", async function () {
    this.timeout(120_000);
    // The likely figure, and the range only when the method auto chose has a band.
    const band = (r: ForecastRow | undefined) => [
      f.compactMoney(r?.p50 ?? r?.forecast),
      r?.p10 == null ? undefined : `${f.compactMoney(r.p10)}–${f.compactMoney(r.p90)}`,
    ];
    const repRow = cli.forecastRep.forecasts.find((r) => r.scopeId === cli.viewers.rep.userId);
    const teamRow = cli.forecastTeam.forecasts.find((r) => r.scopeName.startsWith(cli.viewers.manager.name));
    for (const [viewer, row] of [
      ['rep', repRow],
      ['manager', teamRow],
    ] as const) {
      const { element, requests } = await openPage('SalesOpsForecast', viewer);
      expect(element.state, viewer).to.equal('ready');
      expect(requests, `${viewer}: API requests`).to.be.within(1, PER_ELEMENT);
      console.log(`SalesOpsForecast as ${viewer}: ${requests} API requests`);
      const figure = (key: string) => cells(element.shadowRoot, `[data-figure="${key}"]`)[0];
      expect([figure('p50'), figure('range')], viewer).to.deep.equal(band(row));
      expect(cells(element.shadowRoot, '[data-scope]')[0]).to.equal(row?.scopeName);
    }
  });

  it("shows the rep the CLI's attainment from the rep's own scorecard, the manager the team's, the VP the org's", async function () {
    this.timeout(120_000);
    const c = cli.repsCompare.reps.find((r) => r.repId === cli.viewers.rep.userId);
    const team = cli.forecastTeam.forecasts.find((r) => r.scopeName.startsWith(cli.viewers.manager.name));
    const org = cli.forecastOrg.forecasts[0];
    // metrics.md: attainment = closed won / quota (a team's and the org's from their stored forecast's two figures).
    const ratio = (r: ForecastRow | undefined) => (r?.quota ? r.closedWon / r.quota : null);
    // The rep's pipeline to add from the scorecard's figures; a team's and the org's as `forecast --json` gives it.
    const remaining = c?.quota == null ? null : Math.max(c.quota - c.closedWon, 0);
    const repToAdd = c ? pipelineToAdd({ ...c, remainingQuota: remaining }) : null;
    // One set of numbers: the org's open pipeline of `forecast` is `reps compare`'s (its rows plus the owners outside).
    const outside = cli.repsCompare.reconciliation?.difference['openPipeline'] ?? 0;
    expect(org?.openPipeline).to.be.closeTo(cli.repsCompare.totals.openPipeline + outside, 0.005);
    for (const [viewer, quota, closedWon, attainment, pace, open, toAdd] of [
      ['rep', c?.quota, c?.closedWon, c?.attainment, c?.pace, c?.openPipeline, repToAdd],
      ['manager', team?.quota, team?.closedWon, ratio(team), team?.pace, team?.openPipeline, team?.pipelineToAdd],
      ['vp', org?.quota, org?.closedWon, ratio(org), org?.pace, org?.openPipeline, org?.pipelineToAdd],
    ] as const) {
      const { element, requests } = await openPage('SalesOpsAttainment', viewer);
      expect(element.state, viewer).to.equal('ready');
      expect(requests, `${viewer}: API requests`).to.be.within(1, PER_ELEMENT);
      console.log(`SalesOpsAttainment as ${viewer}: ${requests} API requests`);
      const figure = (key: string) => cells(element.shadowRoot, `[data-figure="${key}"]`)[0];
      const words = cells(element.shadowRoot, '.headline-words');
      expect(attainment, viewer).to.be.a('number');
      // The sample org's quotas are not met by the as-of date: every card shows its pace and pipeline to add.
      expect([pace, open, toAdd], viewer).to.satisfy((xs: unknown[]) => xs.every((x) => typeof x === 'number'));
      expect(
        [figure('attainment'), ...words, figure('open-pipeline'), figure('pipeline-to-add')],
        viewer,
      ).to.deep.equal([
        f.wholePercent(attainment),
        `${f.compactMoney(closedWon)} closed of ${f.compactMoney(quota)} quota`,
        `On track for ${f.percent(pace)} of quota`,
        f.compactMoney(open),
        (toAdd ?? 0) > 0 ? `Add ${f.compactMoney(toAdd)} of pipeline` : 'Enough pipeline for the rest of the quota',
      ]);
    }
  });

  it("shows every viewer the CLI's hygiene flags, typical days and win chance of a rep's deal", async function () {
    this.timeout(120_000);
    const deal = cli.pipelineHygiene.deals.find((d) => d.ownerId === cli.viewers.rep.userId);
    if (!deal) throw new Error("the CLI flagged none of the rep's deals");
    const stage = cli.pipelineHygiene.benchmarks.stages.find((s) => s.stage === deal.stage);
    const typical = stage?.typicalDaysInStage;
    expect(typical, deal.stage).to.be.a('number');
    const expected = [
      deal.flags.map((x) => x.rule),
      deal.stage,
      f.percent(stage?.winChance),
      `Won deals usually spend ${f.integer(typical)} ${typical === 1 ? 'day' : 'days'} here`,
    ];
    for (const viewer of VIEWERS) {
      const { element, requests } = await openPage('SalesOpsDealHealth', viewer, deal.opportunityId);
      expect(element.state, viewer).to.equal('ready');
      expect(requests, `${viewer}: API requests`).to.be.within(1, PER_ELEMENT);
      console.log(`SalesOpsDealHealth as ${viewer}: ${requests} API requests`);
      const figure = (key: string) => cells(element.shadowRoot, `[data-figure="${key}"]`)[0];
      const flags = [...(element.shadowRoot?.querySelectorAll('[data-flag]') ?? [])].map((n) =>
        n.getAttribute('data-flag'),
      );
      const words = cells(element.shadowRoot, '.headline-words');
      expect([flags, figure('stage'), figure('win-chance'), words[words.length - 1]], viewer).to.deep.equal(expected);
    }
  });

  it('keeps a page with all five elements within its request budget for every viewer', async function () {
    this.timeout(180_000);
    const deal = cli.pipelineHygiene.deals.find((d) => d.ownerId === cli.viewers.rep.userId);
    const territory = cli.territoryCoverage.territories.find((t) => t.accounts > 0);
    for (const viewer of VIEWERS) {
      const before = await apiRequests();
      // The five elements side by side, as an admin places them on one page, mounting at the same time.
      const elements = await Promise.all([
        mountPage('SalesOpsAttainment', viewer),
        mountPage('SalesOpsLeaderboard', viewer),
        // The VP's home shows the org's forecast (the App Builder's scope); a rep's and a manager's their own.
        mountPage('SalesOpsForecast', viewer, '', viewer === 'vp' ? { scope: 'org' } : {}),
        mountPage('SalesOpsTerritoryCoverage', viewer, territory?.territoryId ?? ''),
        mountPage('SalesOpsDealHealth', viewer, deal?.opportunityId ?? ''),
      ]);
      const requests = (await apiRequests()) - before;
      console.log(`all five elements as ${viewer}: ${requests} API requests`);
      expect(
        elements.map((e) => `${e.localName} ${e.state}`),
        viewer,
      ).to.deep.equal(elements.map((e) => `${e.localName} ready`));
      expect(requests, `${viewer}: API requests of the page`).to.be.within(elements.length, PER_PAGE);
      document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    }
  });
});
