import { expect } from 'chai';
import { createFixtureClient } from '../data/client.js';
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
  storedResultsOf,
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsLeaderboard } from './leaderboard.js';

const stored = storedResultsOf(smallOrg(), SMALL_AS_OF);
const f = createFormatters('en-US', 'USD');
const rows = (element: HTMLElement) => [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
const cell = (row: Element, key: string) => row.querySelector(`[data-figure="${key}"]`)?.textContent?.trim();
/** The stored leaderboard rows of a peer group (the role the reps report to), in order. */
const storedRows = (group: string) =>
  (stored['SalesOps_Leaderboard__c'] ?? []).filter((r) => r['Peer_Group_Key__c'] === group);

describe('salesops-leaderboard', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the stored rows of the rep's peer group: attainment, percentile and shrunk win rate", async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.B });
    const expected = storedRows(small.roles.mgrEast);
    expect(expected.map((r) => r['Rep__c'])).to.deep.equal([small.users.A, small.users.B]);
    const shown = rows(element);
    expect(shown.map((r) => r.getAttribute('data-rep'))).to.deep.equal([small.users.A, small.users.B]);
    // East: A 17,000/30,000 = 56.7 %, B 10,000/60,000 = 16.7 %; shrunk win rates 77.8 % and 88.9 % (metrics.md).
    expect(shown.map((r) => cell(r, 'attainment'))).to.deep.equal([f.percent(17 / 30), f.percent(1 / 6)]);
    expect(shown.map((r) => cell(r, 'win-rate-shrunk'))).to.deep.equal([f.percent(7 / 9), f.percent(8 / 9)]);
    expect(shown.map((r) => cell(r, 'percentile'))).to.deep.equal(
      // Percentile p in plain words: ahead of p% of peers.
      expected.map((r) => f.wholePercent((r['Percentile__c'] as number) / 100)),
    );
    expect(shown[1]?.classList.contains('viewer')).to.equal(true);
    expect(element.chart?.data.labels?.length).to.equal(2);
    // The headline: the viewer's rank among the ranked reps of the group.
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal('You rank 2 of 2');
    expect(element.shadowRoot?.textContent).to.not.contain('shrunk');
  });

  it('shortens long names on the chart axis and keeps them whole in the table', async () => {
    const data = smallOrg();
    const suffix = ' Donaudampfschifffahrtsgesellschaft';
    const long = { ...data, users: data.users.map((u) => ({ ...u, Name: `${u.Name}${suffix}` })) };
    const client = fixtureClient(long, storedResultsOf(long, SMALL_AS_OF));
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { client, userId: small.users.A });
    const ticks = (element.chart?.scales['y']?.ticks ?? []).map((tick) => String(tick.label));
    expect(ticks.length).to.be.greaterThan(1);
    for (const tick of ticks) expect(tick.length, tick).to.be.at.most(24);
    expect(ticks.every((tick) => tick.endsWith('…'))).to.equal(true);
    expect(element.shadowRoot?.querySelector('tbody th')?.textContent).to.contain(suffix.trim());
  });

  it('shows a manager the same rows as the reps of the team', async () => {
    const rep = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.A });
    const repFigures = rows(rep.element).map((r) => [cell(r, 'attainment'), cell(r, 'percentile')]);
    cleanup();
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.mgrEast });
    expect(rows(element).map((r) => [cell(r, 'attainment'), cell(r, 'percentile')])).to.deep.equal(repFigures);
    expect(element.shadowRoot?.querySelector('tr.viewer')).to.equal(null);
  });

  it('finds the rep’s own row on an anonymised leaderboard through the rep’s scorecard', async () => {
    const anonymous = storedResultsOf(smallOrg(), SMALL_AS_OF, { names: false });
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      userId: small.users.B,
      client: fixtureClient(smallOrg(), anonymous),
    });
    const text = element.shadowRoot?.textContent ?? '';
    expect(text).to.not.contain(small.smallOrg().users.find((u) => u.Id === small.users.A)?.Name ?? '?');
    expect(element.shadowRoot?.querySelector('tr.viewer th')?.textContent).to.equal('You');
    expect(rows(element)[0]?.querySelector('th')?.textContent).to.equal('Rep #1');
  });

  it('anonymises names when asked, and re-renders on the property change', async () => {
    const { element } = await mount<SalesopsLeaderboard>('salesops-leaderboard', { userId: small.users.B });
    const nameOfA = smallOrg().users.find((u) => u.Id === small.users.A)?.Name ?? '?';
    expect(element.shadowRoot?.textContent).to.contain(nameOfA);
    element.anonymize = true;
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).to.not.contain(nameOfA);
    expect(element.chart?.data.labels).to.include('You');
  });

  it('shows the loading, not-written, error and no-permission states', async () => {
    const loading = await mount<SalesopsLeaderboard>('salesops-leaderboard', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const empty = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      userId: small.users.A,
      client: createFixtureClient(smallOrg(), {}),
    });
    expect([bodyState(empty.element), empty.element.emptyReason]).to.deep.equal(['empty', 'not-written']);
    expect(empty.element.shadowRoot?.textContent).to.contain('sf salesops reps compare --write');
    cleanup();
    const error = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(new Error('down')),
    });
    expect(bodyState(error.element)).to.equal('error');
    cleanup();
    const denied = await mount<SalesopsLeaderboard>('salesops-leaderboard', {
      client: failingClient(Object.assign(new Error('x'), { errorCode: 'INSUFFICIENT_ACCESS' })),
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
