import { expect } from 'chai';
import { computeForecast, computePerformance, createOrgSnapshot, parsePeriodSpec } from '@salesops/core';
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
  expectChartDestroyedOnDisconnect,
} from '../testing/helpers.js';
import type { SalesopsForecast } from './forecast.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
const live = (type: 'rep' | 'team' | 'org', id: string, name: string) =>
  computeForecast(snapshot, {
    period,
    asOf: SMALL_AS_OF,
    scopes: [{ type, id, name }],
    methods: ['commit', 'bestCase', 'monteCarlo'],
    backtest: false,
    seed: 1,
  }).scopes[0];

describe('salesops-forecast', () => {
  afterEach(cleanup);

  it('passes an axe audit', async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the engine's live P10/P50/P90, commit, best case and the rep's quota", async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.A });
    const name = snapshot.usersById.get(small.users.A)?.Name ?? '';
    const expected = live('rep', small.users.A, name);
    const mc = expected?.methods.monteCarlo;
    expect(mc?.p50).to.be.a('number');
    expect(figure(element, 'p50')).to.equal(f.compactMoney(mc?.p50));
    expect(figure(element, 'range')).to.equal(`${f.compactMoney(mc?.p10)}–${f.compactMoney(mc?.p90)}`);
    // Plain words, no statistics jargon.
    expect(element.shadowRoot?.querySelector('.headline-words')?.textContent).to.equal(
      `Likely ${f.compactMoney(mc?.p50)}, range ${f.compactMoney(mc?.p10)}–${f.compactMoney(mc?.p90)}`,
    );
    expect(element.shadowRoot?.textContent).to.not.match(/P10|P50|P90/);
    expect(figure(element, 'commit')).to.equal(f.compactMoney(expected?.methods.commit?.forecast));
    expect(figure(element, 'best-case')).to.equal(f.compactMoney(expected?.methods.bestCase?.forecast));
    expect(figure(element, 'closed-won')).to.equal(f.compactMoney(expected?.closedWon));
    const quota = computePerformance(snapshot, { period, asOf: SMALL_AS_OF }).reps.find(
      (r) => r.repId === small.users.A,
    )?.quota;
    expect(figure(element, 'quota')).to.equal(f.compactMoney(quota));
    expect(element.chart?.data.datasets.length).to.equal(6);
    // The band's edges are drawn in a colour with ≥ 3:1 contrast on white (the brand blue), not the light fill.
    expect(element.chart?.data.datasets[0]?.borderColor).to.equal('#0b5cab');
  });

  it('prefers the stored band and lists the stored accuracy', async () => {
    const client = fixtureClient(smallOrg(), {
      SalesOps_Forecast__c: [
        {
          Scope_Type__c: 'Rep',
          Scope_Id__c: small.users.A,
          Period_Start__c: period.start,
          Period_End__c: period.end,
          P10__c: 1000,
          P50__c: 2000,
          P90__c: 3000,
          As_Of__c: '2026-03-10',
          Method__c: 'monteCarlo',
        },
      ],
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
    expect(figure(element, 'p50')).to.equal('$2K');
    expect(figure(element, 'range')).to.equal('$1K–$3K');
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
    const expected = live('org', org.Id, org.Name ?? org.Id);
    expect(element.shadowRoot?.querySelector('[data-scope]')?.textContent).to.equal(org.Name);
    expect(figure(element, 'p50')).to.equal(f.compactMoney(expected?.methods.monteCarlo?.p50));
  });

  it("forecasts a manager's team when the manager has no deals", async () => {
    const { element } = await mount<SalesopsForecast>('salesops-forecast', { userId: small.users.mgrEast });
    expect(bodyState(element)).to.equal('ready');
    const role = snapshot.rolesById.get(small.roles.mgrEast);
    const manager = snapshot.usersById.get(small.users.mgrEast);
    // A team is named after its manager (metrics.md "Hierarchy and roll-ups").
    const name = `${manager?.Name ?? ''} (${role?.Name ?? ''})`;
    const expected = live('team', small.roles.mgrEast, name);
    expect(element.shadowRoot?.querySelector('[data-scope]')?.textContent).to.equal(name);
    expect(figure(element, 'p50')).to.equal(f.compactMoney(expected?.methods.monteCarlo?.p50));
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsForecast>('salesops-forecast', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    cleanup();
    const empty = await mount<SalesopsForecast>('salesops-forecast', { userId: '005000000000099AAA' });
    expect(bodyState(empty.element)).to.equal('empty');
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
