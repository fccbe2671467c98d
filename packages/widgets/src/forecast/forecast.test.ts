import { expect } from 'chai';
import { computeForecast, createOrgSnapshot, forecastScopes, parsePeriodSpec, scopeQuotas } from '@salesops/core';
import { createFixtureClient, type StoredRecord } from '../data/client.js';
import { createFormatters } from '../i18n/format.js';
import {
  bodyState,
  cleanup,
  expectAccessible,
  failingClient,
  figure,
  fixtureClient,
  mount,
  pendingClient,
  small,
  smallOrg,
  SMALL_AS_OF,
  storedResultsOf,
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsForecast } from './forecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
/** The CLI's forecast of a scope with its defaults (auto, seed 42), computed here independently of the records. */
const cli = (type: 'rep' | 'team' | 'org', id: string) => {
  const scope = forecastScopes(snapshot, [type]).find((s) => s.id === id);
  if (!scope) throw new Error(`no ${type} scope ${id}`);
  return computeForecast(snapshot, { period, asOf: SMALL_AS_OF, seed: 42, scopes: [scope] }).scopes[0];
};

describe('salesops-forecast', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the CLI's stored auto forecast (seed 42): its band, commit, best case and the rep's quota", async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.A });
    const expected = cli('rep', small.users.A);
    const auto = expected?.auto;
    // On the small org auto chooses commit (lowest error last quarter): a point forecast without a band.
    expect([auto?.method, auto?.p50]).to.deep.equal(['commit', null]);
    expect(figure(element, 'p50')).to.equal(f.compactMoney(auto?.forecast));
    expect(element.shadowRoot?.querySelector('[data-figure="range"]')).to.equal(null);
    // Plain words, no statistics jargon.
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal(
      `Likely ${f.compactMoney(auto?.forecast)}`,
    );
    expect(element.shadowRoot?.textContent).to.not.match(/P10|P50|P90/);
    expect(figure(element, 'commit')).to.equal(f.compactMoney(expected?.methods.commit?.forecast));
    expect(figure(element, 'best-case')).to.equal(f.compactMoney(expected?.methods.bestCase?.forecast));
    expect(figure(element, 'closed-won')).to.equal(f.compactMoney(expected?.closedWon));
    const quota = scopeQuotas(snapshot, period, SMALL_AS_OF).get(`rep|${small.users.A}`);
    expect(figure(element, 'quota')).to.equal(f.compactMoney(quota));
    expect(element.chart?.data.datasets.length).to.equal(6);
    // The band's edges are drawn in a colour with ≥ 3:1 contrast on white (the brand blue), not the light fill.
    expect(element.chart?.data.datasets[0]?.borderColor).to.equal('#0b5cab');
  });

  it('shows the latest stored run on or before the as-of date and lists the stored accuracy', async () => {
    const record = (asOf: string, p50: number): StoredRecord => ({
      Scope_Type__c: 'Rep',
      Scope_Id__c: small.users.A,
      Method__c: 'auto',
      Period_Label__c: period.label,
      Period_Start__c: period.start,
      Period_End__c: period.end,
      As_Of__c: asOf,
      Currency__c: 'USD',
      Closed_Won__c: 0,
      P10__c: p50 - 1000,
      P50__c: p50,
      P90__c: p50 + 1000,
    });
    const client = fixtureClient(smallOrg(), {
      User: [{ Id: small.users.A, UserRoleId: small.roles.repEast }],
      SalesOps_Forecast__c: [record('2026-03-01', 2000), record('2026-03-10', 5000), record('2026-03-20', 9000)],
      SalesOps_Forecast_Accuracy__c: [
        {
          Scope_Type__c: 'Rep',
          Scope_Id__c: small.users.A,
          Period_Label__c: 'FY2025-Q4',
          Forecast__c: 9000,
          Actual__c: 10000,
          APE__c: 0.1,
          Period_End__c: '2025-12-31',
        },
      ],
    });
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { client, userId: small.users.A });
    expect(figure(element, 'p50')).to.equal('$5K');
    expect(figure(element, 'range')).to.equal('$4K–$6K');
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal('Likely $5K, range $4K–$6K');
    const accuracy = element.shadowRoot?.querySelectorAll('[data-accuracy]');
    expect(accuracy?.length).to.equal(1);
    expect(accuracy?.[0]?.textContent).to.contain('FY2025-Q4');
  });

  it('re-renders for another scope when the properties change', async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.A });
    element.scope = 'org';
    await element.updateComplete;
    await element.loaded();
    const org = snapshot.data.organization;
    expect(element.shadowRoot?.querySelector('[data-scope]')?.textContent).to.equal(org.Name);
    expect(figure(element, 'p50')).to.equal(f.compactMoney(cli('org', org.Id)?.auto?.forecast));
  });

  it("forecasts a manager's team when the manager has no forecast of their own", async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.mgrEast });
    expect(bodyState(element)).to.equal('ready');
    const role = snapshot.rolesById.get(small.roles.mgrEast);
    const manager = snapshot.usersById.get(small.users.mgrEast);
    // A team is named after its manager (metrics.md "Hierarchy and roll-ups").
    const name = `${manager?.Name ?? ''} (${role?.Name ?? ''})`;
    expect(element.shadowRoot?.querySelector('[data-scope]')?.textContent).to.equal(name);
    expect(figure(element, 'p50')).to.equal(f.compactMoney(cli('team', small.roles.mgrEast)?.auto?.forecast));
  });

  it('shows the loading, not-written, error and no-permission states', async () => {
    const loading = await mount<SalesopsForecast>('salesops-forecast', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const empty = await mount<SalesopsForecast>('salesops-forecast', {
      userId: small.users.A,
      client: createFixtureClient(smallOrg(), storedResultsOf(smallOrg(), '2025-06-01')),
    });
    expect([bodyState(empty.element), empty.element.emptyReason]).to.deep.equal(['empty', 'not-written']);
    expect(empty.element.shadowRoot?.textContent).to.contain('sf salesops forecast --write');
    cleanup();
    const error = await mount<SalesopsForecast>('salesops-forecast', {
      client: failingClient(new Error('x')),
      userId: small.users.A,
    });
    expect(bodyState(error.element)).to.equal('error');
    cleanup();
    const denied = await mount<SalesopsForecast>('salesops-forecast', {
      client: failingClient(Object.assign(new Error('x'), { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' })),
      userId: small.users.A,
    });
    expect(bodyState(denied.element)).to.equal('no-permission');
  });

  it('destroys its chart on disconnect', () =>
    expectChartDestroyedOnDisconnect('salesops-forecast', { userId: small.users.A }));

  it('speaks simplified Chinese', async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', {
      userId: small.users.A,
      language: 'zh_CN',
      locale: 'zh_CN',
    });
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('预测');
    await expectAccessible(element);
  });
});
