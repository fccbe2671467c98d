import { expect } from 'chai';
import { computeForecast, computePerformance, createOrgSnapshot, daysBetween, parsePeriodSpec } from '@salesops/core';
import { NoPermissionError } from '../data/client.js';
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
} from '../testing/helpers.js';
import type { SalesopsAttainment } from './attainment.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SMALL_AS_OF });
const report = computePerformance(snapshot, { period, asOf: SMALL_AS_OF });
const f = createFormatters('en-US', 'USD');
const engine = (repId: string) => {
  const rep = report.reps.find((r) => r.repId === repId);
  if (!rep) throw new Error('no rep');
  return rep;
};

describe('salesops-attainment', () => {
  afterEach(cleanup);

  it('passes an axe audit with data', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    expect(bodyState(element)).to.equal('ready');
    await expectAccessible(element);
  });

  it("shows the engine's figures for the rep, as the CLI stored them", async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    const rep = engine(small.users.A);
    expect(rep.closedWon).to.be.greaterThan(0);
    expect(figure(element, 'quota')).to.equal(f.money(rep.quota));
    expect(figure(element, 'closed-won')).to.equal(f.money(rep.closedWon));
    expect(figure(element, 'attainment')).to.equal(f.percent(rep.attainment));
    expect(figure(element, 'pace')).to.equal(f.percent(rep.pace));
    expect(figure(element, 'coverage')).to.equal(f.multiple(rep.coverage));
    expect(figure(element, 'required-coverage')).to.equal(f.multiple(rep.requiredCoverage));
    expect(figure(element, 'days-left')).to.equal(String(daysBetween(SMALL_AS_OF, period.end)));
    const forecast = computeForecast(snapshot, {
      period,
      asOf: SMALL_AS_OF,
      scopes: [{ type: 'rep', id: rep.repId, name: rep.name }],
      seed: 42,
    }).scopes[0];
    expect(figure(element, 'commit')).to.equal(f.money(forecast?.methods.commit?.forecast));
    expect(figure(element, 'best-case')).to.equal(f.money(forecast?.methods.bestCase?.forecast));
    const canvas = element.shadowRoot?.querySelector('canvas');
    expect(canvas?.getAttribute('role')).to.equal('img');
    expect(canvas?.getAttribute('aria-label')).to.contain(f.money(rep.closedWon));
  });

  it('shows the rank from the stored scorecard', async () => {
    const client = fixtureClient(smallOrg(), {
      SalesOps_Rep_Scorecard__c: [
        {
          Rep__c: small.users.A,
          Period_Label__c: period.label,
          Period_Start__c: period.start,
          Period_End__c: period.end,
          Closed_Won__c: 100,
          Rank__c: 2,
          Percentile__c: 67,
          As_Of__c: '2026-03-14',
        },
      ],
    });
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { client, userId: small.users.A });
    expect(figure(element, 'rank')).to.equal('2');
    expect(element.shadowRoot?.textContent).to.contain('Mar 14, 2026');
  });

  it('re-renders when the user changes', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    element.userId = small.users.C;
    await element.updateComplete;
    await element.loaded();
    expect(figure(element, 'closed-won')).to.equal(f.money(engine(small.users.C).closedWon));
    expect(engine(small.users.C).closedWon).to.not.equal(engine(small.users.A).closedWon);
  });

  it('shows the loading, empty, error and no-permission states', async () => {
    const loading = await mount<SalesopsAttainment>('salesops-attainment', { client: pendingClient, wait: false });
    await loading.element.updateComplete;
    expect(bodyState(loading.element)).to.equal('loading');
    await expectAccessible(loading.element);
    cleanup();

    // The VP has no scorecard of their own.
    const empty = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.vp });
    expect([bodyState(empty.element), empty.element.emptyReason]).to.deep.equal(['empty', 'not-written']);
    cleanup();

    const error = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(new Error('HTTP 500 <b>boom</b>')),
      userId: small.users.A,
    });
    expect(bodyState(error.element)).to.equal('error');
    // Escaped: the error text appears as text, not as markup.
    expect(error.element.shadowRoot?.querySelector('b')).to.equal(null);
    expect(error.element.shadowRoot?.textContent).to.contain('<b>boom</b>');
    const retry = error.element.shadowRoot?.querySelector('button');
    expect(retry).to.not.equal(null);
    retry?.focus();
    expect(error.element.shadowRoot?.activeElement).to.equal(retry);
    await expectAccessible(error.element);
    cleanup();

    const denied = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(Object.assign(new Error('no'), { errorCode: 'INSUFFICIENT_ACCESS' })),
      userId: small.users.A,
    });
    expect(bodyState(denied.element)).to.equal('no-permission');
    cleanup();
    const denied2 = await mount<SalesopsAttainment>('salesops-attainment', {
      client: failingClient(new NoPermissionError('no')),
      userId: small.users.A,
    });
    expect(bodyState(denied2.element)).to.equal('no-permission');
    await expectAccessible(denied2.element);
  });

  it('destroys its chart on disconnect and draws it again on reconnect', async () => {
    const { provider, element } = await mount<SalesopsAttainment>('salesops-attainment', { userId: small.users.A });
    const chart = element.chart;
    expect(chart).to.not.equal(undefined);
    element.remove();
    expect(element.chart).to.equal(undefined);
    // chart.js forgets a destroyed chart's canvas.
    expect(chart?.canvas ?? null).to.equal(null);
    provider.append(element);
    await element.updateComplete;
    expect(element.chart).to.not.equal(undefined);
  });

  it('speaks German with German number formats', async () => {
    const { element } = await mount<SalesopsAttainment>('salesops-attainment', {
      userId: small.users.A,
      language: 'de',
      locale: 'de_DE',
    });
    const rep = engine(small.users.A);
    expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Zielerreichung');
    expect(figure(element, 'closed-won')).to.equal(createFormatters('de-DE', 'USD').money(rep.closedWon));
    expect(figure(element, 'closed-won')).to.match(/\$$/);
    await expectAccessible(element);
  });
});
