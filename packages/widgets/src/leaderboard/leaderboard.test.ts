import { expect } from 'chai';
import {
  compareReps,
  computePerformance,
  createOrgSnapshot,
  OpportunityHistoryTable,
  parsePeriodSpec,
} from '@salesops/core';
import { createFormatters } from '../i18n/format.js';
import {
  bodyState,
  cleanup,
  expectAccessible,
  failingClient,
  fixtureClient,
  mount,
  pendingClient,
  small,
  smallOrg,
  SMALL_AS_OF,
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsLeaderboard } from './leaderboard.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const report = computePerformance(snapshot, { period, asOf: SMALL_AS_OF });
const comparison = compareReps(snapshot, report, { period, asOf: SMALL_AS_OF, peerGroup: 'role' });
const f = createFormatters('en-US', 'USD');

const rows = (element: HTMLElement) => [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];

describe('salesops-leaderboard', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("ranks reps by the engine's attainment with its percentiles and shrunk win rates", async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.A });
    const expected = comparison
      .filter(
        (c) =>
          c.performance.isActive &&
          snapshot.data.opportunities.some((o) => o.OwnerId === c.repId) &&
          (c.performance.quota !== null || c.performance.closedWon > 0 || c.performance.openDeals > 0),
      )
      .sort(
        (a, b) =>
          (b.performance.attainment ?? -Infinity) - (a.performance.attainment ?? -Infinity) ||
          b.performance.closedWon - a.performance.closedWon,
      );
    expect(expected.length).to.be.greaterThan(1);
    const shown = rows(element);
    expect(shown.map((r) => r.getAttribute('data-rep'))).to.deep.equal(expected.map((c) => c.repId));
    shown.forEach((row, i) => {
      const c = expected[i];
      if (!c) throw new Error('row');
      expect(row.querySelector('[data-figure="attainment"]')?.textContent?.trim()).to.equal(
        f.percent(c.performance.attainment),
      );
      // Percentile p in plain words: ahead of p% of peers.
      const p = c.metrics.attainment.percentile;
      expect(row.querySelector('[data-figure="percentile"]')?.textContent?.trim()).to.equal(
        f.wholePercent(p === null ? null : p / 100),
      );
      expect(row.querySelector('[data-figure="win-rate-shrunk"]')?.textContent?.trim()).to.equal(
        f.percent(c.winRateShrunk),
      );
    });
    expect(element.chart?.data.labels?.length).to.equal(expected.length);
    // The headline: the viewer's rank among all ranked reps.
    const rank = expected.findIndex((c) => c.repId === small.users.A) + 1;
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal(
      `You rank ${rank} of ${expected.length}`,
    );
    expect(element.shadowRoot?.textContent).to.not.contain('shrunk');
  });

  it('shortens long names on the chart axis and keeps them whole in the table', async () => {
    const data = smallOrg();
    const suffix = ' Donaudampfschifffahrtsgesellschaft';
    const client = fixtureClient({ ...data, users: data.users.map((u) => ({ ...u, Name: `${u.Name}${suffix}` })) });
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { client, userId: small.users.A });
    const ticks = (element.chart?.scales['y']?.ticks ?? []).map((tick) => String(tick.label));
    expect(ticks.length).to.be.greaterThan(1);
    for (const tick of ticks) expect(tick.length, tick).to.be.at.most(24);
    expect(ticks.every((tick) => tick.endsWith('…'))).to.equal(true);
    expect(element.shadowRoot?.querySelector('tbody th')?.textContent).to.contain(suffix.trim());
  });

  it('anonymises names when asked, and re-renders on the property change', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.A });
    const nameOfB = snapshot.usersById.get(small.users.B)?.Name ?? '';
    expect(element.shadowRoot?.textContent).to.contain(nameOfB);
    element.anonymize = true;
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).to.not.contain(nameOfB);
    expect(element.shadowRoot?.querySelector('tr.viewer th')?.textContent).to.equal('You');
    expect(element.shadowRoot?.textContent).to.match(/Rep #\d/);
    expect(element.chart?.data.labels).to.include('You');
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsLeaderboard>('salesops-leaderboard', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const data = smallOrg();
    const empty = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: fixtureClient({
        ...data,
        opportunities: [],
        opportunityHistory: OpportunityHistoryTable.of([]),
        opportunityLineItems: [],
        forecastingQuotas: [],
        salesOpsQuotas: [],
      }),
    });
    expect(bodyState(empty.element)).to.equal('empty');
    cleanup();
    const error = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(new Error('down')),
    });
    expect(bodyState(error.element)).to.equal('error');
    cleanup();
    const denied = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(Object.assign(new Error('x'), { name: 'FieldAccessError' })),
    });
    expect(bodyState(denied.element)).to.equal('no-permission');
  });

  it('destroys its chart on disconnect', () =>
    expectChartDestroyedOnDisconnect('salesops-leaderboard', { userId: small.users.A }));

  it('speaks Japanese', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      userId: small.users.A,
      language: 'ja',
      locale: 'ja_JP',
    });
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('ランキング');
    expect(element.shadowRoot?.textContent).to.contain('あなた');
    await expectAccessible(element);
  });
});
